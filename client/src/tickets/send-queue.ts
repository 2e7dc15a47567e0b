// The replies and notes an agent has sent that the server has not stored yet: shown at once, kept with a Retry
// when they fail, and held back when another agent answered the person while this one typed.
// A reducer and plain functions, so the transitions can be tested without a browser; `useSendQueue` runs them.
import type { MessageFieldsFragment } from '../gql/graphql';
import type { ReplyMode, RestoredReply } from './ReplyBox';
import type { ThreadMessage } from './Thread';
import type { UploadedFile } from './upload';

/**
 * A reply on its way. `before` holds the ids the thread had when it was sent, so its stored copy can be told
 * apart; with an uploaded file (`upload`), `caption` is what the agent typed (maybe nothing).
 */
export type Outgoing = ThreadMessage & {
  mode: ReplyMode;
  typingSince: string | null;
  before: ReadonlySet<string>;
  upload: UploadedFile | null;
  caption: string;
};

/** A reply the server refused because another agent answered first, with the server's reason. */
export interface Held {
  reply: Outgoing;
  reason: string;
}

export interface SendQueueState {
  /** In the order they were sent; a retried reply keeps its place. */
  outgoing: Outgoing[];
  held: Held | null;
  /** The last reply handed back to the reply box for editing. */
  restore: RestoredReply | null;
}

export type SendQueueEvent =
  | { type: 'sending'; reply: Outgoing }
  | { type: 'sent'; id: string }
  | { type: 'failed'; id: string; error: string | null }
  | { type: 'crossed'; id: string; reason: string }
  | { type: 'released' }
  | { type: 'reviewed' };

export const EMPTY_SEND_QUEUE: SendQueueState = { outgoing: [], held: null, restore: null };

/** The fields of a message that carries nothing beyond its text (an agent's reply on its way). */
const PLAIN_MESSAGE = {
  deliveryStatus: null,
  deliveryError: null,
  templateName: null,
  attachment: null,
  forwarded: null,
  editedAt: null,
  deletedByPersonAt: null,
  personReaction: null,
  edits: [],
  replyTo: null,
  location: null,
  order: null,
  formAnswers: null,
} satisfies Partial<MessageFieldsFragment>;

let localIds = 0;
const nextLocalId = () => `local-${++localIds}`;

/** A held reply back in the box as the agent wrote it: what they typed, and their file. */
function handBack(reply: Outgoing, previous: RestoredReply | null): RestoredReply {
  return { body: reply.caption, attachment: reply.upload, key: (previous?.key ?? 0) + 1 };
}

const without = (list: Outgoing[], id: string) => list.filter((item) => item.id !== id);

export function sendQueueReducer(state: SendQueueState, event: SendQueueEvent): SendQueueState {
  switch (event.type) {
    case 'sending': {
      const known = state.outgoing.some((item) => item.id === event.reply.id);
      const outgoing = known ? state.outgoing : [...state.outgoing, event.reply];
      return {
        ...state,
        outgoing: outgoing.map((item) => (item.id === event.reply.id ? { ...item, localState: 'sending' } : item)),
      };
    }
    case 'sent':
      return { ...state, outgoing: without(state.outgoing, event.id) };
    case 'failed':
      return {
        ...state,
        outgoing: state.outgoing.map((item) =>
          item.id === event.id ? { ...item, localState: 'failed', deliveryError: event.error } : item,
        ),
      };
    case 'crossed': {
      const reply = state.outgoing.find((item) => item.id === event.id);
      if (!reply) return state;
      // A reply already held (a second crossing before the first was settled) goes back to the box, not lost.
      return {
        outgoing: without(state.outgoing, event.id),
        held: { reply, reason: event.reason },
        restore: state.held ? handBack(state.held.reply, state.restore) : state.restore,
      };
    }
    case 'released':
      return { ...state, held: null };
    case 'reviewed':
      return state.held ? { ...state, held: null, restore: handBack(state.held.reply, state.restore) } : state;
  }
}

