// From the list's parameters to the API's filter and order, and between them and a saved view's filters.
import type {
  SavedViewFiltersInput,
  SlaState,
  TicketFilter,
  TicketOrderField,
  TicketStatus,
  ViewAssignee,
} from '../gql/graphql';
import type { ListParams } from './list-params';
import type { MessageId } from '../i18n/en';

export const SLA_VIEWS: Record<string, SlaState[]> = {
  late: ['AT_RISK', 'BREACHED'],
  AT_RISK: ['AT_RISK'],
  BREACHED: ['BREACHED'],
  OK: ['OK'],
};
/** The open list (active) leaves snoozed tickets out; the snoozed view shows only them. */
export const STATUS_VIEWS: Record<string, TicketStatus[] | null> = {
  active: ['OPEN', 'IN_PROGRESS'],
  snoozed: ['OPEN', 'IN_PROGRESS'],
  OPEN: ['OPEN'],
  IN_PROGRESS: ['IN_PROGRESS'],
  RESOLVED: ['RESOLVED'],
  CLOSED: ['CLOSED'],
  all: null,
};
/** The list's orders; `label` is the message id of its name. */
export const SORTS: Record<string, { field: TicketOrderField; direction: 'ASC' | 'DESC'; label: MessageId }> = {
  activity: { field: 'LAST_MESSAGE_AT', direction: 'DESC', label: 'views.sortActivity' },
  newest: { field: 'CREATED_AT', direction: 'DESC', label: 'views.sortNewest' },
  oldest: { field: 'CREATED_AT', direction: 'ASC', label: 'views.sortOldest' },
  sla: { field: 'SLA_DUE', direction: 'ASC', label: 'views.sortSla' },
  priority: { field: 'PRIORITY', direction: 'DESC', label: 'views.sortPriority' },
  // Only with a search (the API refuses it without one): offered, and applied, while the search box holds text.
  relevance: { field: 'RELEVANCE', direction: 'DESC', label: 'views.sortRelevance' },
};
/** Whether the sort can apply to these parameters: RELEVANCE needs a search. */
export const sortApplies = (sort: string, params: Pick<ListParams, 'q'>) =>
  sort !== 'relevance' || params.q.trim() !== '';

export interface SavedViewLike {
  id: string;
  filters: { assignee: ViewAssignee };
}

/** Whose tickets the tab lists: a saved view's tab says it itself. */
export function scopeOf(params: ListParams, views: readonly SavedViewLike[]): ViewAssignee {
  if (params.tab === 'mine') return 'ME';
  if (params.tab === 'unassigned') return 'UNASSIGNED';
  if (params.tab.startsWith('view:')) {
    const view = views.find((candidate) => `view:${candidate.id}` === params.tab);
    return view?.filters.assignee ?? 'ANYONE';
  }
  return 'ANYONE';
}

export function ticketFilterOf(params: ListParams, scope: ViewAssignee, meId: string | undefined): TicketFilter {
  const value: TicketFilter = {};
  const status = STATUS_VIEWS[params.status];
  if (status) value.status = status;
  if (params.status === 'snoozed') value.snoozed = true;
  if (params.priority) value.priority = [params.priority as NonNullable<TicketFilter['priority']>[number]];
  if (scope === 'UNASSIGNED') value.unassigned = true;
  else if (scope === 'ME') value.assigneeId = meId ?? '0';
  else if (params.agent) value.assigneeId = params.agent;
  if (params.q) value.search = params.q;
  if (params.label) value.labelIds = [params.label];
  if (params.sla && SLA_VIEWS[params.sla]) value.slaState = SLA_VIEWS[params.sla];
  return value;
}

export const orderOf = (params: ListParams) => {
  const sort = sortApplies(params.sort, params) ? params.sort : 'activity';
  const { field, direction } = SORTS[sort] ?? SORTS.activity!;
  return { field, direction };
};

/** Whether anything narrows the list beyond its tab (for what an empty list says). */
export const isFiltered = (params: ListParams) =>
  params.status !== 'active' || !!(params.priority || params.agent || params.q || params.label || params.sla);

/** What to save: the filters as the list shows them now, under the tab's scope. */
export function savedFiltersOf(params: ListParams, scope: ViewAssignee): SavedViewFiltersInput {
  const { field, direction } = orderOf(params);
  return {
    status: STATUS_VIEWS[params.status] ?? null,
    snoozed: params.status === 'snoozed' ? true : null,
    priority: params.priority ? [params.priority as NonNullable<SavedViewFiltersInput['priority']>[number]] : null,
    assignee: scope,
    assigneeId: scope === 'ANYONE' && params.agent ? params.agent : null,
    labelIds: params.label ? [params.label] : null,
    slaState: params.sla ? (SLA_VIEWS[params.sla] ?? null) : null,
    search: params.q || null,
    orderField: field,
    orderDirection: direction,
  };
}

interface StoredFilters {
  status?: readonly TicketStatus[] | null;
  snoozed?: boolean | null;
  priority?: readonly string[] | null;
  assigneeId?: string | number | null;
  labelIds?: readonly (string | number)[] | null;
  slaState?: readonly SlaState[] | null;
  search?: string | null;
  orderField?: TicketOrderField | null;
  orderDirection?: string | null;
}

const sameList = (a: readonly string[] | null | undefined, b: readonly string[] | null) =>
  [...(a ?? [])].sort().join() === [...(b ?? [])].sort().join();

/** A saved view's filters as the list's parameters (what opening its tab shows in the filters). */
export function paramsOfSaved(filters: StoredFilters): Omit<ListParams, 'tab'> {
  const status =
    filters.snoozed === true
      ? 'snoozed'
      : (Object.keys(STATUS_VIEWS).find((key) => key !== 'snoozed' && sameList(filters.status, STATUS_VIEWS[key]!)) ??
        'all');
  const sla = Object.keys(SLA_VIEWS).find((key) => sameList(filters.slaState, SLA_VIEWS[key]!)) ?? '';
  const sort =
    Object.keys(SORTS).find(
      (key) => SORTS[key]!.field === filters.orderField && SORTS[key]!.direction === filters.orderDirection,
    ) ?? 'activity';
  return {
    status,
    priority: filters.priority?.[0] ?? '',
    label: filters.labelIds?.[0] == null ? '' : String(filters.labelIds[0]),
    sla,
    sort,
    agent: filters.assigneeId == null ? '' : String(filters.assigneeId),
    q: filters.search ?? '',
  };
}
