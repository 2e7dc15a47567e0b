// Everyone the desk has talked to, most recently in contact first: searched by name, number or username, each
// row opening the contact's page, with how many tickets they opened and a link to the one still open.
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { formatTimestamp, personAddress } from '../format';
import { graphql } from '../gql';
import type { ContactListQuery } from '../gql/graphql';
import { contactPath, navigateOnClick } from '../router';
import { useDebounced } from '../useDebounced';
import { useT } from '../i18n/I18n';
import { useAgo } from '../layout/useAgo';

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

function ContactRow({ contact }: { contact: ListedContact }) {
  const t = useT();
  const { locale } = useIntl();
  const ago = useAgo();
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
        <span
          className="muted"
          title={t('contacts.lastInContact', { when: formatTimestamp(contact.lastContactAt, locale) })}
        >
          {ago(contact.lastContactAt)}
        </span>
        <span className="muted">{t('contacts.tickets', { count: contact.ticketCount })}</span>
        {open && (
          <a
            className="contact-open-ticket"
            href={`/tickets/${open.id}`}
            onClick={navigateOnClick(`/tickets/${open.id}`)}
          >
            {t('contacts.openTicket', { id: open.id })}
          </a>
        )}
      </span>
    </li>
  );
}

export function ContactList() {
  const t = useT();
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
        <h2 id="contacts-title">{t('header.contacts')}</h2>
        <label className="contact-search">
          <span className="visually-hidden">{t('contacts.search')}</span>
          <input
            type="search"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            placeholder={t('contacts.searchPlaceholder')}
            maxLength={200}
          />
        </label>
        {contacts && (
          <p className="muted count" aria-live="polite">
            {search
              ? t('contacts.countMatching', { count: contacts.totalCount, search })
              : t('contacts.count', { count: contacts.totalCount })}
          </p>
        )}
      </header>
      {error && (
        <p role="alert" className="error">
          {t('contacts.loadFailed', { error: error.message })}
        </p>
      )}
      {!contacts && loading && <p className="muted contact-list-note">{t('contacts.loading')}</p>}
      {contacts && contacts.edges.length === 0 && (
        <div className="contact-list-note empty-contacts">
          {search ? (
            <p>{t('contacts.noMatch', { search })}</p>
          ) : (
            <>
              <p>
                <strong>{t('contacts.none')}</strong>
              </p>
              <p className="muted">{t('contacts.noneHint')}</p>
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
          {loading ? t('common.loading') : t('contacts.more')}
        </button>
      )}
    </section>
  );
}
