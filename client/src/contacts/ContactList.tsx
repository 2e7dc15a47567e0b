// Everyone the desk has talked to, most recently in contact first: searched by name, number or username, each
// row opening the contact's page, with how many tickets they opened and a link to the one still open.
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { countOf, formatAge, formatTimestamp, personAddress, type Translate } from '../format';
import { graphql } from '../gql';
import type { ContactListQuery } from '../gql/graphql';
import { contactPath, navigateOnClick } from '../router';
import { useDebounced } from '../useDebounced';
import { useT } from '../i18n/I18n';

const PAGE_SIZE = 50;

const CONTACTS = graphql(`
  query ContactList($search: String, $first: Int, $after: String) {
    contacts(search: $search, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node { phoneNumber name username lastContactAt ticketCount openTicket { id status } }
      }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

type ListedContact = NonNullable<ContactListQuery['contacts']>['edges'][number]['node'];

/** "just now", "5 min ago", "3 days ago": the list's short form of when they were last in contact. */
const ago = (t: Translate, iso: string) => {
  const age = formatAge(t, iso);
  return age === t('age.now') ? 'just now' : `${age} ago`;
};

function ContactRow({ contact }: { contact: ListedContact }) {
  const t = useT();
  const path = contactPath(contact.phoneNumber);
  const address = personAddress(contact);
  // A username beside a number; for a person who shares no number, the address already is the username.
  const username = contact.username && /^\d+$/.test(contact.phoneNumber) ? ` · @${contact.username}` : '';
  const open = contact.openTicket;
  return (
    <li className="contact-row" data-testid="contact-row">
      <a className="contact-row-main" href={path} onClick={navigateOnClick(path)}>
        {/* Without a name the address names them: shown once, not twice. */}
        <strong className="contact-row-name">{contact.name ?? address}</strong>
        {(contact.name || username) && (
          <span className="muted contact-row-address">
            {contact.name ? address : ''}
            {username}
          </span>
        )}
      </a>
      <span className="contact-row-meta">
        <span className="muted" title={`Last in contact ${formatTimestamp(contact.lastContactAt)}`}>
          {ago(t, contact.lastContactAt)}
        </span>
        <span className="muted">{t('list.count', { count: contact.ticketCount })}</span>
        {open && (
          <a
            className="contact-open-ticket"
            href={`/tickets/${open.id}`}
            onClick={navigateOnClick(`/tickets/${open.id}`)}
          >
            Open ticket #{open.id}
          </a>
        )}
      </span>
    </li>
  );
}

export function ContactList() {
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 250);
  const { data, previousData, loading, error, fetchMore } = useQuery(CONTACTS, {
    variables: { search: search || null, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  // While a new search is read, the last answer stays on screen instead of a blank list.
  const contacts = (data ?? previousData)?.contacts;

  return (
    <section className="contact-list" aria-labelledby="contacts-title">
      <header className="contact-list-head">
        <h2 id="contacts-title">Contacts</h2>
        <label className="contact-search">
          <span className="visually-hidden">Search contacts</span>
          <input
            type="search"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            placeholder="Search by name, number or @username"
            maxLength={200}
          />
        </label>
        {contacts && (
          <p className="muted count" aria-live="polite">
            {countOf(contacts.totalCount, 'contact')}
            {search ? ` match “${search}”` : ''} · most recently in contact first
          </p>
        )}
      </header>
      {error && (
        <p role="alert" className="error">
          The contacts could not be loaded: {error.message}
        </p>
      )}
      {!contacts && loading && <p className="muted contact-list-note">Loading contacts…</p>}
      {contacts && contacts.edges.length === 0 && (
        <div className="contact-list-note empty-contacts">
          {search ? (
            <p>No contact’s name, number or username contains “{search}”.</p>
          ) : (
            <>
              <p>
                <strong>No contacts yet.</strong>
              </p>
              <p className="muted">
                A contact appears here when someone writes to the desk on WhatsApp, or when an agent opens a ticket for
                a phone number.
              </p>
            </>
          )}
        </div>
      )}
      {contacts && contacts.edges.length > 0 && (
        <ul className="contact-rows">
          {contacts.edges.map(({ node }) => (
            <ContactRow key={node.phoneNumber} contact={node} />
          ))}
        </ul>
      )}
      {contacts?.pageInfo.hasNextPage && (
        <button
          type="button"
          className="more"
          disabled={loading}
          onClick={() => void fetchMore({ variables: { after: contacts.pageInfo.endCursor } })}
        >
          {loading ? 'Loading…' : 'More contacts'}
        </button>
      )}
    </section>
  );
}
