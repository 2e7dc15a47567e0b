// Who follows the desk's domain events, in order: built once at start and carried by every SupportContext.
import type { SupportEventHandlers, SupportContext } from './support/support.context.js';
import { followForAudit } from './audit/audit.followers.js';
import { followForSla } from './desk/sla.followers.js';
import { followForMentions } from './mentions/mention.followers.js';
import { followForTimings } from './reports/timing.followers.js';
import { followForRouting } from './routing/routing.followers.js';
import { followForSurvey } from './satisfaction/survey.followers.js';
import { DomainEventHandlers } from './support/domain-events.js';
import { publishDomainEvents } from './support/event-topics.js';
import { followForWebhooks } from './webhooks/webhook.followers.js';

export function createDomainFollowers(): SupportEventHandlers {
  const handlers = new DomainEventHandlers<SupportContext>();
  // Inside the transaction: what must commit with the change. The audit comes last, to record the state that commits.
  followForSla(handlers);
  followForTimings(handlers);
  followForSurvey(handlers);
  followForMentions(handlers);
  followForAudit(handlers);
  followForWebhooks(handlers);
  // After commit, before the caller answers: agents' screens are told, then waiting tickets find agents.
  handlers.onAfterCommit((events, ctx) => {
    publishDomainEvents(ctx.pubsub, events);
    return undefined;
  });
  followForRouting(handlers);
  return handlers;
}
