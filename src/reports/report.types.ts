// The desk's report as GraphQL serves it: totals, a series per day and a row per agent for one range.
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { SatisfactionSummary } from '../satisfaction/satisfaction.types.js';

export enum ReportHours {
  CALENDAR = 'CALENDAR',
  BUSINESS = 'BUSINESS',
}
registerEnumType(ReportHours, {
  name: 'ReportHours',
  description:
    "CALENDAR: durations as the clock runs; BUSINESS: only the desk's opening hours count (the hours kept when the reply or resolution happened).",
  valuesConfig: {
    CALENDAR: { description: 'Durations as the clock runs, nights and weekends included.' },
    BUSINESS: { description: 'Only the desk’s opening hours count.' },
  },
});

@InputType({ description: 'A range of whole local days, both included, in a time zone.' })
export class ReportInput {
  @Field(() => String, { description: 'The first day, "YYYY-MM-DD".' })
  from!: string;

  @Field(() => String, { description: 'The last day, "YYYY-MM-DD" (included). At most ten years after `from`.' })
  to!: string;

  @Field(() => ReportHours, {
    defaultValue: ReportHours.CALENDAR,
    description: 'CALENDAR (the default) or BUSINESS durations.',
  })
  hours!: ReportHours;

  @Field(() => String, {
    nullable: true,
    description: "An IANA time zone the days are read in; the desk's own (or UTC) when omitted.",
  })
  timeZone?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Durations in seconds over the tickets they apply to; nearest-rank percentiles; null when there are none.',
})
export class DurationSummary {
  @Field(() => Int, { description: 'How many tickets the figures cover.' })
  count!: number;

  @Field(() => Int, { nullable: true, description: 'The median, in seconds; null when count is 0.' })
  medianSeconds!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The 90th percentile (nearest rank), in seconds; null when count is 0.',
  })
  p90Seconds!: number | null;

  @Field(() => Int, { nullable: true, description: 'The mean, in seconds; null when count is 0.' })
  averageSeconds!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'One local day of the range.' })
export class ReportDay {
  @Field(() => String, { description: '"YYYY-MM-DD" in the report\'s time zone.' })
  date!: string;

  @Field(() => Int, { description: 'Tickets opened that day.' })
  opened!: number;

  @Field(() => Int, { description: 'Tickets resolved (or closed) that day.' })
  resolved!: number;

  @Field(() => Int, { description: 'Tickets open at the end of the day: opened before then and not resolved by then.' })
  backlog!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "One agent's figures: the tickets they hold. The row without an agent counts unassigned tickets.",
})
export class AgentReport {
  @Field(() => Agent, { nullable: true, description: 'Null: tickets nobody holds.' })
  agent!: Agent | null;

  @Field(() => Int, { description: 'Tickets opened in the range that the agent holds.' })
  opened!: number;

  @Field(() => Int, { description: 'Tickets resolved in the range that the agent holds.' })
  resolved!: number;

  @Field(() => Int, { description: 'Open tickets the agent holds at the end of the range.' })
  backlog!: number;

  @Field(() => DurationSummary, { description: 'First replies given in the range, from the first message.' })
  firstResponse!: DurationSummary;

  @Field(() => DurationSummary, { description: 'Resolutions in the range, from the first message.' })
  resolution!: DurationSummary;

  @Field(() => SatisfactionSummary, { description: 'Ratings given in the range.' })
  satisfaction!: SatisfactionSummary;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The desk over a range of days: every figure is aggregated by the database.',
})
export class DeskReport {
  @Field(() => String, { description: 'The first day, "YYYY-MM-DD", as asked.' })
  from!: string;

  @Field(() => String, { description: 'The last day, "YYYY-MM-DD" (included), as asked.' })
  to!: string;

  @Field(() => String, { description: 'The IANA time zone the days were read in.' })
  timeZone!: string;

  @Field(() => ReportHours, { description: 'CALENDAR or BUSINESS durations, as asked.' })
  hours!: ReportHours;

  @Field(() => Int, { description: 'Tickets opened in the range.' })
  opened!: number;

  @Field(() => Int, { description: 'Tickets resolved (or closed) in the range.' })
  resolved!: number;

  @Field(() => Int, { description: 'Tickets open when the range begins.' })
  backlogAtStart!: number;

  @Field(() => Int, { description: 'Tickets open when the range ends.' })
  backlogAtEnd!: number;

  @Field(() => DurationSummary, {
    description: 'First replies given in the range, timed from the person’s first message.',
  })
  firstResponse!: DurationSummary;

  @Field(() => DurationSummary, {
    description: 'Resolutions in the range, timed from the first message (or the reopening).',
  })
  resolution!: DurationSummary;

  @Field(() => SatisfactionSummary, { description: 'Satisfaction ratings given in the range.' })
  satisfaction!: SatisfactionSummary;

  @Field(() => [ReportDay], { description: 'Every day of the range, in order.' })
  days!: ReportDay[];

  @Field(() => [AgentReport], { description: 'Agents with anything in the range, busiest first; unassigned last.' })
  agents!: AgentReport[];

  @Field(() => Date, { description: 'When the figures were read.' })
  generatedAt!: Date;
}
