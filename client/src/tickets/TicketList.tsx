// The ticket list: filters (labels too), search, sort, cursor pages of 50, ticking tickets (shift-click for a range) to act
// on them at once, and live updates without a reload.
import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatAge, personAddress } from '../format';
import { SatisfactionBadge } from '../satisfaction/SatisfactionBadge';
import { graphql } from '../gql';
import type { SlaState, TicketFilter, TicketOrderField, TicketPriority, TicketStatus } from '../gql/graphql';
import { LabelChips } from '../labels/LabelChips';
import { useLabels } from '../labels/useLabels';
import { navigateOnClick } from '../router';
import { AGENTS } from './agents';
import { BulkActionBar } from './BulkActionBar';
import { LabelOptions, PRIORITY_LABELS, STATUS_LABELS } from './labels';
import { previewLine } from './message-text';
import { describeSnooze } from './snooze-times';
import { EmptyTicketList } from './EmptyTicketList';
import { SlaPill, slaClass } from './SlaPill';
import { useRangeSelection } from './useRangeSelection';

const TICKETS = graphql(`
  query TicketList($filter: TicketFilter, $orderBy: TicketOrder, $first: Int, $after: String) {
    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...TicketFields
          phoneNumber username senderName issueDescription createdAt
          preview { id body senderType senderName author { id } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
const TICKET_CREATED = graphql(`
  subscription TicketListCreated {
    ticketCreated { id }
  }
`);
const TICKET_UPDATED = graphql(`
  subscription TicketListUpdated {
    ticketUpdated { ...TicketFields }
  }
`);

const PAGE_SIZE = 50;
const SLA_VIEWS: Record<string, SlaState[]> = {
  late: ['AT_RISK', 'BREACHED'],
  AT_RISK: ['AT_RISK'],
  BREACHED: ['BREACHED'],
  OK: ['OK'],
};
/** The open list (active) leaves snoozed tickets out; the snoozed view shows only them. */
const STATUS_VIEWS: Record<string, TicketStatus[] | null> = {
  active: ['OPEN', 'IN_PROGRESS'],
  snoozed: ['OPEN', 'IN_PROGRESS'],
  OPEN: ['OPEN'],
  IN_PROGRESS: ['IN_PROGRESS'],
  RESOLVED: ['RESOLVED'],
  CLOSED: ['CLOSED'],
  all: null,
};
const SORTS: Record<string, { field: TicketOrderField; direction: 'ASC' | 'DESC'; label: string }> = {
  activity: { field: 'LAST_MESSAGE_AT', direction: 'DESC', label: 'Latest activity' },
  newest: { field: 'CREATED_AT', direction: 'DESC', label: 'Newest' },
  oldest: { field: 'CREATED_AT', direction: 'ASC', label: 'Oldest' },
  sla: { field: 'SLA_DUE', direction: 'ASC', label: 'SLA due soonest' },
  priority: { field: 'PRIORITY', direction: 'DESC', label: 'Most urgent' },
};

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function TicketList({ selectedId }: { selectedId: string | null }) {
  const [statusView, setStatusView] = useState('active');
  const [priority, setPriority] = useState<TicketPriority | ''>('');
  const [assignee, setAssignee] = useState('');
  const [sort, setSort] = useState('activity');
  const [searchText, setSearchText] = useState('');
  const [labelId, setLabelId] = useState('');
  const [slaView, setSlaView] = useState('');
  const search = useDebounced(searchText.trim(), 250);
  const labels = useLabels();

  const { data: who } = useQuery(AGENTS);
  const meId = who?.me?.id;
  const filter = useMemo<TicketFilter>(() => {
    const value: TicketFilter = {};
    if (STATUS_VIEWS[statusView]) value.status = STATUS_VIEWS[statusView];
    if (statusView === 'snoozed') value.snoozed = true;
    if (priority) value.priority = [priority];
    if (assignee === 'unassigned') value.unassigned = true;
    else if (assignee === 'me' && meId) value.assigneeId = meId;
    else if (assignee && assignee !== 'me') value.assigneeId = assignee;
    if (search) value.search = search;
    if (labelId) value.labelIds = [labelId];
    if (slaView) value.slaState = SLA_VIEWS[slaView];
    return value;
  }, [statusView, priority, assignee, search, labelId, slaView, meId]);
  const { field, direction } = SORTS[sort]!;
  const variables = { filter, orderBy: { field, direction }, first: PAGE_SIZE };
  // SLA states change with time alone (no event says a ticket became at risk): read the page again every minute,
  // and on coming back from another screen (events were not followed meanwhile), show the cached page while reading it.
  const { data, loading, error, fetchMore, refetch } = useQuery(TICKETS, {
    variables,
    notifyOnNetworkStatusChange: true,
    pollInterval: 60_000,
    fetchPolicy: 'cache-and-network',
  });

  // New and changed tickets may enter, leave or move in this view: read its first page again, at most every 200 ms.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void refetch();
    }, 200);
  };
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  useSubscription(TICKET_CREATED, { onData: refresh });
  useSubscription(TICKET_UPDATED, { onData: refresh });

  const connection = data?.tickets;
  const listRef = useRef<HTMLElement>(null);
  const selection = useRangeSelection(connection ? connection.edges.map(({ node }) => node.id) : null, listRef);
  return (
    <section className="ticket-list" aria-label="Tickets" ref={listRef}>
      <div className="filters">
        <label>
          <span className="visually-hidden">Search</span>
          <input
            type="search"
            placeholder="Search name, number or message…"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </label>
        <label>
          Status
          <select value={statusView} onChange={(event) => setStatusView(event.target.value)}>
            <option value="active">Open &amp; in progress</option>
            <option value="snoozed">Snoozed</option>
            <LabelOptions labels={STATUS_LABELS} />
            <option value="all">All</option>
          </select>
        </label>
        <label>
          Priority
          <select value={priority} onChange={(event) => setPriority(event.target.value as TicketPriority | '')}>
            <option value="">Any</option>
            <LabelOptions labels={PRIORITY_LABELS} />
          </select>
        </label>
        <label>
          Assignee
          <select value={assignee} onChange={(event) => setAssignee(event.target.value)}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Unassigned</option>
            {who?.admins.map((admin) => (
              <option key={admin.id} value={admin.id}>
                {admin.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Label
          <select value={labelId} onChange={(event) => setLabelId(event.target.value)} aria-label="Filter by label">
            <option value="">Any</option>
            {labels.map((label) => (
              <option key={label.id} value={label.id}>
                {label.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          SLA
          <select value={slaView} onChange={(event) => setSlaView(event.target.value)} aria-label="Filter by SLA">
            <option value="">Any</option>
            <option value="late">At risk or breached</option>
            <option value="AT_RISK">At risk</option>
            <option value="BREACHED">Breached</option>
            <option value="OK">On time</option>
          </select>
        </label>
        <label>
          Sort
          <select value={sort} onChange={(event) => setSort(event.target.value)}>
            {Object.entries(SORTS).map(([key, option]) => (
              <option key={key} value={key}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          Tickets could not be loaded: {error.message}
        </p>
      )}
      {connection && (
        <div className="list-head">
          {connection.edges.length > 0 && (
            <input
              type="checkbox"
              aria-label="Select every ticket shown"
              checked={selection.allSelected}
              ref={(box) => {
                if (box) box.indeterminate = selection.someSelected;
              }}
              onChange={selection.toggleAll}
            />
          )}
          <p className="muted count" aria-live="polite">
            {connection.totalCount} {connection.totalCount === 1 ? 'ticket' : 'tickets'}
          </p>
        </div>
      )}
      <ul className="rows">
        {connection?.edges.map(({ node }) => (
          <li key={node.id} data-ticket-id={node.id}>
            <input
              type="checkbox"
              className="row-check"
              aria-label={`Select the ticket from ${node.senderName ?? personAddress(node)}`}
              title="Shift-click to select a range; x selects the focused row"
              checked={selection.isSelected(node.id)}
              onChange={() => undefined}
              onClick={(event) => selection.click(node.id, event.shiftKey)}
            />
            <a
              href={`/tickets/${node.id}`}
              className={`row ${node.id === selectedId ? 'selected' : ''} ${node.unreadCount > 0 ? 'unread' : ''} ${slaClass(node.sla)}`}
              aria-current={node.id === selectedId ? 'true' : undefined}
              onClick={navigateOnClick(`/tickets/${node.id}`)}
              data-testid="ticket-row"
            >
              <span className="row-top">
                <span className="who">
                  {node.unreadCount > 0 && (
                    <span className="unread-dot" role="img" aria-label={`${node.unreadCount} unread`} />
                  )}
                  <strong>{node.senderName ?? personAddress(node)}</strong>
                  {node.senderName && <span className="muted"> {personAddress(node)}</span>}
                </span>
                <time
                  className="muted"
                  dateTime={node.lastMessageAt ?? node.createdAt}
                  title={new Date(node.lastMessageAt ?? node.createdAt).toLocaleString()}
                >
                  {formatAge(node.lastMessageAt ?? node.createdAt)}
                </time>
              </span>
              <span className="preview" data-testid="ticket-preview">
                {previewLine(node.preview, node.issueDescription, meId)}
              </span>
              <span className="row-meta">
                <span className={`pill priority-${node.priority.toLowerCase()}`}>{node.priority.toLowerCase()}</span>
                <span className={`pill status-${node.status.toLowerCase()}`}>
                  {node.status.replace('_', ' ').toLowerCase()}
                </span>
                <SlaPill sla={node.sla} answered={node.firstResponseAt != null} />
                {node.snoozed && <span className="pill snoozed">💤 {describeSnooze(node.snoozedUntil)}</span>}
                <span className="muted">{node.assignee?.name ?? 'Unassigned'}</span>
                <span className="muted">💬 {node.messageCount}</span>
                {node.satisfaction && <SatisfactionBadge rating={node.satisfaction.rating} />}
                <LabelChips labels={node.labels} />
              </span>
            </a>
          </li>
        ))}
      </ul>
      {/* After the rows, stuck to the bottom of the list while it scrolls: the filters hold the top. */}
      <BulkActionBar ticketIds={selection.selectedIds} onClear={selection.clear} />
      {loading && !connection && <p className="muted">Loading tickets…</p>}
      {connection && connection.edges.length === 0 && (
        <EmptyTicketList
          view={
            statusView === 'snoozed'
              ? 'snoozed'
              : statusView !== 'active' || priority || assignee || search || labelId || slaView
                ? 'filtered'
                : 'default'
          }
        />
      )}
      {connection?.pageInfo.hasNextPage && (
        <button
          type="button"
          className="more"
          disabled={loading}
          onClick={() => fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
        >
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