/** What the agent sees at once when they press Send: their reply, from them, "sending". */
export function newOutgoing(input: {
  mode: ReplyMode;
  body: string;
  typingSince: string | null;
  attachment: UploadedFile | null;
  me: { id: string; name: string } | null;
  before: ReadonlySet<string>;
  now?: Date;
}): Outgoing {
  const { mode, body, attachment, me } = input;
  return {
    ...PLAIN_MESSAGE,
    before: input.before,
    id: nextLocalId(),
    body: attachment && !body ? `📎 ${attachment.filename ?? attachment.kind.toLowerCase()}` : body,
    caption: body,
    upload: attachment,
    senderType: 'ADMIN',
    senderName: me?.name ?? null,
    createdAt: (input.now ?? new Date()).toISOString(),
    internal: mode === 'note',
    author: me ? { id: me.id, name: me.name } : null,
    localState: 'sending',
    mode,
    typingSince: mode === 'reply' ? input.typingSince : null,
  };
}

/** A held reply sent anyway: a new send, no longer checked against what others wrote since the draft began. */
export function resendHeld(reply: Outgoing, before: ReadonlySet<string>, now = new Date()): Outgoing {
  return { ...reply, id: nextLocalId(), createdAt: now.toISOString(), typingSince: null, before };
}

/** How a send ended, as the server answered. */
export type SendOutcome =
  | { ok: true; message: MessageFieldsFragment | null }
  | { ok: false; otherAgentReplied: boolean; error: string | null };

/** Sends one reply and reports each step; `submit` never throws (it turns the server's answer into an outcome). */
export async function deliver(
  reply: Outgoing,
  submit: (reply: Outgoing) => Promise<SendOutcome>,
  dispatch: (event: SendQueueEvent) => void,
  onStored: (message: MessageFieldsFragment) => void,
): Promise<void> {
  dispatch({ type: 'sending', reply });
  const outcome = await submit(reply);
  if (outcome.ok) {
    if (outcome.message) onStored(outcome.message);
    dispatch({ type: 'sent', id: reply.id });
    return;
  }
  if (outcome.otherAgentReplied) {
    // Not sent: the agent reads what the other agent said, then sends anyway or edits.
    dispatch({
      type: 'crossed',
      id: reply.id,
      reason: outcome.error ?? 'Another agent replied while you were typing.',
    });
    return;
  }
  dispatch({ type: 'failed', id: reply.id, error: outcome.error });
}

/**
 * The thread as the agent sees it: the stored messages, then the replies on their way. A stored copy can arrive
 * (live, through the subscription) before the send's own answer: a reply still sending is then shown once.
 */
export function visibleThread(
  stored: ThreadMessage[],
  outgoing: Outgoing[],
  myId: string | undefined,
): ThreadMessage[] {
  const isStoredCopy = (local: Outgoing) =>
    stored.some(
      (message) =>
        !local.before.has(message.id) &&
        // A long reply is stored as several messages (the server cuts it): the first part stands for it.
        (message.body === local.body || (local.body.length > 4096 && local.body.startsWith(message.body))) &&
        message.internal === local.internal &&
        message.author?.id === myId,
    );
  return [...stored, ...outgoing.filter((local) => local.localState !== 'sending' || !isStoredCopy(local))];
}

/** Other agents' replies to the person since the held reply's draft began. */
export function crossingReplies(stored: ThreadMessage[], held: Held | null, myId: string | undefined): ThreadMessage[] {
  const since = held?.reply.typingSince ? Date.parse(held.reply.typingSince) : null;
  if (since === null) return [];
  return stored.filter(
    (message) =>
      message.senderType === 'ADMIN' &&
      !message.internal &&
      message.author?.id !== myId &&
      Date.parse(message.createdAt) > since,
  );
}
