// Resolving a ticket: the closing message the person gets, prefilled with the desk's default and editable (or
// none at all) before it goes; then back to the ticket, or on to the next one in the list.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import { Dialog } from '../keyboard/Dialog';
import { useT } from '../i18n/I18n';

const DEFAULT_CLOSING = graphql(`
  query DefaultClosingMessage {
    defaultClosingMessage
  }
`);
const RESOLVE = graphql(`
  mutation ResolveTicket($ticketId: ID!, $message: String, $sendClosingMessage: Boolean) {
    closeTicket(ticketId: $ticketId, message: $message, sendClosingMessage: $sendClosingMessage) { id status resolvedAt }
  }
`);

/** WhatsApp's limit for one text message; the server refuses longer closing messages. */
const MAX_LENGTH = 4096;

export function ResolveDialog({
  ticketId,
  andNext,
  onClose,
  onResolved,
}: {
  ticketId: string;
  /** Whether "Resolve and next" is the default action (Shift+E), rather than "Resolve" (e). */
  andNext: boolean;
  onClose: () => void;
  onResolved: (goOn: boolean) => void;
}) {
  const t = useT();
  const { data } = useQuery(DEFAULT_CLOSING);
  const fallback = data?.defaultClosingMessage ?? '';
  const [edited, setEdited] = useState<string | null>(null);
  const text = edited ?? fallback;
  const [send, setSend] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [resolve, { loading }] = useMutation(RESOLVE);
  const over = text.trim().length - MAX_LENGTH;

  const submit = async (goOn: boolean) => {
    if (loading || (send && over > 0)) return;
    setError(null);
    const written = text.trim();
    try {
      await resolve({
        variables: {
          ticketId,
          // The untouched default (or nothing) goes as the desk's own message; edited text as the agent's.
          message: send && written && written !== fallback.trim() ? written : null,
          sendClosingMessage: send,
        },
      });
      onResolved(goOn);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <Dialog labelledBy="resolve-title" className="resolve-dialog" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit(andNext);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit(andNext);
          }
        }}
      >
        <h2 id="resolve-title">{t('resolve.title', { id: ticketId })}</h2>
        <label htmlFor="closing-message">{t('resolve.message')}</label>
        <textarea
          id="closing-message"
          rows={4}
          value={send ? text : ''}
          disabled={!send}
          placeholder={send ? fallback : t('resolve.noMessage')}
          aria-describedby="closing-message-help"
          onChange={(event) => setEdited(event.target.value)}
        />
        <p id="closing-message-help" className={over > 0 && send ? 'error' : 'muted'}>
          {!send ? t('resolve.silent') : over > 0 ? t('resolve.tooLong', { over, max: MAX_LENGTH }) : t('resolve.hint')}
        </p>
        <label className="inline-check">
          <input type="checkbox" checked={send} onChange={(event) => setSend(event.target.checked)} />
          {t('resolve.send')}
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type={andNext ? 'button' : 'submit'}
            className={andNext ? '' : 'primary'}
            disabled={loading}
            onClick={andNext ? () => void submit(false) : undefined}
          >
            {t('keys.resolvePalette')}
          </button>
          <button
            type={andNext ? 'submit' : 'button'}
            className={andNext ? 'primary' : ''}
            disabled={loading}
            onClick={andNext ? undefined : () => void submit(true)}
          >
            {t('keys.resolveNextPalette')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
