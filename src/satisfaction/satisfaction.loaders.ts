// Per-request DataLoaders of the satisfaction survey: one query per page of tickets for their ratings.
import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import type { TicketSatisfaction } from './satisfaction.entity.js';
import { loadSatisfactions } from './satisfaction.service.js';

export function createSatisfactionLoaders(em: EntityManager) {
  return {
    satisfaction: new DataLoader<number, TicketSatisfaction | null>((ids) => loadSatisfactions(em, ids)),
  };
}
