// Shown instead of sending when another agent replied to the person while this agent was typing: read what
// they said, then send anyway or take the reply back to edit it.
import { useEffect, useRef } from 'react';
import { formatTimestamp } from '../format';
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
  const review = useRef<HTMLButtonElement>(null);
  useEffect(() => review.current?.focus(), []);
  const who = [...new Set(held.replies.map((reply) => reply.author?.name ?? reply.senderName ?? 'Another agent'))];
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
          ? `${who.join(' and ')} replied while you were typing`
          : 'Another agent replied while you were typing'}
      </h3>
      <div id="reply-conflict-body">
        {held.replies.length > 0 ? (
          <ul>
            {held.replies.map((reply) => (
              <li key={reply.id}>
                <span className="muted">
                  {reply.author?.name ?? reply.senderName} · {formatTimestamp(reply.createdAt)}
                </span>
                <p>{reply.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{held.reason}</p>
        )}
        <p className="muted">
          Your reply has not been sent: “{held.body.length > 140 ? `${held.body.slice(0, 140)}…` : held.body}”
        </p>
      </div>
      <div className="reply-actions">
        <button type="button" ref={review} onClick={onReview}>
          Review my reply
        </button>
        <button type="button" className="primary" onClick={onSendAnyway}>
          Send anyway
        </button>
      </div>
    </div>
  );
}
