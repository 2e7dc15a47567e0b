// Every ticket a contact opened, newest first: each opens in the dashboard, and its thread can be read here.
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { formatTimestamp } from '../format';
import { graphql } from '../gql';
import type { ContactPageQuery } from '../gql/graphql';
import { navigateOnClick } from '../router';
import { withoutMediaId } from '../tickets/message-text';
import { describeSnooze } from '../tickets/snooze-times';
import { Thread } from '../tickets/Thread';
import { useT } from '../i18n/I18n';
import { useIntl } from 'react-intl';

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
  const { data, loading, error, fetchMore } = useQuery(THREAD, { variables: { id: ticketId } });
  const messages = data?.ticket?.messages;
  if (error)
    return (
      <p role="alert" className="error">
        The thread could not be loaded: {error.message}
      </p>
    );
  if (!messages) return <p className="muted">{loading ? 'Loading the thread…' : 'No thread.'}</p>;
  return (
    <div className="contact-thread">
      {messages.pageInfo.hasPreviousPage && (
        <button
          type="button"
          disabled={loading}
          onClick={() => void fetchMore({ variables: { id: ticketId, before: messages.pageInfo.startCursor } })}
        >
          Show earlier messages
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
        <span className={`pill status-${ticket.status.toLowerCase()}`}>
          {ticket.status.replace('_', ' ').toLowerCase()}
        </span>
        {ticket.snoozed && <span className="pill snoozed">💤 {describeSnooze(t, ticket.snoozedUntil, locale)}</span>}
        <span className="muted">opened {formatTimestamp(ticket.createdAt)}</span>
        {ticket.resolvedAt && <span className="muted">resolved {formatTimestamp(ticket.resolvedAt)}</span>}
        <span className="muted">{ticket.assignee?.name ?? 'Unassigned'}</span>
        <span className="muted">💬 {ticket.messageCount}</span>
        <button type="button" className="link" aria-expanded={showThread} onClick={() => setShowThread(!showThread)}>
          {showThread ? 'Hide thread' : 'Show thread'}
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
  return (
    <>
      <ol className="contact-tickets">
        {tickets.edges.map(({ node }) => (
          <TicketItem key={node.id} ticket={node} current={node.id === currentTicketId} />
        ))}
      </ol>
      {tickets.edges.length === 0 && <p className="muted">No tickets yet.</p>}
      {tickets.pageInfo.hasNextPage && (
        <button type="button" className="more" disabled={loading} onClick={onMore}>
          {loading ? 'Loading…' : 'Earlier tickets'}
        </button>
      )}
    </>
  );
}
