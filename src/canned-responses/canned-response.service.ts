// Canned responses: shared by the whole desk; any agent adds them, their author or an admin changes or deletes them.
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { recordAudit } from '../audit/audit.service.js';
import { Agent } from '../auth/agent.entity.js';
import { Role } from '../auth/auth.enums.js';
import { actorOf } from '../auth/auth.service.js';
import type { Caller } from '../auth/caller.js';
import { likeContains, likeStartsWith } from '../db/like.js';
import { flushOrRefuse } from '../db/unique.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { ChangeKind } from '../pubsub/pubsub.js';
import { MAX_PAGE_SIZE } from '../support/pagination.js';
import { inTransaction, type Actor, type SupportContext } from '../support/support.context.js';
import { parseId } from '../support/support.validation.js';
import { CannedResponse } from './canned-response.entity.js';
import { normalizeShortcode, validateCannedBody, validateTitle } from './canned-response.validation.js';

/** Who is changing canned responses, and whether they may change anyone's. */
export interface Editor extends Actor {
  isAdmin: boolean;
}

/** The agent behind the caller decides (for an API token, the admin who made it, as for every other change). */
export function editorOf(caller: Caller): Editor {
  return { ...actorOf(caller), isAdmin: caller.admin.role === Role.ADMIN };
}

export function mayEditCannedResponse(
  editor: Pick<Editor, 'adminId' | 'isAdmin'>,
  response: { author: { id: number } | null },
): boolean {
  return editor.isAdmin || response.author?.id === editor.adminId;
}

export interface CannedResponseFields {
  shortcode?: string | null;
  title?: string | null;
  body?: string | null;
}

/**
 * Matches on the shortcode or the title, shortcodes that start with the text first; then by shortcode. Two plain
 * reads rather than one ordered by a computed column: the ORM writes an ORDER BY fragment's values into its
 * text, where a `?` the person typed became a placeholder.
 */
export async function listCannedResponses(
  em: SqlEntityManager,
  search: string | null | undefined,
  first: number,
): Promise<CannedResponse[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badInput(`first is 1 to ${MAX_PAGE_SIZE}, got ${first}`);
  const text = (search ?? '').trim().replace(/^\//, '').toLowerCase();
  if (text.length > 80) throw badInput('search is at most 80 characters');
  if (!text) return em.find(CannedResponse, {}, { orderBy: { shortcode: 'asc' }, limit: first });
  const starting = await em.find(CannedResponse, likeStartsWith<CannedResponse>('shortcode', text), {
    orderBy: { shortcode: 'asc' },
    limit: first,
  });
  if (starting.length === first) return starting;
  const containing = await em.find(
    CannedResponse,
    {
      $and: [
        { $or: [likeContains<CannedResponse>('shortcode', text), likeContains<CannedResponse>('title', text)] },
        ...(starting.length ? [{ id: { $nin: starting.map((response) => response.id) } }] : []),
      ],
    },
    { orderBy: { shortcode: 'asc' }, limit: first - starting.length },
  );
  return [...starting, ...containing];
}

export async function loadCannedResponse(em: EntityManager, id: string | number): Promise<CannedResponse> {
  const responseId = parseId(id);
  const response = responseId === null ? null : await em.findOne(CannedResponse, responseId);
  if (!response) throw notFound('Canned response', id);
  return response;
}

const shortcodeTaken = (shortcode: string) => badInput(`The shortcode /${shortcode} is taken: choose another`);

async function assertShortcodeFree(em: EntityManager, shortcode: string, exceptId: number | null): Promise<void> {
  const holder = await em.findOne(CannedResponse, { shortcode }, { fields: ['id'] });
  if (holder && holder.id !== exceptId) throw shortcodeTaken(shortcode);
}

function assertMayEdit(editor: Editor, response: CannedResponse): void {
  if (!mayEditCannedResponse(editor, response))
    throw forbidden(`Only the author of /${response.shortcode} or an admin may change or delete it`);
}

const described = (response: CannedResponse) => ({
  id: response.id,
  shortcode: response.shortcode,
  title: response.title,
});

export async function createCannedResponse(
  ctx: SupportContext,
  editor: Editor,
  input: { shortcode: string; title: string; body: string },
): Promise<CannedResponse> {
  const fields = {
    shortcode: normalizeShortcode(input.shortcode),
    title: validateTitle(input.title),
    body: validateCannedBody(input.body),
  };
  return inTransaction(ctx, async (em, events) => {
    await assertShortcodeFree(em, fields.shortcode, null);
    const now = new Date();
    const response = em.create(CannedResponse, {
      ...fields,
      author: em.getReference(Agent, editor.adminId),
      createdAt: now,
      updatedAt: now,
    });
    // A concurrent insert of the same shortcode: the unique index decides, and the loser hears the same.
    await flushOrRefuse(em, () => shortcodeTaken(fields.shortcode));
    recordAudit(em, editor, 'canned-response.created', null, null, described(response));
    await events.emit({ type: 'CannedResponseChanged', id: response.id, change: ChangeKind.CREATED });
    return response;
  });
}

/** Changes the fields given (the others stay); the author or an admin only. */
export async function updateCannedResponse(
  ctx: SupportContext,
  editor: Editor,
  id: string,
  input: CannedResponseFields,
): Promise<CannedResponse> {
  const changes: { shortcode?: string; title?: string; body?: string } = {};
  if (input.shortcode != null) changes.shortcode = normalizeShortcode(input.shortcode);
  if (input.title != null) changes.title = validateTitle(input.title);
  if (input.body != null) changes.body = validateCannedBody(input.body);
  if (Object.keys(changes).length === 0) throw badInput('Nothing to change: pass a shortcode, a title or a body');
  return inTransaction(ctx, async (em, events) => {
    const response = await loadCannedResponse(em, id);
    assertMayEdit(editor, response);
    if (changes.shortcode !== undefined && changes.shortcode !== response.shortcode)
      await assertShortcodeFree(em, changes.shortcode, response.id);
    const before = described(response);
    const bodyChanged = changes.body !== undefined && changes.body !== response.body;
    Object.assign(response, changes, { updatedAt: new Date() });
    await flushOrRefuse(em, () => shortcodeTaken(response.shortcode));
    // The trail says that the body changed, not what it says (it may name people).
    recordAudit(em, editor, 'canned-response.updated', null, before, { ...described(response), bodyChanged });
    await events.emit({ type: 'CannedResponseChanged', id: response.id, change: ChangeKind.UPDATED });
    return response;
  });
}

export async function deleteCannedResponse(ctx: SupportContext, editor: Editor, id: string): Promise<boolean> {
  return inTransaction(ctx, async (em, events) => {
    const response = await loadCannedResponse(em, id);
    assertMayEdit(editor, response);
    const before = described(response);
    em.remove(response);
    recordAudit(em, editor, 'canned-response.deleted', null, before, null);
    await events.emit({ type: 'CannedResponseChanged', id: before.id, change: ChangeKind.DELETED });
    return true;
  });
}
