// The optimistic sending of one ticket's replies and notes: the state of `send-queue.ts` in the component,
// and the agent's actions on it (send, retry, send a held reply anyway, take it back to edit).
import { useReducer } from 'react';
import type { MessageFieldsFragment } from '../gql/graphql';
import type { ReplyMode } from './ReplyBox';
import {
  deliver,
  EMPTY_SEND_QUEUE,
  newOutgoing,
  resendHeld,
  type Outgoing,
  type SendOutcome,
  sendQueueReducer,
} from './send-queue';
import type { ThreadMessage } from './Thread';
import type { UploadedFile } from './upload';

export function useSendQueue({
  me,
  storedIds,
  submit,
  onStored,
}: {
  me: { id: string; name: string } | null;
  /** The ids of the messages the thread holds now. */
  storedIds: () => ReadonlySet<string>;
  submit: (reply: Outgoing) => Promise<SendOutcome>;
  /** The server's copy of a sent reply, for the cached thread. */
  onStored: (message: MessageFieldsFragment) => void;
}) {
  const [state, dispatch] = useReducer(sendQueueReducer, EMPTY_SEND_QUEUE);
  const run = (reply: Outgoing) => void deliver(reply, submit, dispatch, onStored);
  return {
    ...state,
    send: (mode: ReplyMode, body: string, typingSince: string | null, attachment: UploadedFile | null) =>
      run(newOutgoing({ mode, body, typingSince, attachment, me, before: storedIds() })),
    retry: (message: ThreadMessage) => {
      const reply = state.outgoing.find((item) => item.id === message.id);
      if (reply) run(reply);
    },
    sendAnyway: () => {
      if (!state.held) return;
      dispatch({ type: 'released' });
      run(resendHeld(state.held.reply, storedIds()));
    },
    review: () => dispatch({ type: 'reviewed' }),
  };
}
