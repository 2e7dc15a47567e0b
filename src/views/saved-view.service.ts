// Saved views: named filter sets for one agent, or for the whole desk (admins make those).
import type { SqlEntityManager } from '@mikro-orm/sql';
import { recordAudit } from '../audit/audit.service.js';
import { Agent } from '../auth/agent.entity.js';
import { Role } from '../auth/auth.enums.js';
import { actorOf } from '../auth/auth.service.js';
import type { Caller } from '../auth/caller.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { Label } from '../labels/label.entity.js';
import { inTransaction, type Actor, type SupportContext } from '../support/support.context.js';
import { parseId } from '../support/support.validation.js';
import { Ticket } from '../support/ticket.entity.js';
import { ticketWhere, type TicketFilterInput } from '../support/ticket.query.js';
import { TicketOrderField } from '../support/ticket.inputs.js';
import { SavedView } from './saved-view.entity.js';
import { type SavedViewFilters, type SavedViewFiltersInput, ViewAssignee } from './saved-view.types.js';

export const MAX_VIEW_NAME_LENGTH = 40;
/** Per agent for their own views, and for the desk's views together: tabs, not a database. */
export const MAX_VIEWS = 20;
const MAX_VIEW_LABELS = 20;
const MAX_SEARCH_LENGTH = 200;

/** Who is working with views, and whether they may make desk views. */
export interface ViewOwner extends Actor {
  isAdmin: boolean;
}

export function viewOwnerOf(caller: Caller): ViewOwner {
  return { ...actorOf(caller), isAdmin: caller.admin.role === Role.ADMIN };
}

export function mayEditView(owner: Pick<ViewOwner, 'adminId' | 'isAdmin'>, view: SavedView): boolean {
  return view.shared ? owner.isAdmin : view.owner.id === owner.adminId;
}

function validateName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw badInput('A view needs a name');
  const length = [...name].length;
  if (length > MAX_VIEW_NAME_LENGTH)
    throw badInput(`A view’s name is at most ${MAX_VIEW_NAME_LENGTH} characters, got ${length}`);
  return name;
}

const distinct = <T>(values: readonly T[] | null | undefined): T[] | null =>
  values?.length ? [...new Set(values)] : null;

/** The filters as stored: known labels and agents only, each list without repeats, empty lists as null. */
async function validateFilters(em: SqlEntityManager, input: SavedViewFiltersInput): Promise<SavedViewFilters> {
  const search = input.search?.trim() || null;
  if (search && search.length > MAX_SEARCH_LENGTH)
    throw badInput(`A view’s search is at most ${MAX_SEARCH_LENGTH} characters`);
  // The list refuses RELEVANCE without a search: a view that would always fail to open is refused when saved.
  if (input.orderField === TicketOrderField.RELEVANCE && !search)
    throw badInput('A view ordered by RELEVANCE needs a search');
  const labelIds = distinct(input.labelIds);
  if (labelIds && labelIds.length > MAX_VIEW_LABELS)
    throw badInput(`A view filters on at most ${MAX_VIEW_LABELS} labels`);
  if (labelIds) {
    const ids = labelIds.map((id) => parseId(id) ?? -1);
    const found = await em.count(Label, { id: { $in: ids } });
    if (found !== ids.length) throw badInput('A view may only filter on labels that exist');
  }
  const assignee = input.assignee ?? ViewAssignee.ANYONE;
  let assigneeId: string | null = null;
  if (input.assigneeId != null) {
    if (assignee !== ViewAssignee.ANYONE) throw badInput('assigneeId goes with assignee ANYONE only');
    const id = parseId(input.assigneeId);
    if (id === null || !(await em.count(Agent, { id }))) throw badInput(`No agent has the id ${input.assigneeId}`);
    assigneeId = String(id);
  }
  return {
    status: distinct(input.status),
    snoozed: input.snoozed ?? null,
    priority: distinct(input.priority),
    assignee,
    assigneeId,
    labelIds: labelIds?.map(String) ?? null,
    slaState: distinct(input.slaState),
    search,
    orderField: input.orderField ?? null,
    orderDirection: input.orderDirection ?? null,
  };
}

