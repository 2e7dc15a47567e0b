// The desk's labels: admins create, rename, recolour and delete them (the resolver checks who).
import type { EntityManager } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { flushOrRefuse } from '../db/unique.js';
import { badInput, notFound } from '../errors.js';
import { ChangeKind } from '../pubsub/pubsub.js';
import { inTransaction, type Actor, type SupportContext } from '../support/support.context.js';
import { parseId } from '../support/support.validation.js';
import { Label } from './label.entity.js';
import { labelNameKey, normalizeColor, normalizeLabelName } from './label.validation.js';
import { TicketLabel } from './ticket-label.entity.js';

export function listLabels(em: EntityManager): Promise<Label[]> {
  return em.find(Label, {}, { orderBy: { nameKey: 'asc', id: 'asc' } });
}

export async function loadLabel(em: EntityManager, id: string | number): Promise<Label> {
  const labelId = parseId(id);
  const label = labelId === null ? null : await em.findOne(Label, labelId);
  if (!label) throw notFound('Label', id);
  return label;
}

const nameTaken = (name: string) =>
  badInput(`A label named "${name}" already exists (names are unique regardless of case)`);

async function assertNameFree(em: EntityManager, name: string, exceptId: number | null): Promise<void> {
  const holder = await em.findOne(Label, { nameKey: labelNameKey(name) }, { fields: ['id', 'name'] });
  if (holder && holder.id !== exceptId) throw nameTaken(holder.name);
}

const described = (label: Label) => ({ id: label.id, name: label.name, color: label.color });

export async function createLabel(
  ctx: SupportContext,
  actor: Actor,
  input: { name: string; color: string },
): Promise<Label> {
  const name = normalizeLabelName(input.name);
  const color = normalizeColor(input.color);
  return inTransaction(ctx, async (em, events) => {
    await assertNameFree(em, name, null);
    const label = em.create(Label, { name, nameKey: labelNameKey(name), color, createdAt: new Date() });
    // The same name created at the same moment elsewhere: the unique index decides, and the loser hears the same.
    await flushOrRefuse(em, () => nameTaken(name));
    recordAudit(em, actor, 'label.created', null, null, described(label));
    await events.emit({ type: 'LabelChanged', id: label.id, change: ChangeKind.CREATED });
    return label;
  });
}

/** Renames and/or recolours; every ticket carrying the label shows the change. */
export async function updateLabel(
  ctx: SupportContext,
  actor: Actor,
  id: string,
  input: { name?: string | null; color?: string | null },
): Promise<Label> {
  const name = input.name == null ? null : normalizeLabelName(input.name);
  const color = input.color == null ? null : normalizeColor(input.color);
  if (name === null && color === null) throw badInput('Nothing to change: pass a name or a colour');
  return inTransaction(ctx, async (em, events) => {
    const label = await loadLabel(em, id);
    const before = described(label);
    if (name !== null) {
      await assertNameFree(em, name, label.id);
      label.name = name;
      label.nameKey = labelNameKey(name);
    }
    if (color !== null) label.color = color;
    await flushOrRefuse(em, () => nameTaken(label.name));
    recordAudit(em, actor, 'label.updated', null, before, described(label));
    await events.emit({ type: 'LabelChanged', id: label.id, change: ChangeKind.UPDATED });
    return label;
  });
}

/** Deletes the label and takes it off every ticket; the trail keeps how many carried it. */
export async function deleteLabel(ctx: SupportContext, actor: Actor, id: string): Promise<boolean> {
  return inTransaction(ctx, async (em, events) => {
    const label = await loadLabel(em, id);
    const before = described(label);
    const tickets = await em.nativeDelete(TicketLabel, { label: label.id });
    em.remove(label);
    recordAudit(em, actor, 'label.deleted', null, { ...before, tickets }, null);
    await events.emit({ type: 'LabelChanged', id: before.id, change: ChangeKind.DELETED });
    return true;
  });
}
