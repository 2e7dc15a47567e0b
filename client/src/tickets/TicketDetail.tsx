// One ticket: its thread live, the reply box, and what an agent does to it (assign, prioritise, status, close, reopen);
// who else is here and typing, and a reply held back when another agent answered while this one typed.
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { appendEdge } from '../cache';
import { formatTimestamp, personAddress } from '../format';
import { graphql } from '../gql';
import type { MessageFieldsFragment, TicketPriority, TicketStatus } from '../gql/graphql';
import { contactPath, navigate } from '../router';
import { TicketLabels } from '../labels/TicketLabels';
import { SatisfactionSummaryLine } from '../satisfaction/SatisfactionBadge';
import { AGENTS } from './agents';
import { LabelOptions, PRIORITY_LABELS, STATUS_LABELS } from './labels';
import { usePresence } from './presence';
import { ReplyBox, type ReplyMode, type RestoredReply } from './ReplyBox';
import { ReferralCard } from './ReferralCard';
import { ReplyConflict } from './ReplyConflict';
import { SnoozeControl, SnoozedBanner } from './SnoozeControl';
import { PLAIN_MESSAGE, Thread, type ThreadMessage } from './Thread';
import { TypingNotice, Viewers } from './Viewers';
import { TICKET_DETAIL } from './ticket.documents';
import { SlaBanner } from './SlaPill';
import type { UploadedFile } from './upload';

const MESSAGE_ADDED = graphql(`
  subscription TicketMessageAdded($ticketId: ID!) {
    messageAdded(ticketId: $ticketId) { ...MessageFields }
  }
`);
const MESSAGE_UPDATED = graphql(`
  subscription TicketMessageUpdated($ticketId: ID!) {
    messageUpdated(ticketId: $ticketId) { ...MessageFields }
  }
`);
const TICKET_UPDATED = graphql(`
  subscription TicketDetailUpdated($id: ID!) {
    ticketUpdated(id: $id) {
      id status priority resolvedAt firstResponseAt replyWindowClosesAt updatedAt assignee { id name } labels { id name color }
      snoozed snoozedAt snoozedUntil snoozedBy { id name }
      sla { state firstResponseDueAt resolutionDueAt }
      satisfaction { rating comment ratedAt }
    }
  }
`);
const SEND = graphql(`
  mutation SendReply($ticketId: ID!, $body: String!, $typingSince: DateTime, $attachmentId: ID) {
    sendMessage(ticketId: $ticketId, body: $body, typingSince: $typingSince, attachmentId: $attachmentId) { ...MessageFields }
  }
`);
const NOTE = graphql(`
  mutation AddNote($ticketId: ID!, $body: String!) {
    addNote(ticketId: $ticketId, body: $body) { ...MessageFields }
  }
`);
const MARK_READ = graphql(`
  mutation MarkTicketRead($ticketId: ID!) {
    markTicketRead(ticketId: $ticketId) { id unreadCount }
  }
`);
const ASSIGN = graphql(`
  mutation AssignTicket($ticketId: ID!, $adminId: ID) {
    assignTicket(ticketId: $ticketId, adminId: $adminId) { id assignee { id name } }
  }
`);
const PRIORITY = graphql(`
  mutation SetPriority($ticketId: ID!, $priority: TicketPriority!) {
    setTicketPriority(ticketId: $ticketId, priority: $priority) { id priority }
  }
`);
const STATUS = graphql(`
  mutation SetStatus($ticketId: ID!, $status: TicketStatus!) {
    setTicketStatus(ticketId: $ticketId, status: $status) { id status resolvedAt }
  }
`);
const CLOSE = graphql(`
  mutation CloseTicket($ticketId: ID!, $message: String) {
    closeTicket(ticketId: $ticketId, message: $message) { id status resolvedAt }
  }
`);
const REOPEN = graphql(`
  mutation ReopenTicket($ticketId: ID!) {
    reopenTicket(ticketId: $ticketId) { id status resolvedAt }
  }
`);

let localIds = 0;

