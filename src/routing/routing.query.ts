// The routing settings as the admin UI and tools read them: the desk's row and every agent's load.
import type { EntityManager } from '@mikro-orm/core';
import { Agent } from '../auth/agent.entity.js';
import {
  activeTicketCounts,
  capacityOf,
  countWaitingTickets,
  MAX_CAPACITY,
  readDeskRouting,
} from './routing.service.js';
import type { RoutingSettings } from './routing.types.js';

export async function readRoutingSettings(em: EntityManager): Promise<RoutingSettings> {
  const desk = await readDeskRouting(em);
  const agents = await em.find(Agent, { active: true }, { orderBy: { name: 'asc', id: 'asc' }, refresh: true });
  const loads = await activeTicketCounts(
    em,
    agents.map((agent) => agent.id),
  );
  return {
    mode: desk.mode,
    defaultCapacity: desk.defaultCapacity,
    maxCapacity: MAX_CAPACITY,
    waitingTickets: await countWaitingTickets(em),
    agents: agents.map((agent) => ({
      agent,
      available: agent.available,
      capacityOverride: agent.capacity,
      capacity: capacityOf(agent, desk),
      activeTickets: loads.get(agent.id) ?? 0,
    })),
  };
}
