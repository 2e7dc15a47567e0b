// GraphQL answers of the bulk ticket mutations: one outcome per ticket, so that a tool sees what changed and why
// the rest did not.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Ticket, type TicketRecord } from './ticket.entity.js';

@ObjectType({ simpleResolvers: true, description: 'Why one ticket of a bulk change was not changed.' })
export class BulkTicketError {
  @Field(() => String, {
    description:
      'The code a single-ticket mutation would answer with: NOT_FOUND (no such ticket), BAD_USER_INPUT (the change does not apply to it now, e.g. it is already resolved, or is not open and so cannot be snoozed), CONFLICT (someone changed it at the same moment, again and again; try again), INTERNAL_SERVER_ERROR.',
  })
  code!: string;

  @Field(() => String, { description: 'For people: what was wrong with this ticket.' })
  message!: string;
}

@ObjectType({ simpleResolvers: true, description: 'What became of one ticket of a bulk change.' })
export class BulkTicketOutcome {
  @Field(() => ID, { description: 'The id as it was passed in ticketIds.' })
  ticketId!: string;

  @Field(() => Boolean, { description: 'Whether the change was made to this ticket (error is then null).' })
  succeeded!: boolean;

  @Field(() => Ticket, {
    nullable: true,
    description:
      'The ticket after the change; when it was not changed, the ticket as it stands (its status tells why a close failed); null when there is no such ticket.',
  })
  ticket!: TicketRecord | null;

  @Field(() => BulkTicketError, { nullable: true, description: 'Why it was not changed; null when it was.' })
  error!: BulkTicketError | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'The answer of a bulk ticket mutation. Each ticket was changed in a transaction of its own, exactly as the single-ticket mutation changes it (events, audit trail, SLA, subscriptions, WhatsApp messages), so one that could not be changed does not stop the others.',
})
export class BulkTicketResult {
  @Field(() => [BulkTicketOutcome], {
    description: 'One outcome per distinct id, in the order the ids were given (a repeated id is changed once).',
  })
  outcomes!: BulkTicketOutcome[];

  @Field(() => Int, { description: 'How many tickets were changed.' })
  succeededCount!: number;

  @Field(() => Int, { description: 'How many tickets were not changed (see each outcome’s error).' })
  failedCount!: number;
}