/** A message on its way: shown at once, kept with a Retry if it fails. */
/** A message being sent; `before` holds the ids the thread had then, so its stored copy can be told apart. */
/** A reply on its way; with an uploaded file (`upload`), `caption` is what the agent typed (maybe nothing). */
type Outgoing = ThreadMessage & {
  mode: ReplyMode;
  typingSince: string | null;
  before: ReadonlySet<string>;
  upload: UploadedFile | null;
  caption: string;
};

/** A held reply back in the box as the agent wrote it: what they typed, and their file. */
const handBack = (reply: Outgoing): RestoredReply => ({
  body: reply.caption,
  attachment: reply.upload,
  key: ++localIds,
});

const isOtherAgentReplied = (error: unknown) =>
  CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.code === 'OTHER_AGENT_REPLIED');

export function TicketDetail({ ticketId }: { ticketId: string }) {
  const client = useApolloClient();
  const { data, loading, error } = useQuery(TICKET_DETAIL, { variables: { id: ticketId } });
  const { data: agents } = useQuery(AGENTS);
  const [outgoing, setOutgoing] = useState<Outgoing[]>([]);
  const [held, setHeld] = useState<{ reply: Outgoing; reason: string } | null>(null);
  const [restore, setRestore] = useState<RestoredReply | null>(null);
  const heldNow = useRef(held);
  heldNow.current = held;
  const [closing, setClosing] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [markRead] = useMutation(MARK_READ);
  const [sendReply] = useMutation(SEND);
  const [addNote] = useMutation(NOTE);
  const [assign] = useMutation(ASSIGN);
  const [setPriority] = useMutation(PRIORITY);
  const [setStatus] = useMutation(STATUS);
  const [close] = useMutation(CLOSE);
  const [reopen] = useMutation(REOPEN);
  const ticket = data?.ticket;
  const presence = usePresence(ticketId, agents?.me?.id);

  /** Puts a message (already normalized in the cache) into the cached thread once, however many times it arrives. */
  const addToThread = (message: MessageFieldsFragment) => {
    client.cache.modify({
      id: client.cache.identify({ __typename: 'Ticket', id: ticketId }),
      fields: {
        messages: (existing, { toReference }) => {
          const node = toReference({ __typename: 'Message', id: message.id });
          return node ? appendEdge(existing, { cursor: message.id, node }, 'end') : existing;
        },
      },
    });
  };

  useSubscription(MESSAGE_ADDED, {
    variables: { ticketId },
    onData: ({ data: event }) => {
      const message = event.data?.messageAdded;
      if (!message) return;
      addToThread(message);
      if (message.senderType === 'USER') void markRead({ variables: { ticketId } });
    },
  });
  useSubscription(MESSAGE_UPDATED, { variables: { ticketId } });
  useSubscription(TICKET_UPDATED, { variables: { id: ticketId } });

  useEffect(() => {
    void markRead({ variables: { ticketId } }).catch(() => undefined);
  }, [ticketId, markRead]);

  const act = async (run: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await run();
    } catch (failure) {
      setActionError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const deliver = async (local: Outgoing) => {
    setOutgoing((list) =>
      (list.some((item) => item.id === local.id) ? list : [...list, local]).map((item) =>
        item.id === local.id ? { ...item, localState: 'sending' } : item,
      ),
    );
    try {
      const result =
        local.mode === 'reply'
          ? (
              await sendReply({
                variables: {
                  ticketId,
                  body: local.upload ? local.caption : local.body,
                  typingSince: local.typingSince,
                  attachmentId: local.upload?.id ?? null,
                },
              })
            ).data?.sendMessage
          : (await addNote({ variables: { ticketId, body: local.body } })).data?.addNote;
      if (result) addToThread(result);
      setOutgoing((list) => list.filter((item) => item.id !== local.id));
    } catch (failure) {
      if (isOtherAgentReplied(failure)) {
        // Not sent: the agent reads what the other agent said, then sends anyway or edits. A reply already
        // held (a second crossing before the first was settled) goes back to the box rather than being lost.
        setOutgoing((list) => list.filter((item) => item.id !== local.id));
        const previous = heldNow.current;
        if (previous) setRestore(handBack(previous.reply));
        setHeld({
          reply: local,
          reason: failure instanceof Error ? failure.message : 'Another agent replied while you were typing.',
        });
        return;
      }
      setOutgoing((list) =>
        list.map((item) =>
          item.id === local.id
            ? { ...item, localState: 'failed', deliveryError: failure instanceof Error ? failure.message : null }
            : item,
        ),
      );
    }
  };
  const storedIds = () => new Set(ticket?.messages.edges.map((edge) => edge.node.id) ?? []);
  const onSend = (mode: ReplyMode, body: string, typingSince: string | null, attachment: UploadedFile | null) => {
    const local: Outgoing = {
      before: storedIds(),
      id: `local-${++localIds}`,
      body: attachment && !body ? `📎 ${attachment.filename ?? attachment.kind.toLowerCase()}` : body,
      caption: body,
      upload: attachment,
      senderType: 'ADMIN',
      senderName: agents?.me?.name ?? null,
      createdAt: new Date().toISOString(),
      internal: mode === 'note',
      deliveryStatus: null,
      deliveryError: null,
      templateName: null,
      attachment: null,
      ...PLAIN_MESSAGE,
      author: agents?.me ? { id: agents.me.id, name: agents.me.name } : null,
      localState: 'sending',
      mode,
      typingSince: mode === 'reply' ? typingSince : null,
    };
    void deliver(local);
  };
  const sendAnyway = () => {
    if (!held) return;
    setHeld(null);
    void deliver({
      ...held.reply,
      id: `local-${++localIds}`,
      createdAt: new Date().toISOString(),
      typingSince: null,
      before: storedIds(),
    });
  };
  const review = () => {
    if (!held) return;
    setHeld(null);
    setRestore(handBack(held.reply));
  };

  if (loading && !ticket)
    return (
      <section className="ticket-detail">
        <p className="muted">Loading ticket…</p>
      </section>
    );
  if (error || !ticket) {
    return (
      <section className="ticket-detail">
        <p role="alert" className="error">
          {error ? `This ticket could not be loaded: ${error.message}` : 'No such ticket.'}
        </p>
        <button type="button" onClick={() => navigate('/')}>
          Back to the list
        </button>
      </section>
    );
  }

  const isResolved = ticket.status === 'RESOLVED' || ticket.status === 'CLOSED';
  const stored = ticket.messages.edges.map((edge) => edge.node);
  // The stored copy can arrive (live, through the subscription) before the send's own answer: show it once.
  const isStoredCopy = (local: Outgoing) =>
    stored.some(
      (message) =>
        !local.before.has(message.id) &&
        message.body === local.body &&
        message.internal === local.internal &&
        message.author?.id === agents?.me?.id,
    );
  const messages: ThreadMessage[] = [
    ...stored,
    ...outgoing.filter((local) => local.localState !== 'sending' || !isStoredCopy(local)),
  ];
  const newestMessageAt = stored.at(-1)?.createdAt ?? null;
  const since = held?.reply.typingSince ? Date.parse(held.reply.typingSince) : null;
  const crossing =
    since === null
      ? []
      : stored.filter(
          (message) =>
            message.senderType === 'ADMIN' &&
            !message.internal &&
            message.author?.id !== agents?.me?.id &&
            Date.parse(message.createdAt) > since,
        );
  return (
    <section className="ticket-detail" aria-labelledby="ticket-title">
      <header className="detail-head">
        <button type="button" className="back" onClick={() => navigate('/')} aria-label="Back to the list">
          ←
        </button>
        <div>
          <h2 id="ticket-title">
            {ticket.senderName ?? personAddress(ticket)} <span className="muted">#{ticket.id}</span>
          </h2>
          <p className="muted">
            {personAddress(ticket)}
            {ticket.studentId ? ` · student ${ticket.studentId}` : ''} · opened {formatTimestamp(ticket.createdAt)}
          </p>
          <SlaBanner sla={ticket.sla} answered={ticket.firstResponseAt != null} />
          {ticket.satisfaction && <SatisfactionSummaryLine satisfaction={ticket.satisfaction} />}
          {ticket.contact?.notes && (
            <p className="contact-notes-preview" title={ticket.contact.notes}>
              📝 {ticket.contact.notes}
            </p>
          )}
          {ticket.referral && <ReferralCard referral={ticket.referral} />}
        </div>
        <a
          className="button contact-link"
          href={contactPath(ticket.phoneNumber, ticket.id)}
          onClick={(event) => (event.preventDefault(), navigate(contactPath(ticket.phoneNumber, ticket.id)))}
        >
          Contact &amp; history
        </a>
        <Viewers viewers={presence.others} />
      </header>
      <div className="detail-actions">
        <label>
          Assignee
          <select
            value={ticket.assignee?.id ?? ''}
            onChange={(event) => act(() => assign({ variables: { ticketId, adminId: event.target.value || null } }))}
          >
            <option value="">Unassigned</option>
            {agents?.admins.map((admin) => (
              <option key={admin.id} value={admin.id}>
                {admin.name}
              </option>
            ))}
          </select>
        </label>
        {agents?.me && ticket.assignee?.id !== agents.me.id && (
          <button type="button" onClick={() => act(() => assign({ variables: { ticketId, adminId: agents.me!.id } }))}>
            Assign to me
          </button>
        )}
        <label>
          Priority
          <select
            value={ticket.priority}
            onChange={(event) =>
              act(() => setPriority({ variables: { ticketId, priority: event.target.value as TicketPriority } }))
            }
          >
            <LabelOptions labels={PRIORITY_LABELS} />
          </select>
        </label>
        <label>
          Status
          <select
            value={ticket.status}
            onChange={(event) =>
              act(() => setStatus({ variables: { ticketId, status: event.target.value as TicketStatus } }))
            }
          >
            <LabelOptions labels={STATUS_LABELS} />
          </select>
        </label>
        <SnoozeControl ticketId={ticketId} disabled={isResolved} act={act} />
        {isResolved ? (
          <button type="button" onClick={() => act(() => reopen({ variables: { ticketId } }))}>
            Reopen
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => setClosing('')}>
            Close ticket…
          </button>
        )}
        <TicketLabels ticketId={ticketId} labels={ticket.labels} onError={setActionError} />
      </div>
      <SnoozedBanner ticketId={ticketId} ticket={ticket} act={act} />
      {closing !== null && (
        <form
          className="close-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => {
              await close({ variables: { ticketId, message: closing.trim() || null } });
              setClosing(null);
            });
          }}
        >
          <label>
            Closing message to the customer (optional)
            <textarea
              rows={2}
              value={closing}
              onChange={(event) => setClosing(event.target.value)}
              placeholder="✅ Your support ticket has been resolved!"
            />
          </label>
          <div className="reply-actions">
            <button type="button" onClick={() => setClosing(null)}>
              Cancel
            </button>
            <button type="submit" className="danger">
              Close and send
            </button>
          </div>
        </form>
      )}
      {actionError && (
        <p role="alert" className="error">
          {actionError}
        </p>
      )}
      <Thread messages={messages} onRetry={(message) => void deliver(message as Outgoing)} />
      <TypingNotice viewers={presence.others} />
      {held && (
        <ReplyConflict
          held={{ body: held.reply.body, replies: crossing, reason: held.reason }}
          onSendAnyway={sendAnyway}
          onReview={review}
        />
      )}
      <ReplyBox
        ticketId={ticketId}
        senderName={ticket.senderName}
        replyWindowClosesAt={ticket.replyWindowClosesAt}
        isResolved={isResolved}
        newestMessageAt={newestMessageAt}
        restore={restore}
        onKeystroke={presence.keystroke}
        onStopTyping={presence.stopTyping}
        onSend={onSend}
        onTemplateSent={addToThread}
      />
    </section>
  );
}
