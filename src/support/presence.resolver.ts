// Collision detection: agents report that they view a ticket or type a reply; everyone sees it live.
import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Caller } from '../auth/caller.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import type { TicketPresenceView } from './presence.board.js';
import type { PresenceReporter } from './presence.service.js';
import { TicketPresence } from './presence.types.js';
import { loadTicket } from './ticket.repository.js';

/** A socket's reports belong to that socket (they end with it); over HTTP, to the session or token. */
function reporterOf(caller: Caller, connectionId: string | null): PresenceReporter {
  const { id, name, email, role } = caller.admin;
  const clientKey = connectionId
    ? `ws:${connectionId}`
    : caller.kind === 'session'
      ? `session:${caller.sessionId}`
      : `token:${caller.tokenId}`;
  return { agent: { id, name, email, role }, clientKey, connectionId };
}

async function watchPresence({ args, context }: SubscribeResolverData<unknown, { ticketId: string }, GraphqlContext>) {
  const ticket = await loadTicket(context.em, args.ticketId);
  return context.app.presence.board.watch(ticket.id);
}

@Resolver()
export class PresenceResolver {
  @Query(() => TicketPresence, {
    name: 'ticketPresence',
    description: 'Who is viewing the ticket and who is typing, now. An unknown id is NOT_FOUND.',
  })
  async currentPresence(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<TicketPresenceView> {
    const ticket = await loadTicket(ctx.em, ticketId);
    return ctx.app.presence.board.snapshot(ticket.id);
  }

  @Mutation(() => TicketPresence, {
    description:
      'A heartbeat: the caller views the ticket (and is typing a reply, with typing: true). Send it on opening the ticket, ' +
      'when typing starts or stops, and at least every 5 seconds while the ticket stays open; a viewer with no heartbeat ' +
      'for 15 seconds (PRESENCE_TTL_MS) is gone, and one reporting over a WebSocket is gone as soon as that socket closes. ' +
      'viewing: false leaves at once. Typing also shows the person on WhatsApp a typing indicator (at most one per ticket ' +
      'every 20 seconds; only inside the 24-hour window). Answers the presence after the report.',
  })
  async reportPresence(
    @Arg('ticketId', () => ID, { description: 'The ticket’s id; an unknown id is NOT_FOUND.' }) ticketId: string,
    @Ctx() ctx: GraphqlContext,
    @Arg('typing', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'true while the caller is typing a reply; false (the default) when not.',
    })
    typing: boolean | null,
    @Arg('viewing', () => Boolean, {
      nullable: true,
      defaultValue: true,
      description: 'true (the default) while the caller has the ticket open; false leaves it at once.',
    })
    viewing: boolean | null,
  ): Promise<TicketPresenceView> {
    const reporter = reporterOf(callerOf(ctx), ctx.connectionId);
    const ticket = await loadTicket(ctx.em, ticketId);
    return ctx.app.presence.report(ticket.id, reporter, { typing: typing ?? false, viewing: viewing ?? true });
  }

  @Subscription(() => TicketPresence, {
    name: 'ticketPresence',
    subscribe: watchPresence,
    description:
      'The presence on one ticket: at once, then on every change (a viewer arrives or leaves, starts or stops typing).',
  })
  presenceChanged(
    @Root() view: TicketPresenceView,
    @Arg('ticketId', () => ID, { description: 'The ticket to watch; an unknown id is NOT_FOUND.' }) _ticketId: string,
  ): TicketPresenceView {
    return view;
  }
}
