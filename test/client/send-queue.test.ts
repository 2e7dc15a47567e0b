// Sending a reply optimistically: what the agent sees while it is on its way, when it fails and is retried,
// when several are in flight, and when another agent answered first.
import { describe, expect, it } from 'vitest';
import type { MessageFieldsFragment } from '../../client/src/gql/graphql';
import {
  crossingReplies,
  deliver,
  EMPTY_SEND_QUEUE,
  newOutgoing,
  type Outgoing,
  resendHeld,
  type SendOutcome,
  type SendQueueState,
  sendQueueReducer,
  visibleThread,
} from '../../client/src/tickets/send-queue';
import type { ThreadMessage } from '../../client/src/tickets/Thread';

const ME = { id: 'a1', name: 'Ada' };
const OTHER = { id: 'a2', name: 'Bo' };

/** The queue as the hook holds it, driven by the same functions; each send waits for the test to answer it. */
function harness(storedAtStart: ThreadMessage[] = []) {
  let state: SendQueueState = EMPTY_SEND_QUEUE;
  const stored = [...storedAtStart];
  const answers = new Map<string, (outcome: SendOutcome) => void>();
  const dispatch = (event: Parameters<typeof sendQueueReducer>[1]) => {
    state = sendQueueReducer(state, event);
  };
  const submit = (reply: Outgoing) => new Promise<SendOutcome>((resolve) => answers.set(reply.body, resolve));
  const run = (reply: Outgoing) => deliver(reply, submit, dispatch, (message) => stored.push(message));
  const send = (body: string, typingSince: string | null = null) =>
    run(newOutgoing({ mode: 'reply', body, typingSince, attachment: null, me: ME, before: ids() }));
  const ids = () => new Set(stored.map((message) => message.id));
  const answer = async (body: string, outcome: SendOutcome) => {
    answers.get(body)?.(outcome);
    answers.delete(body);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return {
    get state() {
      return state;
    },
    stored,
    send,
    run,
    answer,
    ids,
    dispatch,
    /** What the thread shows: body and state of each message, in order. */
    seen: () =>
      visibleThread(stored, state.outgoing, ME.id).map((message) => `${message.body}${mark(message.localState)}`),
  };
}

const mark = (state: ThreadMessage['localState']) => (state ? ` (${state})` : '');

let serverIds = 0;
function storedMessage(body: string, author = ME, extra: Partial<MessageFieldsFragment> = {}): ThreadMessage {
  return {
    ...newOutgoing({ mode: 'reply', body, typingSince: null, attachment: null, me: author, before: new Set() }),
    localState: undefined,
    id: `m${++serverIds}`,
    ...extra,
  };
}
const ok = (body: string, author = ME): SendOutcome => ({ ok: true, message: storedMessage(body, author) });
const failed = (error: string): SendOutcome => ({ ok: false, otherAgentReplied: false, error });
const crossed: SendOutcome = { ok: false, otherAgentReplied: true, error: 'Bo replied while you were typing' };

describe('a reply on its way', () => {
  it('shows at once as sending, from the agent, after the stored messages', () => {
    const queue = harness([storedMessage('Hello', OTHER, { senderType: 'USER' })]);
    void queue.send('Hi there');
    expect(queue.seen()).toEqual(['Hello', 'Hi there (sending)']);
    expect(queue.state.outgoing[0]).toMatchObject({ senderType: 'ADMIN', author: ME, internal: false });
  });

  it('once sent, is shown once: the stored copy replaces it', async () => {
    const queue = harness();
    const done = queue.send('Hi there');
    await queue.answer('Hi there', ok('Hi there'));
    await done;
    expect(queue.seen()).toEqual(['Hi there']);
    expect(queue.state.outgoing).toEqual([]);
  });

  it('is shown once when its stored copy arrives live before the send answers', () => {
    const queue = harness([storedMessage('Earlier', ME)]);
    void queue.send('Earlier');
    void queue.send('Same words again');
    // The subscription delivers the stored copy of the second one first.
    queue.stored.push(storedMessage('Same words again'));
    // "Earlier" was in the thread before the send, so it is not taken for the new reply's stored copy.
    expect(queue.seen()).toEqual(['Earlier', 'Same words again', 'Earlier (sending)']);
  });

  it('a note is sent as internal and never checked against other replies', () => {
    const note = newOutgoing({
      mode: 'note',
      body: 'Check the log',
      typingSince: '2026-01-01T00:00:00Z',
      attachment: null,
      me: ME,
      before: new Set(),
    });
    expect(note).toMatchObject({ internal: true, typingSince: null, localState: 'sending' });
  });

  it('a file sent without words shows its name, and sends an empty caption', () => {
    const file = { id: 'f1', filename: 'invoice.pdf', sizeBytes: 10, kind: 'DOCUMENT' };
    const reply = newOutgoing({
      mode: 'reply',
      body: '',
      typingSince: null,
      attachment: file,
      me: ME,
      before: new Set(),
    });
    expect(reply).toMatchObject({ body: '📎 invoice.pdf', caption: '', upload: file });
  });
});

describe('a reply that fails', () => {
  it('stays in the thread as not sent, with the reason', async () => {
    const queue = harness();
    const done = queue.send('Hi there');
    await queue.answer('Hi there', failed('Network down'));
    await done;
    expect(queue.seen()).toEqual(['Hi there (failed)']);
    expect(queue.state.outgoing[0]?.deliveryError).toBe('Network down');
  });

  it('is sending again on Retry, in the same place, and gone from the queue once sent', async () => {
    const queue = harness();
    const first = queue.send('One');
    void queue.send('Two');
    await queue.answer('One', failed('Network down'));
    await first;
    expect(queue.seen()).toEqual(['One (failed)', 'Two (sending)']);
    const retried = queue.run(queue.state.outgoing[0]!);
    expect(queue.seen()).toEqual(['One (sending)', 'Two (sending)']);
    expect(queue.state.outgoing.map((item) => item.id)).toHaveLength(2);
    await queue.answer('One', ok('One'));
    await retried;
    expect(queue.seen()).toEqual(['One', 'Two (sending)']);
  });
});

describe('several replies in flight', () => {
  it('keep the order they were sent in, whichever answer comes first', async () => {
    const queue = harness();
    const sends = [queue.send('A'), queue.send('B'), queue.send('C')];
    expect(queue.seen()).toEqual(['A (sending)', 'B (sending)', 'C (sending)']);
    await queue.answer('B', ok('B'));
    expect(queue.seen()).toEqual(['B', 'A (sending)', 'C (sending)']);
    await queue.answer('C', failed('Timed out'));
    expect(queue.seen()).toEqual(['B', 'A (sending)', 'C (failed)']);
    await queue.answer('A', ok('A'));
    await Promise.all(sends);
    expect(queue.seen()).toEqual(['B', 'A', 'C (failed)']);
  });

  it('each gets its own id', () => {
    const queue = harness();
    void queue.send('A');
    void queue.send('A');
    const [first, second] = queue.state.outgoing;
    expect(first?.id).not.toBe(second?.id);
  });
});

describe('a reply crossing another agent’s', () => {
  const since = '2026-03-01T10:00:00.000Z';
  const theirs = storedMessage('I sorted it', OTHER, { createdAt: '2026-03-01T10:00:05.000Z' });

  it('is held, not sent and not in the thread, with the other agent’s reply to read', async () => {
    const queue = harness([theirs]);
    const done = queue.send('Try again now', since);
    await queue.answer('Try again now', crossed);
    await done;
    expect(queue.seen()).toEqual(['I sorted it']);
    expect(queue.state.held).toMatchObject({
      reply: { body: 'Try again now' },
      reason: 'Bo replied while you were typing',
    });
    expect(crossingReplies(queue.stored, queue.state.held, ME.id).map((message) => message.body)).toEqual([
      'I sorted it',
    ]);
  });

  it('ignores notes, the agent’s own replies and replies from before the draft began', () => {
    const stored = [
      storedMessage('before', OTHER, { createdAt: '2026-03-01T09:59:00.000Z' }),
      storedMessage('a note', OTHER, { createdAt: '2026-03-01T10:00:01.000Z', internal: true }),
      storedMessage('mine', ME, { createdAt: '2026-03-01T10:00:02.000Z' }),
      theirs,
    ];
    const reply = newOutgoing({
      mode: 'reply',
      body: 'x',
      typingSince: since,
      attachment: null,
      me: ME,
      before: new Set(),
    });
    expect(crossingReplies(stored, { reply, reason: '' }, ME.id).map((message) => message.body)).toEqual([
      'I sorted it',
    ]);
    expect(crossingReplies(stored, null, ME.id)).toEqual([]);
  });

  it('sent anyway: a new send, no longer checked, and the hold is gone', async () => {
    const queue = harness([theirs]);
    const done = queue.send('Try again now', since);
    await queue.answer('Try again now', crossed);
    await done;
    const held = queue.state.held!.reply;
    queue.dispatch({ type: 'released' });
    const again = queue.run(resendHeld(held, queue.ids()));
    expect(queue.state.held).toBeNull();
    expect(queue.state.outgoing[0]).toMatchObject({ body: 'Try again now', typingSince: null, localState: 'sending' });
    expect(queue.state.outgoing[0]?.id).not.toBe(held.id);
    await queue.answer('Try again now', ok('Try again now'));
    await again;
    expect(queue.seen()).toEqual(['I sorted it', 'Try again now']);
  });

  it('reviewed: goes back to the reply box as the agent wrote it', async () => {
    const queue = harness([theirs]);
    const done = queue.send('Try again now', since);
    await queue.answer('Try again now', crossed);
    await done;
    queue.dispatch({ type: 'reviewed' });
    expect(queue.state.held).toBeNull();
    expect(queue.state.restore).toEqual({ body: 'Try again now', attachment: null, key: 1 });
  });

  it('a second crossing hands the first held reply back to the box rather than losing it', async () => {
    const queue = harness([theirs]);
    const sends = [queue.send('First', since), queue.send('Second', since)];
    await queue.answer('First', crossed);
    await queue.answer('Second', crossed);
    await Promise.all(sends);
    expect(queue.state.held?.reply.body).toBe('Second');
    expect(queue.state.restore).toMatchObject({ body: 'First', key: 1 });
    queue.dispatch({ type: 'reviewed' });
    expect(queue.state.restore).toMatchObject({ body: 'Second', key: 2 });
  });
});
