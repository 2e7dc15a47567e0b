// Records agents' actions in the audit log, inside the transaction of the change they describe.
import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '../support/support.context.js';
import { AuditEntry } from './audit-entry.entity.js';

export function recordAudit(
  em: EntityManager,
  actor: Actor | null,
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
