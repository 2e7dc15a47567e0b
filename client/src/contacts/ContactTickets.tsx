// Every ticket a contact opened, newest first: each opens in the dashboard, and its thread can be read here.
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { formatTimestamp } from '../format';
import { graphql } from '../gql';
import type { ContactPageQuery } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import { STATUS_NAMES } from '../i18n/names';
import { navigateOnClick } from '../router';
import { withoutMediaId } from '../tickets/message-text';
import { describeSnooze } from '../tickets/snooze-times';
import { Thread } from '../tickets/Thread';

const THREAD = graphql(`
  query ContactTicketThread($id: ID!, $before: String) {
    ticket(id: $id) {
      id
      messages(last: 100, before: $before) {
        totalCount
        edges { cursor node { ...MessageFields } }
        pageInfo { hasPreviousPage startCursor }
      }
    }
  }
`);

type TicketConnection = NonNullable<ContactPageQuery['contact']>['tickets'];
type ContactTicket = TicketConnection['edges'][number]['node'];

function TicketThread({ ticketId }: { ticketId: string }) {
  const t = useT();
  const { data, loading, error, fetchMore } = useQuery(THREAD, { variables: { id: ticketId } });
  const messages = data?.ticket?.messages;
  if (error)
    return (
      <p role="alert" className="error">
        {t('contact.threadFailed', { error: error.message })}
      </p>
    );
  if (!messages) return <p className="muted">{loading ? t('contact.threadLoading') : t('contact.noThread')}</p>;
  return (
    <div className="contact-thread">
      {messages.pageInfo.hasPreviousPage && (
        <button
          type="button"
          disabled={loading}
          onClick={() => void fetchMore({ variables: { id: ticketId, before: messages.pageInfo.startCursor } })}
        >
          {t('contact.earlierMessages')}
        </button>
      )}
      <Thread messages={messages.edges.map((edge) => edge.node)} onRetry={() => undefined} />
    </div>
  );
}

function TicketItem({ ticket, current }: { ticket: ContactTicket; current: boolean }) {
  const t = useT();
  const { locale } = useIntl();
  const [showThread, setShowThread] = useState(false);
  const path = `/tickets/${ticket.id}`;
  return (
    <li className={`contact-ticket ${current ? 'current' : ''}`} data-testid="contact-ticket">
      <a href={path} onClick={navigateOnClick(path)} aria-current={current ? 'page' : undefined}>
        <strong>#{ticket.id}</strong> {withoutMediaId(ticket.issueDescription)}
      </a>
      <span className="row-meta">
        <span className={`pill status-${ticket.status.toLowerCase()}`}>{t(STATUS_NAMES[ticket.status])}</span>
        {ticket.snoozed && <span className="pill snoozed">💤 {describeSnooze(t, ticket.snoozedUntil, locale)}</span>}
        <span className="muted">{t('contact.opened', { when: formatTimestamp(ticket.createdAt, locale) })}</span>
        {ticket.resolvedAt && (
          <span className="muted">{t('contact.resolved', { when: formatTimestamp(ticket.resolvedAt, locale) })}</span>
        )}
        <span className="muted">{ticket.assignee?.name ?? t('reports.unassigned')}</span>
        <span className="muted">💬 {ticket.messageCount}</span>
        <button type="button" className="link" aria-expanded={showThread} onClick={() => setShowThread(!showThread)}>
          {showThread ? t('contact.hideThread') : t('contact.showThread')}
        </button>
      </span>
      {showThread && <TicketThread ticketId={ticket.id} />}
    </li>
  );
}

export function ContactTickets({
  tickets,
  currentTicketId,
  loading,
  onMore,
}: {
  tickets: TicketConnection;
  currentTicketId: string | null;
  loading: boolean;
  onMore: () => void;
}) {
  const t = useT();
  return (
    <>
      <ol className="contact-tickets">
        {tickets.edges.map(({ node }) => (
          <TicketItem key={node.id} ticket={node} current={node.id === currentTicketId} />
        ))}
      </ol>
      {tickets.edges.length === 0 && <p className="muted">{t('contact.noTickets')}</p>}
      {tickets.pageInfo.hasNextPage && (
        <button type="button" className="more" disabled={loading} onClick={onMore}>
          {loading ? t('common.loading') : t('contact.earlierTickets')}
        </button>
      )}
    </>
  );
}
