// GraphQL inputs for tickets: what clients may pass to create, filter and order them.
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { TicketPriority, TicketStatus } from './support.enums.js';
import { SlaState } from './sla-state.js';
import type { TicketOrderField as OrderField } from './ticket.query.js';

export enum TicketOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  LAST_MESSAGE_AT = 'LAST_MESSAGE_AT',
  PRIORITY = 'PRIORITY',
  SLA_DUE = 'SLA_DUE',
  RELEVANCE = 'RELEVANCE',
}
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(TicketOrderField, {
  name: 'TicketOrderField',
  description: 'What a ticket list is ordered by; ties are broken by id, so pages stay stable.',
  valuesConfig: {
    CREATED_AT: { description: 'When the ticket was opened.' },
    UPDATED_AT: { description: 'When the ticket last changed (the default order, newest first).' },
    LAST_MESSAGE_AT: { description: 'When the newest message of its thread was written.' },
    PRIORITY: { description: 'Urgency: LOW < MEDIUM < HIGH < URGENT.' },
    SLA_DUE: {
      description: 'The soonest pending SLA due time; only open tickets with a target still pending are listed.',
    },
    RELEVANCE: {
      description:
        'How well the ticket matches filter.search, best first with DESC: the full-text index’s scores of its matching messages, summed, with a match in the issue or the person’s name counting more; ties by latest activity. The same tickets and totalCount as any other order. Needs filter.search: without one it is BAD_USER_INPUT.',
    },
  },
});
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Which way a list runs.',
  valuesConfig: {
    ASC: { description: 'Smallest or oldest first.' },
    DESC: { description: 'Largest or newest first.' },
  },
});

@InputType({ description: 'A ticket opened by an agent or a tool on a person’s behalf (createTicket).' })
export class CreateTicketInput {
  @Field(() => String, { description: 'With country code; spaces, dashes and a leading + are dropped.' })
  phoneNumber!: string;

  @Field(() => String, { nullable: true, description: 'The person’s name as agents see it; at most 255 characters.' })
  senderName?: string | null;

  @Field(() => String, { description: 'Also the first message of the thread. At most 4,096 characters.' })
  issueDescription!: string;

  @Field(() => TicketPriority, {
    nullable: true,
    defaultValue: TicketPriority.MEDIUM,
    description: 'How urgent the ticket is; MEDIUM when left out.',
  })
  priority?: TicketPriority | null;

  @Field(() => String, {
    nullable: true,
    description: 'The person’s student id, kept on the ticket for agents; at most 64 characters.',
  })
  studentId?: string | null;
}

@InputType({
  description:
    'Which tickets a list shows; every field given must match (AND), a list field matches ANY of its values.',
})
export class TicketFilter {
  @Field(() => [TicketStatus], { nullable: true, description: 'Tickets in ANY of these statuses.' })
  status?: TicketStatus[] | null;

  @Field(() => [TicketPriority], { nullable: true, description: 'Tickets with ANY of these priorities.' })
  priority?: TicketPriority[] | null;

  @Field(() => ID, { nullable: true, description: 'Tickets assigned to this agent (an Admin id).' })
  assigneeId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only tickets nobody is assigned to.' })
  unassigned?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Tickets from this phone number, with country code; spaces, dashes and a leading + are ignored.',
  })
  phoneNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Text in the issue, the thread, the name, the phone number or a label’s name.',
  })
  search?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Tickets carrying ANY of these labels (at most 100).' })
  labelIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Tickets opened at or after this instant.' })
  createdAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Tickets opened before this instant (exclusive).' })
  createdBefore?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only snoozed tickets; false: only tickets that are not snoozed. Left out, snoozed tickets are hidden when status asks only for OPEN and IN_PROGRESS (the open list), and included otherwise.',
  })
  snoozed?: boolean | null;

  @Field(() => [SlaState], {
    nullable: true,
    description: 'Tickets whose SLA is in ANY of these states now (tickets without an SLA are in none).',
  })
  slaState?: SlaState[] | null;
}

@InputType({ description: 'How a ticket list is ordered; left out, by UPDATED_AT, newest first.' })
export class TicketOrder {
  @Field(() => TicketOrderField, { description: 'The sort key.' })
  field!: TicketOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'DESC (the default) or ASC.' })
  direction!: OrderDirection;
}

export const DEFAULT_TICKET_ORDER = {
  field: TicketOrderField.UPDATED_AT as OrderField,
  direction: OrderDirection.DESC,
};
