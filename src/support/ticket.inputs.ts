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
}
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(TicketOrderField, {
  name: 'TicketOrderField',
  valuesConfig: {
    SLA_DUE: {
      description: 'The soonest pending SLA due time; only open tickets with a target still pending are listed.',
    },
  },
});
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@InputType()
export class CreateTicketInput {
  @Field(() => String, { description: 'With country code; spaces, dashes and a leading + are dropped.' })
  phoneNumber!: string;

  @Field(() => String, { nullable: true })
  senderName?: string | null;

  @Field(() => String, { description: 'Also the first message of the thread. At most 4,096 characters.' })
  issueDescription!: string;

  @Field(() => TicketPriority, { nullable: true, defaultValue: TicketPriority.MEDIUM })
  priority?: TicketPriority | null;

  @Field(() => String, { nullable: true })
  studentId?: string | null;
}

@InputType()
export class TicketFilter {
  @Field(() => [TicketStatus], { nullable: true })
  status?: TicketStatus[] | null;

  @Field(() => [TicketPriority], { nullable: true })
  priority?: TicketPriority[] | null;

  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => Boolean, { nullable: true })
  unassigned?: boolean | null;

  @Field(() => String, { nullable: true })
  phoneNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Text in the issue, the thread, the name, the phone number or a label’s name.',
  })
  search?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Tickets carrying ANY of these labels (at most 100).' })
  labelIds?: string[] | null;

  @Field(() => Date, { nullable: true })
  createdAfter?: Date | null;

  @Field(() => Date, { nullable: true })
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

@InputType()
export class TicketOrder {
  @Field(() => TicketOrderField)
  field!: TicketOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction!: OrderDirection;
}

export const DEFAULT_TICKET_ORDER = {
  field: TicketOrderField.UPDATED_AT as OrderField,
  direction: OrderDirection.DESC,
};
