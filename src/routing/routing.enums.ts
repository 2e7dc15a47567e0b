import { registerEnumType } from 'type-graphql';

/** How a new ticket finds its agent. */
export enum RoutingMode {
  OFF = 'OFF',
  ROUND_ROBIN = 'ROUND_ROBIN',
  LEAST_LOADED = 'LEAST_LOADED',
}

registerEnumType(RoutingMode, {
  name: 'RoutingMode',
  description:
    'OFF: tickets wait for an agent to take them. ROUND_ROBIN: the next available agent with room, in turn. LEAST_LOADED: the available agent with the fewest open and in-progress tickets (ties go to the next in turn).',
  valuesConfig: {
    OFF: { description: 'No automatic assignment: tickets wait for an agent to take them.' },
    ROUND_ROBIN: { description: 'The next available agent with room, in turn.' },
    LEAST_LOADED: {
      description: 'The available agent with the fewest open and in-progress tickets; ties go to the next in turn.',
    },
  },
});

/** The audit log's name for the rule that chose an agent. */
export const ruleName: Record<RoutingMode, string> = {
  [RoutingMode.OFF]: 'off',
  [RoutingMode.ROUND_ROBIN]: 'round-robin',
  [RoutingMode.LEAST_LOADED]: 'least-loaded',
};
