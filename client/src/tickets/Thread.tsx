// The thread: the person's, agents', bot's and system messages told apart, with times and delivery ticks.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { formatTimestamp } from '../format';
import type { MessageFieldsFragment } from '../gql/graphql';
import { Attachment } from './Attachment';
import { EditedMark, ForwardedMark, MessageContent, PersonReaction, QuotedMessage } from './MessageKinds';

/** A line of the conversation with the bot before the ticket opened (Ticket.botConversation). */
export interface BotLine {
  from: 'PERSON' | 'BOT';
  text: string;
  at: string;
}

/**
 * How the person got to this ticket: their talk with the bot, folded at the top of the thread so that it is
 * there when wanted and out of the way otherwise, and drawn as the bot's (not as messages to the agents).
 */
function BotConversation({ lines, personName }: { lines: BotLine[]; personName: string }) {
  if (lines.length === 0) return null;
  return (
    <li className="bot-conversation" data-testid="bot-conversation">
      <details>
        <summary>
          <span aria-hidden="true">🤖 </span>Conversation with the bot before the ticket · {lines.length}{' '}
          {lines.length === 1 ? 'message' : 'messages'}
        </summary>
        <ol aria-label="Conversation with the bot">
          {lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines never change once the ticket has them
            <li key={index} className={`bot-line from-${line.from.toLowerCase()}`}>
              <span className="sender">{line.from === 'BOT' ? 'Bot' : personName}</span>{' '}
              <time dateTime={line.at}>{formatTimestamp(line.at)}</time>
              <p className="body">{line.text}</p>
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}

export interface ThreadMessage extends MessageFieldsFragment {
  /** Set on a reply that has not reached the server (yet, or at all). */
  localState?: 'sending' | 'failed';
}

const TICKS: Record<string, { mark: string; label: string }> = {
  PENDING: { mark: '🕓', label: 'Waiting to be sent' },
  SENT: { mark: '✓', label: 'Sent' },
  DELIVERED: { mark: '✓✓', label: 'Delivered' },
  READ: { mark: '✓✓', label: 'Read' },
  FAILED: { mark: '⚠', label: 'Not delivered' },
};

function Ticks({ message }: { message: ThreadMessage }) {
  if (message.localState === 'sending')
    return (
      <span className="ticks" role="img" aria-label="Sending">
        🕓
      </span>
    );
  if (!message.deliveryStatus) return null;
  const tick = TICKS[message.deliveryStatus]!;
  return (
    <span
      className={`ticks ticks-${message.deliveryStatus.toLowerCase()}`}
      role="img"
      title={message.deliveryError ?? tick.label}
      aria-label={message.deliveryError ? `${tick.label}: ${message.deliveryError}` : tick.label}
    >
      {tick.mark}
    </span>
  );
}

function who(message: ThreadMessage): string {
  if (message.internal) return `Note · ${message.author?.name ?? message.senderName ?? 'Agent'}`;
  switch (message.senderType) {
    case 'USER':
      return message.senderName ?? 'Customer';
    case 'ADMIN':
      return message.author?.name ?? message.senderName ?? 'Agent';
    case 'BOT':
      return 'Bot';
    default:
      return 'System';
  }
}

export function Thread({
  messages,
  botConversation = [],
  onRetry,
}: {
  messages: ThreadMessage[];
  botConversation?: BotLine[];
  onRetry: (message: ThreadMessage) => void;
}) {
  const personName = messages.find((message) => message.senderType === 'USER')?.senderName ?? 'Customer';
  const box = useRef<HTMLOListElement>(null);
  const pinnedToBottom = useRef(true);
  const onScroll = () => {
    const element = box.current;
    if (element) pinnedToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the count is the trigger (follow when a message is added), the effect reads refs only
  useLayoutEffect(() => {
    // Follow new messages unless the agent has scrolled up to read older ones.
    if (pinnedToBottom.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [messages.length]);
  useEffect(() => {
    // A picture that loads after its message grows the thread: keep following the newest message.
    const element = box.current;
    const follow = () => {
      if (pinnedToBottom.current && element) element.scrollTop = element.scrollHeight;
    };
    element?.addEventListener('load', follow, true); // load does not bubble; capture sees it
    return () => element?.removeEventListener('load', follow, true);
  }, []);

  return (
    <ol className="thread" ref={box} onScroll={onScroll} aria-label="Messages" aria-live="polite">
      <BotConversation lines={botConversation} personName={personName} />
      {messages.map((message) => (
        <li
          key={message.id}
          id={`message-${message.id}`}
          className={`message from-${message.senderType.toLowerCase()} ${message.internal ? 'internal' : ''} ${message.localState ?? ''}`}
          data-testid="message"
        >
          <div className="message-head">
            <span className="sender">{who(message)}</span>
            <time dateTime={message.createdAt}>{formatTimestamp(message.createdAt)}</time>
            {message.templateName && (
              <span className="template-mark" title={`Sent as the WhatsApp template ${message.templateName}`}>
                Template · {message.templateName}
              </span>
            )}
            <Ticks message={message} />
          </div>
          <ForwardedMark message={message} />
          <QuotedMessage message={message} />
          {message.attachment && <Attachment attachment={message.attachment} />}
          {/* With a file shown, its caption stands for the body's readable stand-in ("📷 Photo — …"). */}
          {message.attachment ? (
            message.attachment.caption && <p className="body">{message.attachment.caption}</p>
          ) : (
            <MessageContent message={message} />
          )}
          <EditedMark message={message} />
          <PersonReaction message={message} />
          {message.deliveryStatus === 'FAILED' && message.deliveryError && (
            <p className="delivery-error">Not delivered: {message.deliveryError}</p>
          )}
          {message.localState === 'failed' && (
            <p className="delivery-error">
              Not sent.{' '}
              <button type="button" onClick={() => onRetry(message)}>
                Retry
              </button>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
