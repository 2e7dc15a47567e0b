// The satisfaction survey follows resolutions: open work that is now resolved asks the person for a rating,
// in the resolution's transaction (its outbox row commits with it, after the closing message's).
import type { SupportEventHandlers } from '../support/support.context.js';
import { isActiveStatus, TicketStatus } from '../support/support.enums.js';

export function followForSurvey(handlers: SupportEventHandlers): void {
  handlers.onInTransaction('TicketStatusChanged', async ({ ticket, from, to }, { ctx, em }) => {
    if (ctx.satisfactionSurvey && isActiveStatus(from) && to === TicketStatus.RESOLVED)
      await ctx.outbound.askForRating(em, ticket);
  });
}
