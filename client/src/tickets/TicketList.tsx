// The ticket list: tabs and saved views (views/), filters, search, sort, cursor pages of 50, ticking tickets
// (shift-click for a range) to act on them at once, and live updates without a reload.
import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo, useRef } from 'react';
import { formatAge, personAddress } from '../format';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/I18n';
import { PRIORITY_NAMES, STATUS_NAMES } from '../i18n/names';
import { SatisfactionBadge } from '../satisfaction/SatisfactionBadge';
import { graphql } from '../gql';
import { LabelChips } from '../labels/LabelChips';
import { MentionList } from '../mentions/MentionList';
import { ListFilters } from '../views/ListFilters';
import { isFiltered, orderOf, savedFiltersOf, scopeOf, ticketFilterOf } from '../views/list-filter';
import { useListParams } from '../views/list-params';
import { SavedViewActions } from '../views/SavedViewActions';
import { useSavedViews } from '../views/useSavedViews';
import { ViewTabs } from '../views/ViewTabs';
import { navigateOnClick } from '../router';
import { AGENTS } from './agents';
import { previewLine } from './message-text';
import { describeSnooze } from './snooze-times';
import { BulkActionBar } from './BulkActionBar';
import { EmptyTicketList } from './EmptyTicketList';
import { useRangeSelection } from './useRangeSelection';
import { SlaPill, slaClass } from './SlaPill';

