// Satisfaction over GraphQL: a ticket's rating, and the counts over a period.
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphqlContext } from '../graphql/context.js';
import { Ticket, type TicketRecord } from '../support/ticket.entity.js';
import { TicketSatisfaction } from './satisfaction.entity.js';
import { summarizeSatisfaction } from './satisfaction.service.js';
import { SatisfactionSummary } from './satisfaction.types.js';

@Resolver(() => Ticket)
export class TicketSatisfactionResolver {
  @FieldResolver(() => TicketSatisfaction, {
    nullable: true,
    description:
      'The person’s rating from the satisfaction survey sent when the ticket was resolved; null until they rate.',
  })
  satisfaction(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<TicketSatisfaction | null> {
    return ctx.loaders.satisfaction.load(ticket.id);
  }
}

@Resolver()
export class SatisfactionResolver {
  @Query(() => SatisfactionSummary, {
    description: 'Ratings given from `from` (inclusive) to `to` (exclusive), counted by rating. At most ten years.',
  })
  satisfactionSummary(
    @Arg('from', () => Date, { description: 'The start of the period (inclusive).' }) from: Date,
    @Arg('to', () => Date, {
      description: 'The end of the period (exclusive), after from and at most ten years later (else BAD_USER_INPUT).',
    })
    to: Date,
    @Ctx() ctx: GraphqlContext,
  ): Promise<SatisfactionSummary> {
    return summarizeSatisfaction(ctx.em, from, to);
  }
}
