// A flush whose unique index may refuse it (a name taken at the same moment elsewhere): the caller says what to answer.
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';

export async function flushOrRefuse(em: EntityManager, refusal: () => Error): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw refusal();
    throw error;
  }
}
