// The similar resolved tickets of the open one, found by the server's full-text index, each with the reply that
// resolved it: a button (or Alt+1 to Alt+3, see keymap.ts) puts that reply in the reply box as a draft to adapt.
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { graphql } from '../gql';
import { useT } from '../i18n/I18n';
import { sendDeskCommand } from '../keyboard/desk-commands';
import { SHORTCUTS } from '../keyboard/keymap';
import { navigateOnClick } from '../router';

export const SIMILAR_TICKETS = graphql(`
  query SimilarTickets($id: ID!) {
    ticket(id: $id) {
      id
      similarTickets(first: 3) {
        score
        ticket { id issueDescription senderName status resolvedAt }
        resolvingReply { id body senderName }
      }
    }
  }
`);

/** Alt+1, Alt+2, Alt+3 as the key map names them, so the panel shows what the `?` overlay lists. */
const INSERT_KEYS = SHORTCUTS.find((shortcut) => shortcut.id === 'similarReply')?.keys ?? [];

export function SimilarTickets({ ticketId, personMessages }: { ticketId: string; personMessages: number }) {
  const t = useT();
  const { data, loading, error, refetch } = useQuery(SIMILAR_TICKETS, {
    variables: { id: ticketId },
    fetchPolicy: 'cache-and-network',
  });
  // The person's newest messages are part of the question: when they write again, ask again.
  const asked = useRef(personMessages);
  useEffect(() => {
    if (asked.current === personMessages) return;
    asked.current = personMessages;
    void refetch();
  }, [personMessages, refetch]);
  const [inserted, setInserted] = useState<string | null>(null);
  const similar = data?.ticket?.similarTickets ?? [];
  const insert = (id: string, body: string) => {
    sendDeskCommand({ type: 'reply-box', ticketId, action: 'insert', text: body });
    setInserted(id);
  };

  return (
    <section className="similar-tickets" aria-label={t('similar.title')}>
      <details data-testid="similar-tickets">
        <summary>
          <span className="similar-title">{t('similar.title')}</span>{' '}
          <span className="muted">
            {loading && !data ? '…' : t('similar.count', { count: similar.length })}
            {similar.some((item) => item.resolvingReply) && <> · {t('similar.shortcutHint')}</>}
          </span>
        </summary>
        {error && !data && (
          <p className="delivery-error" role="alert">
            {t('similar.failed', { error: error.message })}
          </p>
        )}
        {loading && !data && <p className="muted">{t('similar.loading')}</p>}
        {data && similar.length === 0 && <p className="muted">{t('similar.none')}</p>}
        <ol className="similar-list">
          {similar.map((item, index) => (
            <li key={item.ticket.id} className="similar-item" data-testid="similar-item">
              <div className="similar-head">
                {INSERT_KEYS[index] && <kbd>{INSERT_KEYS[index]}</kbd>}
                <a
                  href={`/tickets/${item.ticket.id}`}
                  onClick={navigateOnClick(`/tickets/${item.ticket.id}`)}
                  aria-label={t('similar.open', { id: item.ticket.id })}
                >
                  #{item.ticket.id}
                </a>
                <span className="similar-issue">{item.ticket.issueDescription}</span>
              </div>
              {item.resolvingReply ? (
                <div className="similar-reply">
                  <span className="muted">{t('similar.reply')}:</span>
                  <p className="similar-reply-body">{item.resolvingReply.body}</p>
                  <button
                    type="button"
                    data-similar-insert={index + 1}
                    aria-label={t('similar.insertLabel', { id: item.ticket.id })}
                    aria-keyshortcuts={INSERT_KEYS[index]}
                    onClick={() => insert(item.ticket.id, item.resolvingReply!.body)}
                  >
                    {t('similar.insert')}
                  </button>
                </div>
              ) : (
                <p className="muted">{t('similar.noReply')}</p>
              )}
            </li>
          ))}
        </ol>
      </details>
      <p className="visually-hidden" role="status">
        {inserted && t('similar.inserted', { id: inserted })}
      </p>
    </section>
  );
}
