// One contact: who they are (editable), the agents' notes, and every ticket they opened; live.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { formatAge, formatTimestamp, personAddress } from '../format';
import { graphql } from '../gql';
import type { ContactFieldsFragment } from '../gql/graphql';
import { navigate } from '../router';
import { CONTACT_UPDATED, UPDATE_CONTACT } from './contact.documents';
import { ContactNotes } from './ContactNotes';
import { ContactTickets } from './ContactTickets';
import { SaveStatus, useSave } from './SaveStatus';
import { useT } from '../i18n/I18n';

const CONTACT = graphql(`
  query ContactPage($phoneNumber: String!, $after: String) {
    contact(phoneNumber: $phoneNumber) {
      ...ContactFields
      tickets(first: 20, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id status issueDescription createdAt resolvedAt messageCount snoozed snoozedUntil
            assignee { id name }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);
const TICKET_CREATED = graphql(`
  subscription ContactTicketCreated {
    ticketCreated { id phoneNumber }
  }
`);

/** The contact's name and student id, edited in place (also in a ticket's contact panel). */
export function ContactDetails({ contact }: { contact: ContactFieldsFragment }) {
  // null: not being edited, so the contact's own value shows (and follows other agents' changes).
  const [name, setName] = useState<string | null>(null);
  const [studentId, setStudentId] = useState<string | null>(null);
  const [update] = useMutation(UPDATE_CONTACT);
  const save = useSave();
  const dirty =
    (name !== null && name.trim() !== (contact.name ?? '')) ||
    (studentId !== null && studentId.trim() !== (contact.studentId ?? ''));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      await update({
        variables: {
          phoneNumber: contact.phoneNumber,
          input: { name: name ?? contact.name, studentId: studentId ?? contact.studentId },
        },
      });
      setName(null);
      setStudentId(null);
    });
  };
  return (
    <form className="contact-details" onSubmit={submit} aria-label="Contact details">
      <label>
        Name
        <input value={name ?? contact.name ?? ''} maxLength={255} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        Student id
        <input
          value={studentId ?? contact.studentId ?? ''}
          maxLength={64}
          onChange={(event) => setStudentId(event.target.value)}
        />
      </label>
      <button type="submit" disabled={!dirty || save.state.kind === 'saving'}>
        Save details
      </button>
      <SaveStatus state={save.state} dirty={dirty} testId="details-status" />
    </form>
  );
}

export function ContactPage({ phoneNumber, fromTicketId }: { phoneNumber: string; fromTicketId: string | null }) {
  const t = useT();
  const { data, loading, error, fetchMore, refetch } = useQuery(CONTACT, {
    variables: { phoneNumber },
    notifyOnNetworkStatusChange: true,
  });
  useSubscription(CONTACT_UPDATED, { variables: { phoneNumber } });
  useSubscription(TICKET_CREATED, {
    onData: ({ data: event }) => {
      if (event.data?.ticketCreated.phoneNumber === data?.contact?.phoneNumber) void refetch();
    },
  });
  const back = () => navigate(fromTicketId ? `/tickets/${fromTicketId}` : '/contacts');
  const backLabel = fromTicketId ? `Back to ticket #${fromTicketId}` : 'Back to contacts';
  const contact = data?.contact;

  if (loading && !contact)
    return (
      <section className="contact-page">
        <p className="muted">Loading contact…</p>
      </section>
    );
  if (error || !contact) {
    return (
      <section className="contact-page">
        <p role="alert" className="error">
          {error
            ? `This contact could not be loaded: ${error.message}`
            : `The desk has no contact ${personAddress({ phoneNumber })}.`}
        </p>
        <button type="button" onClick={back}>
          {backLabel}
        </button>
      </section>
    );
  }
  return (
    <section className="contact-page" aria-labelledby="contact-title">
      <header className="detail-head">
        <button type="button" className="back always" onClick={back} aria-label={backLabel} title={backLabel}>
          ←
        </button>
        <div>
          <h2 id="contact-title">{contact.name ?? personAddress(contact)}</h2>
          <p className="muted">
            {/* Without a name the heading already shows the number (or username): once is enough. */}
            {contact.name ? `${personAddress(contact)} · ` : ''}
            {contact.username && /^\d+$/.test(contact.phoneNumber) ? `@${contact.username} · ` : ''}
            {contact.studentId ? `student ${contact.studentId} · ` : ''}known since {formatTimestamp(contact.createdAt)}
            {contact.lastInboundAt ? ` · last wrote ${formatAge(t, contact.lastInboundAt)} ago` : ''}
          </p>
        </div>
      </header>
      <div className="contact-body">
        <section className="card" aria-labelledby="contact-details-title">
          <h3 id="contact-details-title">Details</h3>
          <ContactDetails contact={contact} />
        </section>
        <section className="card" aria-labelledby="contact-notes-title">
          <h3 id="contact-notes-title">Notes</h3>
          <ContactNotes contact={contact} />
        </section>
        <section className="card" aria-labelledby="contact-tickets-title">
          <h3 id="contact-tickets-title">Tickets ({contact.tickets.totalCount})</h3>
          <ContactTickets
            tickets={contact.tickets}
            currentTicketId={fromTicketId}
            loading={loading}
            onMore={() => void fetchMore({ variables: { phoneNumber, after: contact.tickets.pageInfo.endCursor } })}
          />
        </section>
      </div>
    </section>
  );
}
