// Labels on tickets: Ticket.labels (through the request's loader) and the bulk mutations agents use.
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { actorOf } from '../auth/auth.service.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { Ticket, type TicketRecord } from '../support/ticket.entity.js';
import { Label, type LabelRecord } from './label.entity.js';
import { addLabels, removeLabels } from './ticket-label.service.js';

@Resolver(() => Ticket)
export class TicketLabelsResolver {
  @FieldResolver(() => [Label], { description: 'Its labels, by name.' })
  labels(@Root() ticket: TicketRecord, @Ctx() ctx: GraphqlContext): Promise<LabelRecord[]> {
    return ctx.loaders.ticketLabels.load(ticket.id);
  }

  @Mutation(() => [Ticket], {
    description:
      'Puts the labels (at most 20) on the tickets (at most 100), all or nothing; returns the tickets in the order given. Each ticket that changed gets ticketUpdated and an audit entry (ticket.labeled).',
  })
  addLabels(
    @Arg('ticketIds', () => [ID], {
      description: 'The tickets to label, at most 100; an unknown id is NOT_FOUND and changes nothing.',
    })
    ticketIds: string[],
    @Arg('labelIds', () => [ID], {
      description: 'The labels, at most 20; an unknown id is NOT_FOUND and changes nothing.',
    })
    labelIds: string[],
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket[]> {
    return addLabels(ctx.support, actorOf(callerOf(ctx)), ticketIds, labelIds);
  }

  @Mutation(() => [Ticket], {
    description:
      'Takes the labels (at most 20) off the tickets (at most 100), all or nothing; returns the tickets in the order given. Each ticket that changed gets ticketUpdated and an audit entry (ticket.unlabeled).',
  })
  removeLabels(
    @Arg('ticketIds', () => [ID], {
      description: 'The tickets to take the labels off, at most 100; an unknown id is NOT_FOUND and changes nothing.',
    })
    ticketIds: string[],
    @Arg('labelIds', () => [ID], {
      description: 'The labels, at most 20; an unknown id is NOT_FOUND and changes nothing.',
    })
    labelIds: string[],
    @Ctx() ctx: GraphqlContext,
  ): Promise<Ticket[]> {
    return removeLabels(ctx.support, actorOf(callerOf(ctx)), ticketIds, labelIds);
  }
}
