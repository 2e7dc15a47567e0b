// Similar resolved tickets, as a Ticket field and as a root query for tools that hold only an id.
import { Arg, Ctx, FieldResolver, Float, ID, Int, ObjectType, Field, Query, Resolver, Root } from 'type-graphql';
import type { GraphqlContext } from '../graphql/context.js';
import { Message, type MessageRecord } from './message.entity.js';
import { MAX_SIMILAR, similarLimit, type Question, type SimilarTicketRecord } from './similar-tickets.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';
import { loadTicket } from './ticket.repository.js';

@ObjectType({
  description:
    'A resolved or closed ticket whose person asked much the same thing as the ticket it was found for, with the reply that resolved it: a starting point for the answer.',
})
export class SimilarTicket {
  @Field(() => Ticket, { description: 'The earlier ticket (RESOLVED or CLOSED, never the ticket asked about).' })
  ticket!: TicketRecord;

  @Field(() => Float, {
    description:
      "How closely its person's messages match the question, by the full-text index: greater than 0, higher is closer. Only comparable within one answer, not across tickets, databases or time.",
  })
  score!: number;

  /** Read through the request's loaders by the field resolver below. */
  resolvingReplyId!: number | null;
}

const FIRST_DESCRIPTION = `How many to return, closest first: 0 to ${MAX_SIMILAR}, 3 when left out; beyond is BAD_USER_INPUT.`;
const FIELD_DESCRIPTION =
  "The resolved or closed tickets most similar to this one, closest first: the significant words of the issue and of the person's three newest messages (words of four letters or more, common words left out, at most 20) are looked up in the full-text index over other tickets' messages from their people, and each ticket is scored by its matching messages. Computed on the desk's own database, no external service. Empty when nothing matches or the question has no significant word. Anyone who may read tickets may ask (an agent, an admin, an API token with READ). Answers BAD_USER_INPUT when `first` is out of range.";

@Resolver(() => SimilarTicket)
export class SimilarTicketResolver {
  @FieldResolver(() => Message, {
    nullable: true,
    description:
      'The last reply an agent sent the person (internal notes left out) before the ticket was resolved; null when there was none. Insert its body as a draft, adapted, rather than sending it as it is.',
  })
  resolvingReply(
    @Root() similar: SimilarTicketRecord,
    @Ctx() ctx: GraphqlContext,
  ): Promise<MessageRecord | null> | null {
    return similar.resolvingReplyId === null ? null : ctx.loaders.message.load(similar.resolvingReplyId);
  }

  @Query(() => [SimilarTicket], {
    description: `${FIELD_DESCRIPTION} Also answers NOT_FOUND for an unknown ticket id.`,
  })
  async similarTickets(
    @Ctx() ctx: GraphqlContext,
    @Arg('ticketId', () => ID, { description: 'The ticket to find similar ones for.' }) ticketId: string,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number | null,
  ): Promise<SimilarTicketRecord[]> {
    const limit = similarLimit(first);
    const ticket = await loadTicket(ctx.em, ticketId);
    return similarTo(ctx, ticket, limit);
  }
}

@Resolver(() => Ticket)
export class TicketSimilarResolver {
  @FieldResolver(() => [SimilarTicket], { description: FIELD_DESCRIPTION })
  similarTickets(
    @Root() ticket: TicketRecord,
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number | null,
  ): Promise<SimilarTicketRecord[]> {
    return similarTo(ctx, ticket, similarLimit(first));
  }
}

/** Through the request's loader: a page of tickets asking for their similar ones is looked up in one batch. */
function similarTo(ctx: GraphqlContext, ticket: Question, limit: number): Promise<SimilarTicketRecord[]> {
  return ctx.loaders.similarTickets.load({
    ticket: { id: ticket.id, issueDescription: ticket.issueDescription },
    limit,
  });
}
