// The one place a SupportContext is filled in: for a GraphQL request, the webhook and the background jobs alike.
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Config } from '../config.js';
import type { SupportPubSub } from '../pubsub/pubsub.js';
import type { OutboundChannel, SupportContext, SupportEventHandlers } from './support.context.js';

/** What a SupportContext is made from: the process's one of each (AppServices has them all). */
export interface SupportSources {
  orm: MikroORM;
  pubsub: SupportPubSub;
  outbound: OutboundChannel;
  handlers: SupportEventHandlers;
  config: Pick<Config, 'satisfactionSurvey' | 'reopenWithinMs'> & {
    limits: Pick<Config['limits'], 'ticketsPerPhonePerHour'>;
  };
}

/** A context on `em`, or on a fresh fork when none is given (a job's run, a webhook delivery). */
export function createSupportContext(
  sources: SupportSources,
  em: EntityManager = sources.orm.em.fork(),
): SupportContext {
  const { config } = sources;
  return {
    em,
    pubsub: sources.pubsub,
    outbound: sources.outbound,
    ticketsPerPhonePerHour: config.limits.ticketsPerPhonePerHour,
    satisfactionSurvey: config.satisfactionSurvey,
    reopenWithinMs: config.reopenWithinMs,
    handlers: sources.handlers,
  };
}
