// The thread: the person's, agents', bot's and system messages told apart, with times and delivery ticks.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { formatTimestamp, type Translate } from '../format';
import type { MessageId } from '../i18n/en';
import { useT } from '../i18n/I18n';
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
  const t = useT();
  const { locale } = useIntl();
  if (lines.length === 0) return null;
  return (
    <li className="bot-conversation" data-testid="bot-conversation">
      <details>
        <summary>
          <span aria-hidden="true">🤖 </span>
          {t('thread.botConversationSummary', { count: lines.length })}
        </summary>
        <ol aria-label={t('thread.botConversation')}>
          {lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines never change once the ticket has them
            <li key={index} className={`bot-line from-${line.from.toLowerCase()}`}>
              <span className="sender">{line.from === 'BOT' ? t('thread.bot') : personName}</span>{' '}
              <time dateTime={line.at}>{formatTimestamp(line.at, locale)}</time>
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

const TICKS: Record<string, { mark: string; label: MessageId }> = {
  PENDING: { mark: '🕓', label: 'thread.pending' },
  SENT: { mark: '✓', label: 'thread.sent' },
  DELIVERED: { mark: '✓✓', label: 'thread.delivered' },
  READ: { mark: '✓✓', label: 'thread.read' },
  FAILED: { mark: '⚠', label: 'thread.notDelivered' },
};

function Ticks({ message }: { message: ThreadMessage }) {
  const t = useT();
  if (message.localState === 'sending')
    return (
      <span className="ticks" role="img" aria-label={t('thread.sending')}>
        🕓
      </span>
    );
  if (!message.deliveryStatus) return null;
  const tick = TICKS[message.deliveryStatus]!;
  const label = t(tick.label);
  return (
    <span
      className={`ticks ticks-${message.deliveryStatus.toLowerCase()}`}
      role="img"
      title={message.deliveryError ?? label}
      aria-label={
        message.deliveryError ? t('thread.statusWithError', { status: label, error: message.deliveryError }) : label
      }
    >
      {tick.mark}
      {/* Read and delivered share the mark; the word tells them apart without colour (WCAG 1.4.1). */}
      {message.deliveryStatus === 'READ' && <span className="ticks-word">{label}</span>}
    </span>
  );
}

function who(t: Translate, message: ThreadMessage): string {
  if (message.internal)
    return t('thread.note', { name: message.author?.name ?? message.senderName ?? t('ticket.agent') });
  switch (message.senderType) {
    case 'USER':
      return message.senderName ?? t('thread.customer');
    case 'ADMIN':
      return message.author?.name ?? message.senderName ?? t('ticket.agent');
    case 'BOT':
      return t('thread.bot');
    default:
      return t('thread.system');
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
  const t = useT();
  const { locale } = useIntl();
  const personName = messages.find((message) => message.senderType === 'USER')?.senderName ?? t('thread.customer');
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
    <ol className="thread" ref={box} onScroll={onScroll} aria-label={t('thread.label')} aria-live="polite">
      <BotConversation lines={botConversation} personName={personName} />
      {messages.map((message) => (
        <li
          key={message.id}
          id={`message-${message.id}`}
          className={`message from-${message.senderType.toLowerCase()} ${message.internal ? 'internal' : ''} ${message.localState ?? ''}`}
          data-testid="message"
        >
          <div className="message-head">
            <span className="sender">{who(t, message)}</span>
            <time dateTime={message.createdAt}>{formatTimestamp(message.createdAt, locale)}</time>
            {message.templateName && (
              <span className="template-mark" title={t('thread.templateTitle', { name: message.templateName })}>
                {t('thread.template', { name: message.templateName })}
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
            <p className="delivery-error">{t('thread.notDeliveredBecause', { error: message.deliveryError })}</p>
          )}
          {message.localState === 'failed' && (
            <p className="delivery-error">
              {t('thread.notSent')}{' '}
              <button type="button" onClick={() => onRetry(message)}>
                {t('thread.retry')}
              </button>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
