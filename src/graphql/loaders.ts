// A request's DataLoaders: the desk's own and those of the features built on it, made fresh per request.
import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { createSatisfactionLoaders } from '../satisfaction/satisfaction.loaders.js';
import { createSupportLoaders } from '../support/support.loaders.js';

export function createRequestLoaders(em: EntityManager, viewerId: number) {
  return { ...createSupportLoaders(em, viewerId), ...createSatisfactionLoaders(em) };
}

export type RequestLoaders = ReturnType<typeof createRequestLoaders>;
