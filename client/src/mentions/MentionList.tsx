// The Mentions tab: notes that named me with @name, unread first, each opening its ticket at the note.
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { formatAge, personAddress } from '../format';
import { navigateOnClick } from '../router';
import { VIEW_COUNTS } from '../views/view.documents';
import { MENTIONS } from './mention.documents';
import { useT } from '../i18n/I18n';

/** Where a mention leads: its ticket, scrolled to the note (the list's tab stays in the address). */
export const notePath = (ticketId: string, messageId: string) =>
  `/tickets/${ticketId}${location.search}#message-${messageId}`;

export function MentionList() {
  const t = useT();
  const { data, loading, refetch } = useQuery(MENTIONS, { fetchPolicy: 'cache-and-network' });
  const { data: counts } = useQuery(VIEW_COUNTS, { fetchPolicy: 'cache-first' });
  const unread = counts?.notifications.unreadMentions;
  // A new mention (or one read elsewhere) moves the count: read the list again.
  useEffect(() => {
    if (unread !== undefined) void refetch();
  }, [unread, refetch]);
  const [permission, setPermission] = useState(() => ('Notification' in window ? Notification.permission : 'denied'));
  const mentions = data?.mentions ?? [];

  return (
    <div className="mention-list">
      {permission === 'default' && (
        <p className="muted mention-permission">
          <button type="button" onClick={async () => setPermission(await Notification.requestPermission())}>
            Notify me when I am mentioned
          </button>
        </p>
      )}
      {loading && !data && <p className="muted">Loading mentions…</p>}
      {data && mentions.length === 0 && (
        <p className="muted empty">
          No one has mentioned you yet. Agents mention you by typing @ and your name in a note.
        </p>
      )}
      <ul className="rows">
        {mentions.map((mention) => {
          const path = notePath(mention.ticket.id, mention.message.id);
          const who = mention.ticket.senderName ?? personAddress(mention.ticket);
          return (
            <li key={mention.id}>
              <a
                href={path}
                className={`row mention-row ${mention.read ? '' : 'unread'}`}
                onClick={navigateOnClick(path)}
                data-testid="mention-row"
              >
                <span className="row-top">
                  <span className="who">
                    {!mention.read && <span className="unread-dot" role="img" aria-label="Unread mention" />}
                    <strong>{mention.author?.name ?? 'A former agent'}</strong>
                    <span className="muted"> on {who}</span>
                  </span>
                  <time className="muted" dateTime={mention.createdAt}>
                    {formatAge(t, mention.createdAt)}
                  </time>
                </span>
                <span className="preview">📝 {mention.message.body}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