/** The ticket list's filter a view stands for, for the agent looking at it (ME is them). */
export function ticketFilterOf(filters: SavedViewFilters, viewerId: number): TicketFilterInput {
  return {
    status: filters.status,
    snoozed: filters.snoozed,
    priority: filters.priority,
    assigneeId: filters.assignee === ViewAssignee.ME ? String(viewerId) : filters.assigneeId,
    unassigned: filters.assignee === ViewAssignee.UNASSIGNED ? true : null,
    labelIds: filters.labelIds,
    slaState: filters.slaState,
    search: filters.search,
  };
}

export function countViewTickets(em: SqlEntityManager, view: SavedView, viewerId: number): Promise<number> {
  return em.count(Ticket, ticketWhere(em, ticketFilterOf(view.filters, viewerId)));
}

/** The caller's own views, then the desk's, each by name. */
export async function listSavedViews(em: SqlEntityManager, viewerId: number): Promise<SavedView[]> {
  const views = await em.find(
    SavedView,
    { $or: [{ owner: viewerId, shared: false }, { shared: true }] },
    { orderBy: { shared: 'asc', name: 'asc', id: 'asc' } },
  );
  return views;
}

async function loadView(em: SqlEntityManager, owner: ViewOwner, id: string): Promise<SavedView> {
  const viewId = parseId(id);
  const view = viewId === null ? null : await em.findOne(SavedView, viewId);
  // Someone else's own view does not exist for the caller.
  if (!view || (!view.shared && view.owner.id !== owner.adminId)) throw notFound('Saved view', id);
  if (!mayEditView(owner, view)) throw forbidden('Only admins change or delete the desk’s views');
  return view;
}

async function assertNameFree(em: SqlEntityManager, owner: ViewOwner, shared: boolean, name: string, exceptId: number) {
  const same = await em.find(SavedView, shared ? { shared: true } : { owner: owner.adminId, shared: false });
  if (same.some((view) => view.id !== exceptId && view.name.toLowerCase() === name.toLowerCase()))
    throw badInput(`There is already a ${shared ? 'desk' : 'personal'} view named "${name}"`);
}

const described = (view: SavedView) => ({ id: view.id, name: view.name, shared: view.shared });

export async function createSavedView(
  ctx: SupportContext,
  owner: ViewOwner,
  input: { name: string; shared?: boolean | null; filters: SavedViewFiltersInput },
): Promise<SavedView> {
  const name = validateName(input.name);
  const shared = input.shared === true;
  if (shared && !owner.isAdmin) throw forbidden('Only admins make views for the whole desk');
  return inTransaction(ctx, async (em) => {
    const filters = await validateFilters(em as SqlEntityManager, input.filters);
    const taken = await em.count(SavedView, shared ? { shared: true } : { owner: owner.adminId, shared: false });
    if (taken >= MAX_VIEWS)
      throw badInput(
        `${shared ? 'The desk has' : 'You have'} ${MAX_VIEWS} views, the most there may be: delete one first`,
      );
    await assertNameFree(em as SqlEntityManager, owner, shared, name, 0);
    const now = new Date();
    const view = em.create(SavedView, {
      name,
      shared,
      owner: em.getReference(Agent, owner.adminId),
      filters,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    recordAudit(em, owner, 'saved-view.created', null, null, described(view));
    return view;
  });
}

export async function updateSavedView(
  ctx: SupportContext,
  owner: ViewOwner,
  id: string,
  input: { name?: string | null; filters?: SavedViewFiltersInput | null },
): Promise<SavedView> {
  const name = input.name == null ? null : validateName(input.name);
  if (name === null && input.filters == null) throw badInput('Nothing to change: pass a name or filters');
  return inTransaction(ctx, async (em) => {
    const view = await loadView(em as SqlEntityManager, owner, id);
    const before = described(view);
    if (name !== null) {
      await assertNameFree(em as SqlEntityManager, owner, view.shared, name, view.id);
      view.name = name;
    }
    if (input.filters != null) view.filters = await validateFilters(em as SqlEntityManager, input.filters);
    view.updatedAt = new Date();
    await em.flush();
    recordAudit(em, owner, 'saved-view.updated', null, before, {
      ...described(view),
      filtersChanged: input.filters != null,
    });
    return view;
  });
}

export async function deleteSavedView(ctx: SupportContext, owner: ViewOwner, id: string): Promise<boolean> {
  return inTransaction(ctx, async (em) => {
    const view = await loadView(em as SqlEntityManager, owner, id);
    const before = described(view);
    em.remove(view);
    await em.flush();
    recordAudit(em, owner, 'saved-view.deleted', null, before, null);
    return true;
  });
}
