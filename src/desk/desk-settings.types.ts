// GraphQL shapes of the desk's settings: opening hours, holidays, SLA targets, and a ticket's SLA.
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { TicketPriority } from '../support/support.enums.js';
import { SlaState } from '../support/sla-state.js';

@ObjectType({
  simpleResolvers: true,
  description: 'One stretch of opening hours on a weekday, in the desk’s time zone.',
})
export class OpeningInterval {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field(() => String, { description: 'HH:MM, local time.' })
  start!: string;

  @Field(() => String, {
    description:
      'HH:MM after start; 24:00 is midnight, and an interval from 00:00 the next day continues it (overnight hours).',
  })
  end!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A day the desk is closed all day.' })
export class Holiday {
  @Field(() => String, { description: 'YYYY-MM-DD, a date in the desk’s time zone.' })
  date!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the day is, as the admin named it (“Christmas”); null when unnamed.',
  })
  name!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'When agents are at the desk. With no intervals the desk is always open.',
})
export class BusinessHours {
  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/London; null until hours are set.' })
  timeZone!: string | null;

  @Field(() => [OpeningInterval], { description: 'The weekly opening intervals, by weekday and start.' })
  intervals!: OpeningInterval[];

  @Field(() => [Holiday], { description: 'Days closed all day, by date.' })
  holidays!: Holiday[];

  @Field(() => Boolean, { description: 'Whether the desk is open now.' })
  openNow!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the desk next opens (now, when open); null when it never opens in the next year.',
  })
  nextOpeningAt!: Date | null;
}

@InputType({ description: 'One stretch of opening hours on a weekday, in the time zone given.' })
export class OpeningIntervalInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field(() => String, { description: 'HH:MM, 00:00 to 23:59.' })
  start!: string;

  @Field(() => String, { description: 'HH:MM after start, up to 24:00.' })
  end!: string;
}

@InputType({ description: 'A day the desk is closed all day.' })
export class HolidayInput {
  @Field(() => String, { description: 'YYYY-MM-DD.' })
  date!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the day is; at most 80 characters; null or blank: unnamed.',
  })
  name?: string | null;
}

@InputType({ description: 'The whole set of hours: it replaces what was there. Intervals of one day may not overlap.' })
export class BusinessHoursInput {
  @Field(() => String, { description: 'IANA time zone, e.g. Europe/London.' })
  timeZone!: string;

  @Field(() => [OpeningIntervalInput], { description: 'Empty: always open.' })
  intervals!: OpeningIntervalInput[];

  @Field(() => [HolidayInput], {
    nullable: true,
    description: 'The closed days; left out or null: none. Each date once.',
  })
  holidays?: HolidayInput[] | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'SLA targets for one priority, in business minutes (calendar minutes when no hours are set).',
})
export class SlaTarget {
  @Field(() => TicketPriority, { description: 'The priority these targets are for.' })
  priority!: TicketPriority;

  @Field(() => Int, {
    nullable: true,
    description: 'From the person’s first message to an agent’s first reply; null: no target.',
  })
  firstResponseMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: 'From the person’s first message to resolution; null: no target.' })
  resolutionMinutes!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'The desk’s SLA targets. A priority without a target has no SLA.' })
export class SlaPolicy {
  @Field(() => [SlaTarget], { description: 'One entry per priority that has targets.' })
  targets!: SlaTarget[];

  @Field(() => Int, { description: 'A target is AT_RISK once this share (percent) of it has passed.' })
  atRiskPercent!: number;
}

@InputType({ description: 'SLA targets for one priority, in business minutes.' })
export class SlaTargetInput {
  @Field(() => TicketPriority, { description: 'The priority these targets are for; each priority at most once.' })
  priority!: TicketPriority;

  @Field(() => Int, { nullable: true, description: 'Minutes above 0; null: no target.' })
  firstResponseMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes above 0; null: no target.' })
  resolutionMinutes?: number | null;
}

@InputType({ description: 'The whole policy: it replaces what was there. Empty targets: no SLA.' })
export class SlaPolicyInput {
  @Field(() => [SlaTargetInput], {
    description: 'One entry per priority with targets; a priority left out has no SLA.',
  })
  targets!: SlaTargetInput[];

  @Field(() => Int, { nullable: true, defaultValue: 80, description: '1 to 99.' })
  atRiskPercent?: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A ticket’s SLA: its due times (set when it opened or its priority changed) and its state now.',
})
export class TicketSla {
  @Field(() => Date, {
    nullable: true,
    description: 'When an agent’s first reply is due; null when the ticket’s priority has no such target.',
  })
  firstResponseDueAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When resolution is due; null when the ticket’s priority has no such target.',
  })
  resolutionDueAt!: Date | null;

  @Field(() => SlaState, { description: 'OK, AT_RISK or BREACHED, now.' })
  state!: SlaState;

  @Field(() => Date, { nullable: true, description: 'When the breach sweep escalated it (once).' })
  breachedAt!: Date | null;
}
