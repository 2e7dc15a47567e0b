// Records agents' actions in the audit log, inside the transaction of the change they describe.
import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '../auth/actor.js';
import { AuditEntry } from './audit-entry.entity.js';

/** Who did it: an agent, or (adminId null) someone known only by what they typed, such as a failed sign-in's email. */
export type AuditActor = Pick<Actor, 'label'> & { adminId: number | null };

export function recordAudit(
  em: EntityManager,
  actor: AuditActor | null,
  action: string,
  ticketId: number | null,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  contactId: number | null = null,
): void {
  const entry = em.create(AuditEntry, {
    actorId: actor?.adminId ?? null,
    actorLabel: actor?.label ?? 'system',
    action,
    ticketId,
    contactId,
    before,
    after,
    createdAt: new Date(),
  });
  em.persist(entry);
}
