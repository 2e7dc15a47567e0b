// One ticket: its header, what an agent does to it, and its conversation, kept live while it is open.
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useT } from '../i18n/I18n';
import { ContactPanel } from '../contacts/ContactPanel';
import { useMentionsRead } from '../mentions/useMentionsRead';
import { AGENTS } from './agents';
import { usePresence } from './presence';
import { TICKET_DETAIL } from './ticket.documents';
import { SimilarTickets } from './SimilarTickets';
import { TicketActions } from './TicketActions';
import { TicketConversation } from './TicketConversation';
import { TicketHeader } from './TicketHeader';
import { TicketMissing } from './TicketMissing';
import { useTicketLive } from './useTicketLive';

export function TicketDetail({ ticketId }: { ticketId: string }) {
  const t = useT();
  const { data, loading, error } = useQuery(TICKET_DETAIL, { variables: { id: ticketId } });
  const { data: agents } = useQuery(AGENTS);
  const presence = usePresence(ticketId, agents?.me?.id);
  useTicketLive(ticketId);
  /** On a narrow screen the contact panel folds behind the header's Contact button, so the thread keeps the screen. */
  const [contactUnfolded, setContactUnfolded] = useState(false);
  useMentionsRead(ticketId, !!data?.ticket);
  const ticket = data?.ticket;

  if (loading && !ticket)
    return (
      <section className="ticket-detail">
        <p className="muted">{t('detail.loading')}</p>
      </section>
    );
  if (error || !ticket) {
    const missing =
      !error || (CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.code === 'NOT_FOUND'));
    return <TicketMissing ticketId={ticketId} error={missing ? null : error.message} />;
  }

  const isResolved = ticket.status === 'RESOLVED' || ticket.status === 'CLOSED';
  const me = agents?.me ? { id: agents.me.id, name: agents.me.name } : null;
  return (
    <section className="ticket-detail with-contact-panel" aria-labelledby="ticket-title">
      <div className="ticket-main">
        <TicketHeader
          ticket={ticket}
          others={presence.others}
          contactUnfolded={contactUnfolded}
          onToggleContact={() => setContactUnfolded((was) => !was)}
        />
        <TicketActions ticket={ticket} agents={agents} isResolved={isResolved} />
        <SimilarTickets
          ticketId={ticketId}
          personMessages={ticket.messages.edges.filter((edge) => edge.node.senderType === 'USER').length}
        />
        <TicketConversation
          ticketId={ticketId}
          ticket={ticket}
          messages={ticket.messages.edges.map((edge) => edge.node)}
          botConversation={ticket.messages.pageInfo.hasPreviousPage ? [] : ticket.botConversation}
          me={me}
          isResolved={isResolved}
          others={presence.others}
          onKeystroke={presence.keystroke}
          onStopTyping={presence.stopTyping}
        />
      </div>
      <ContactPanel
        phoneNumber={ticket.phoneNumber}
        ticketId={ticketId}
        unfolded={contactUnfolded}
        onClose={() => setContactUnfolded(false)}
      />
    </section>
  );
}
