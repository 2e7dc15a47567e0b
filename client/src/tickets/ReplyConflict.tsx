// Shown instead of sending when another agent replied to the person while this agent was typing: read what
// they said, then send anyway or take the reply back to edit it.
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { formatTimestamp } from '../format';
import { useT } from '../i18n/I18n';
import type { ThreadMessage } from './Thread';

export interface HeldReply {
  body: string;
  /** The other agents' replies since the draft began, as the thread shows them. */
  replies: ThreadMessage[];
  /** The server's explanation, for when the thread has not caught up with those replies yet. */
  reason: string;
}

export function ReplyConflict({
  held,
  onSendAnyway,
  onReview,
}: {
  held: HeldReply;
  onSendAnyway: () => void;
  onReview: () => void;
}) {
  const t = useT();
  const { locale, formatList } = useIntl();
  const review = useRef<HTMLButtonElement>(null);
  useEffect(() => review.current?.focus(), []);
  const who = [
    ...new Set(held.replies.map((reply) => reply.author?.name ?? reply.senderName ?? t('conflict.anotherAgent'))),
  ];
  return (
    <div
      className="reply-conflict"
      role="alertdialog"
      aria-labelledby="reply-conflict-title"
      aria-describedby="reply-conflict-body"
      data-testid="reply-conflict"
      onKeyDown={(event) => event.key === 'Escape' && onReview()}
    >
      <h3 id="reply-conflict-title">
        {who.length > 0
          ? t('conflict.title', { who: formatList(who, { type: 'conjunction' }) })
          : t('conflict.titleAnyone')}
      </h3>
      <div id="reply-conflict-body">
        {held.replies.length > 0 ? (
          <ul>
            {held.replies.map((reply) => (
              <li key={reply.id}>
                <span className="muted">
                  {reply.author?.name ?? reply.senderName} · {formatTimestamp(reply.createdAt, locale)}
                </span>
                <p>{reply.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{held.reason}</p>
        )}
        <p className="muted">
          {t('conflict.notSent', { body: held.body.length > 140 ? `${held.body.slice(0, 140)}…` : held.body })}
        </p>
      </div>
      <div className="reply-actions">
        <button type="button" ref={review} onClick={onReview}>
          {t('conflict.review')}
        </button>
        <button type="button" className="primary" onClick={onSendAnyway}>
          {t('conflict.sendAnyway')}
        </button>
      </div>
    </div>
  );
}
