// What a saved view filters on: the same words as the ticket list's filters, as an output and an input type.
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { SlaState } from '../support/sla-state.js';
import { TicketPriority, TicketStatus } from '../support/support.enums.js';
import { OrderDirection, TicketOrderField } from '../support/ticket.inputs.js';

export enum ViewAssignee {
  ME = 'ME',
  UNASSIGNED = 'UNASSIGNED',
  ANYONE = 'ANYONE',
}
registerEnumType(ViewAssignee, {
  name: 'ViewAssignee',
  description:
    'Whose tickets a view lists: ME (the agent looking at it, so a desk view shows each agent their own), UNASSIGNED, or ANYONE.',
  valuesConfig: {
    ME: { description: 'The tickets of the agent looking at the view.' },
    UNASSIGNED: { description: 'Tickets nobody holds.' },
    ANYONE: { description: 'Every ticket, or one agent’s with assigneeId.' },
  },
});

const DESCRIPTIONS = {
  status: 'Tickets in ANY of these statuses; none: every status.',
  snoozed: 'true: only snoozed tickets; false: only those not snoozed; null: as the ticket list decides.',
  priority: 'Tickets of ANY of these priorities; none: every priority.',
  assignee: 'Whose tickets; ANYONE when left out.',
  assigneeId: 'One agent’s tickets (with assignee ANYONE); an unknown agent is BAD_USER_INPUT.',
  labelIds: 'Tickets carrying ANY of these labels (at most 20); an unknown label is BAD_USER_INPUT.',
  slaState: 'Tickets whose SLA is in ANY of these states now.',
  search: 'Text in the issue, the thread, the name, the number or a label (at most 200 characters).',
  orderField:
    'How the list is ordered; LAST_MESSAGE_AT when left out. RELEVANCE only with a search (else BAD_USER_INPUT).',
  orderDirection: 'DESC when left out.',
};

@ObjectType('SavedViewFilters', { simpleResolvers: true, description: 'The filters of a saved view.' })
export class SavedViewFilters {
  @Field(() => [TicketStatus], { nullable: true, description: DESCRIPTIONS.status })
  status?: TicketStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: DESCRIPTIONS.snoozed })
  snoozed?: boolean | null;

  @Field(() => [TicketPriority], { nullable: true, description: DESCRIPTIONS.priority })
  priority?: TicketPriority[] | null;

  @Field(() => ViewAssignee, { description: DESCRIPTIONS.assignee })
  assignee!: ViewAssignee;

  @Field(() => ID, { nullable: true, description: DESCRIPTIONS.assigneeId })
  assigneeId?: string | null;

  @Field(() => [ID], { nullable: true, description: DESCRIPTIONS.labelIds })
  labelIds?: string[] | null;

  @Field(() => [SlaState], { nullable: true, description: DESCRIPTIONS.slaState })
  slaState?: SlaState[] | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.search })
  search?: string | null;

  @Field(() => TicketOrderField, { nullable: true, description: DESCRIPTIONS.orderField })
  orderField?: TicketOrderField | null;

  @Field(() => OrderDirection, { nullable: true, description: DESCRIPTIONS.orderDirection })
  orderDirection?: OrderDirection | null;
}

@InputType({ description: 'The filters of a saved view; everything left out filters nothing.' })
export class SavedViewFiltersInput {
  @Field(() => [TicketStatus], { nullable: true, description: DESCRIPTIONS.status })
  status?: TicketStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: DESCRIPTIONS.snoozed })
  snoozed?: boolean | null;

  @Field(() => [TicketPriority], { nullable: true, description: DESCRIPTIONS.priority })
  priority?: TicketPriority[] | null;

  @Field(() => ViewAssignee, { nullable: true, description: DESCRIPTIONS.assignee })
  assignee?: ViewAssignee | null;

  @Field(() => ID, { nullable: true, description: DESCRIPTIONS.assigneeId })
  assigneeId?: string | null;

  @Field(() => [ID], { nullable: true, description: DESCRIPTIONS.labelIds })
  labelIds?: string[] | null;

  @Field(() => [SlaState], { nullable: true, description: DESCRIPTIONS.slaState })
  slaState?: SlaState[] | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.search })
  search?: string | null;

  @Field(() => TicketOrderField, { nullable: true, description: DESCRIPTIONS.orderField })
  orderField?: TicketOrderField | null;

  @Field(() => OrderDirection, { nullable: true, description: DESCRIPTIONS.orderDirection })
  orderDirection?: OrderDirection | null;
}

@InputType({ description: 'A new saved view.' })
export class CreateSavedViewInput {
  @Field(() => String, { description: '1 to 40 characters; unique among the views the caller sees.' })
  name!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'True: a desk view for every agent (admins only, FORBIDDEN otherwise). False: the caller’s own.',
  })
  shared?: boolean | null;

  @Field(() => SavedViewFiltersInput, { description: 'What the view lists; limits as in SavedViewFiltersInput.' })
  filters!: SavedViewFiltersInput;
}

@InputType({ description: 'What to change in a saved view; what is left out (or null) stays.' })
export class UpdateSavedViewInput {
  @Field(() => String, { nullable: true, description: '1 to 40 characters.' })
  name?: string | null;

  @Field(() => SavedViewFiltersInput, { nullable: true, description: 'Replaces the view’s filters as a whole.' })
  filters?: SavedViewFiltersInput | null;
}
