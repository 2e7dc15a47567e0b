// Who the agent is talking to, beside a ticket's thread: their name (editable), number or username, the agents'
// notes, the labels on their tickets and their other tickets, so that nobody leaves the thread to look them up.
import { useQuery, useSubscription } from '@apollo/client/react';
import { personAddress } from '../format';
import { useT } from '../i18n/I18n';
import { graphql } from '../gql';
import { textColorOn } from '../labels/colors';
import { contactPath, navigateOnClick } from '../router';
import { CONTACT_UPDATED } from './contact.documents';
import { ContactNotes } from './ContactNotes';
import { ContactDetails } from './ContactPage';
import { ContactTickets } from './ContactTickets';

const PANEL = graphql(`
  query TicketContactPanel($phoneNumber: String!, $after: String) {
    contact(phoneNumber: $phoneNumber) {
      ...ContactFields
      tickets(first: 20, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id status issueDescription createdAt resolvedAt messageCount snoozed snoozedUntil
            assignee { id name }
            labels { id name color }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export function ContactPanel({
  phoneNumber,
  ticketId,
  unfolded,
  onClose,
}: {
  phoneNumber: string;
  ticketId: string;
  /** On a narrow screen the panel is folded behind the header's Contact button; wide screens always show it. */
  unfolded: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { data, loading, error, fetchMore } = useQuery(PANEL, {
    variables: { phoneNumber },
    notifyOnNetworkStatusChange: true,
  });
  useSubscription(CONTACT_UPDATED, { variables: { phoneNumber } });
  const contact = data?.contact;
  const page = contactPath(phoneNumber, ticketId);

  const body = () => {
    if (error)
      return (
        <p role="alert" className="error">
          {t('contact.panelLoadFailed', { error: error.message })}
        </p>
      );
    if (!contact) return <p className="muted">{loading ? t('contact.panelLoading') : t('contact.panelNone')}</p>;
    // The labels their tickets carry (those loaded), each once: what the desk has said about them so far.
    const labels = [
      ...new Map(
        contact.tickets.edges.flatMap(({ node }) => node.labels).map((label) => [label.id, label] as const),
      ).values(),
    ];
    const username = contact.username && /^\d+$/.test(contact.phoneNumber) ? `@${contact.username}` : null;
    return (
      <>
        <p className="contact-panel-address">
          {personAddress(contact)}
          {username && <span className="muted"> · {username}</span>}
        </p>
        <section aria-labelledby="contact-panel-details">
          <h4 id="contact-panel-details">{t('contact.detailsTitle')}</h4>
          <ContactDetails contact={contact} />
        </section>
        <section aria-labelledby="contact-panel-notes">
          <h4 id="contact-panel-notes">{t('contact.notesTitle')}</h4>
          <ContactNotes contact={contact} />
        </section>
        <section aria-labelledby="contact-panel-labels">
          <h4 id="contact-panel-labels">{t('contact.labelsTitle')}</h4>
          {labels.length ? (
            <p className="contact-panel-labels">
              {labels.map((label) => (
                <span
                  key={label.id}
                  className="label-chip"
                  style={{ background: label.color, color: textColorOn(label.color) }}
                  data-testid="contact-label"
                >
                  {label.name}
                </span>
              ))}
            </p>
          ) : (
            <p className="muted">{t('contact.noLabels')}</p>
          )}
        </section>
        <section aria-labelledby="contact-panel-tickets">
          <h4 id="contact-panel-tickets">{t('contact.ticketsTitle', { count: contact.tickets.totalCount })}</h4>
          <ContactTickets
            tickets={contact.tickets}
            currentTicketId={ticketId}
            loading={loading}
            onMore={() => void fetchMore({ variables: { phoneNumber, after: contact.tickets.pageInfo.endCursor } })}
          />
        </section>
        <a className="button contact-link" href={page} onClick={navigateOnClick(page)}>
          {t('contact.history')}
        </a>
      </>
    );
  };

  return (
    <aside
      id="contact-panel"
      className={`contact-panel ${unfolded ? 'unfolded' : ''}`}
      aria-labelledby="contact-panel-title"
      data-testid="contact-panel"
    >
      <header className="contact-panel-head">
        {/* The panel is "Contact" to a screen reader; the person's name is the ticket's heading, not a second one. */}
        <h3 id="contact-panel-title" className="visually-hidden">
          {t('contact.title')}
        </h3>
        <a className="contact-panel-name" href={page} onClick={navigateOnClick(page)} title={t('contact.openPage')}>
          {contact ? (contact.name ?? personAddress(contact)) : t('contact.title')}
        </a>
        <button type="button" className="contact-panel-close" onClick={onClose} aria-label={t('contact.closePanel')}>
          ✕
        </button>
      </header>
      <div className="contact-panel-body">{body()}</div>
    </aside>
  );
}