const TICKETS = graphql(`
  query TicketList(
    $filter: TicketFilter
    $orderBy: TicketOrder
    $first: Int
    $after: String
    $search: String!
    $searching: Boolean!
  ) {
    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      totalCountIsExact
      edges {
        cursor
        node {
          ...TicketFields
          phoneNumber username senderName issueDescription createdAt
          preview { id body senderType senderName author { id } }
          searchSnippet(search: $search) @include(if: $searching) { text match }
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
/** A row's exact time, on hover: the date and clock to the second, as the browser's toLocaleString writes them. */
const FULL_TIME = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
} as const;

export function TicketList({ selectedId }: { selectedId: string | null }) {
  const t = useT();
  const { locale, formatDate } = useIntl();
  const [params, setParams] = useListParams();
  const { views } = useSavedViews();

  const { data: who } = useQuery(AGENTS);
  const meId = who?.me?.id;
  const scope = scopeOf(params, views);
  const filter = useMemo(() => ticketFilterOf(params, scope, meId), [params, scope, meId]);
  // With a search, each row shows where it matched (its snippet) instead of the last message.
  const search = filter.search?.trim() ?? '';
  const variables = { filter, orderBy: orderOf(params), first: PAGE_SIZE, search, searching: search !== '' };
  const showMentions = params.tab === 'mentions';
  const currentView = views.find((view) => `view:${view.id}` === params.tab) ?? null;
  // SLA states change with time alone (no event says a ticket became at risk): read the page again every minute,
  // and on coming back from another screen (events were not followed meanwhile), show the cached page while reading it.
  const { data, loading, error, fetchMore, refetch } = useQuery(TICKETS, {
    variables,
    notifyOnNetworkStatusChange: true,
    pollInterval: 60_000,
    fetchPolicy: 'cache-and-network',
    skip: showMentions,
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

  // Apollo keeps the last answer while a query is skipped: the Mentions tab shows no tickets under its list.
  const connection = showMentions ? undefined : data?.tickets;
  const listRef = useRef<HTMLElement>(null);
  const selection = useRangeSelection(connection ? connection.edges.map(({ node }) => node.id) : null, listRef);
  return (
    <section className="ticket-list" aria-label={t('list.label')} ref={listRef}>
      <ViewTabs params={params} onChange={setParams} views={views} />
      {showMentions ? (
        <MentionList />
      ) : (
        <>
          <ListFilters params={params} onChange={setParams} agents={who?.admins ?? []} showAgent={scope === 'ANYONE'} />
          <SavedViewActions
            current={currentView}
            filters={savedFiltersOf(params, scope)}
            isAdmin={who?.me?.role === 'ADMIN'}
            onSaved={(id) => setParams({ tab: `view:${id}` })}
            onDeleted={() => setParams({ tab: 'all' })}
          />
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {t('list.loadFailed', { error: error.message })}
        </p>
      )}
      {connection && (
        <div className="list-head">
          {connection.edges.length > 0 && (
            <input
              type="checkbox"
              aria-label={t('list.selectAll')}
              checked={selection.allSelected}
              ref={(box) => {
                if (box) box.indeterminate = selection.someSelected;
              }}
              onChange={selection.toggleAll}
            />
          )}
          <p className="muted count" aria-live="polite">
            {connection.totalCountIsExact
              ? t('list.count', { count: connection.totalCount })
              : t('list.countAtLeast', { count: connection.totalCount })}
          </p>
        </div>
      )}
      <ul className="rows" id="ticket-list-panel">
        {connection?.edges.map(({ node }) => (
          <li key={node.id} data-ticket-id={node.id}>
            <input
              type="checkbox"
              className="row-check"
              aria-label={t('list.selectRow', { name: node.senderName ?? personAddress(node) })}
              title={t('list.selectRowHint')}
              checked={selection.isSelected(node.id)}
              onChange={() => undefined}
              onClick={(event) => selection.click(node.id, event.shiftKey)}
            />
            <a
              href={`/tickets/${node.id}${location.search}`}
              className={`row ${node.id === selectedId ? 'selected' : ''} ${node.unreadCount > 0 ? 'unread' : ''} ${slaClass(node.sla)}`}
              aria-current={node.id === selectedId ? 'true' : undefined}
              onClick={navigateOnClick(`/tickets/${node.id}${location.search}`)}
              data-testid="ticket-row"
            >
              <span className="row-top">
                <span className="who">
                  {node.unreadCount > 0 && (
                    <span
                      className="unread-dot"
                      role="img"
                      aria-label={t('list.unread', { count: node.unreadCount })}
                    />
                  )}
                  <strong>{node.senderName ?? personAddress(node)}</strong>
                  {node.senderName && <span className="muted"> {personAddress(node)}</span>}
                </span>
                <time
                  className="muted"
                  dateTime={node.lastMessageAt ?? node.createdAt}
                  title={formatDate(node.lastMessageAt ?? node.createdAt, FULL_TIME)}
                >
                  {formatAge(t, node.lastMessageAt ?? node.createdAt)}
                </time>
              </span>
              {node.searchSnippet ? (
                <span className="preview search-snippet" data-testid="ticket-snippet">
                  {node.searchSnippet.map((segment, index) =>
                    // Segments are text, never markup: only the matching ones are wrapped, in <mark>.
                    // biome-ignore lint/suspicious/noArrayIndexKey: a snippet's segments never reorder.
                    segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
                  )}
                </span>
              ) : (
                <span className="preview" data-testid="ticket-preview">
                  {previewLine(t, node.preview, node.issueDescription, meId)}
                </span>
              )}
              <span className="row-meta">
                <span className={`pill priority-${node.priority.toLowerCase()}`}>
                  {t(PRIORITY_NAMES[node.priority])}
                </span>
                <span className={`pill status-${node.status.toLowerCase()}`}>{t(STATUS_NAMES[node.status])}</span>
                <SlaPill sla={node.sla} answered={node.firstResponseAt != null} />
                {node.snoozed && (
                  <span className="pill snoozed">💤 {describeSnooze(t, node.snoozedUntil, locale)}</span>
                )}
                <span className="muted">{node.assignee?.name ?? t('ticket.unassigned')}</span>
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
      {loading && !connection && <p className="muted">{t('list.loading')}</p>}
      {connection && connection.edges.length === 0 && (
        <EmptyTicketList
          view={
            params.status === 'snoozed'
              ? 'snoozed'
              : isFiltered(params) || params.tab !== 'all'
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
          {loading ? t('common.loading') : t('list.loadMore')}
        </button>
      )}
    </section>
  );
}
