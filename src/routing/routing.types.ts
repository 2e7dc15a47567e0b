import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { RoutingMode } from './routing.enums.js';

@ObjectType({
  description: 'One agent as automatic assignment sees them: available or away, their capacity and their load.',
})
export class AgentLoad {
  @Field(() => Agent, { description: 'The agent.' })
  agent!: Agent;

  @Field(() => Boolean, { description: 'Takes new tickets (false: away).' })
  available!: boolean;

  @Field(() => Int, { nullable: true, description: "This agent's own capacity; null when the desk's default applies." })
  capacityOverride!: number | null;

  @Field(() => Int, {
    description: 'The most open and in-progress tickets automatic assignment gives them (their own, or the default).',
  })
  capacity!: number;

  @Field(() => Int, { description: 'Open and in-progress tickets assigned to them now, snoozed ones included.' })
  activeTickets!: number;
}

@ObjectType({ description: 'Automatic assignment: how new tickets find an agent.' })
export class RoutingSettings {
  @Field(() => RoutingMode, { description: 'How new tickets find their agent now.' })
  mode!: RoutingMode;

  @Field(() => Int, { description: 'The capacity of agents without their own.' })
  defaultCapacity!: number;

  @Field(() => Int, { description: 'The highest capacity allowed.' })
  maxCapacity!: number;

  @Field(() => Int, {
    description: 'Open and in-progress tickets with no agent: the queue, which drains oldest first.',
  })
  waitingTickets!: number;

  @Field(() => [AgentLoad], { description: 'Every active agent, by name.' })
  agents!: AgentLoad[];
}

@InputType({ description: 'What to change; left out: unchanged.' })
export class RoutingSettingsInput {
  @Field(() => RoutingMode, { nullable: true, description: 'The new mode; left out or null, it stays as it is.' })
  mode?: RoutingMode | null;

  @Field(() => Int, { nullable: true, description: 'From 1 to maxCapacity.' })
  defaultCapacity?: number | null;
}
