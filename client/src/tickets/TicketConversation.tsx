// A ticket's conversation: the thread with this agent's replies on their way, who is typing, a reply held back
// because another agent answered while this one typed, and the reply box.
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';
import type { MessageFieldsFragment } from '../gql/graphql';
import { ReplyBox } from './ReplyBox';
import { ReplyConflict } from './ReplyConflict';
import { crossingReplies, type Outgoing, type SendOutcome, visibleThread } from './send-queue';
import { type BotLine, Thread } from './Thread';
import { useAddToThread } from './thread-cache';
import { useSendQueue } from './useSendQueue';
import type { Viewer } from './presence';
import { TypingNotice } from './Viewers';

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

const isOtherAgentReplied = (error: unknown) =>
  CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.code === 'OTHER_AGENT_REPLIED');

export function TicketConversation({
  ticketId,
  ticket,
  messages: stored,
  botConversation,
  me,
  isResolved,
  others,
  onKeystroke,
  onStopTyping,
}: {
  ticketId: string;
  ticket: { senderName: string | null; replyWindowClosesAt: string | null };
  messages: MessageFieldsFragment[];
  /** The conversation with the bot before the ticket opened (shown when the thread's start is loaded). */
  botConversation: BotLine[];
  me: { id: string; name: string } | null;
  isResolved: boolean;
  /** The other agents on this ticket, for who is typing. */
  others: Viewer[];
  onKeystroke: () => void;
  onStopTyping: () => void;
}) {
  const addToThread = useAddToThread(ticketId);
  const [sendReply] = useMutation(SEND);
  const [addNote] = useMutation(NOTE);
  const submit = async (local: Outgoing): Promise<SendOutcome> => {
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
      return { ok: true, message: result ?? null };
    } catch (failure) {
      return {
        ok: false,
        otherAgentReplied: isOtherAgentReplied(failure),
        error: failure instanceof Error ? failure.message : null,
      };
    }
  };
  const queue = useSendQueue({
    me,
    storedIds: () => new Set(stored.map((message) => message.id)),
    submit,
    onStored: addToThread,
  });

  return (
    <>
      <Thread
        messages={visibleThread(stored, queue.outgoing, me?.id)}
        botConversation={botConversation}
        onRetry={queue.retry}
      />
      <TypingNotice viewers={others} />
      {queue.held && (
        <ReplyConflict
          held={{
            body: queue.held.reply.body,
            replies: crossingReplies(stored, queue.held, me?.id),
            reason: queue.held.reason,
          }}
          onSendAnyway={queue.sendAnyway}
          onReview={queue.review}
        />
      )}
      <ReplyBox
        ticketId={ticketId}
        senderName={ticket.senderName}
        replyWindowClosesAt={ticket.replyWindowClosesAt}
        isResolved={isResolved}
        newestMessageAt={stored.at(-1)?.createdAt ?? null}
        restore={queue.restore}
        onKeystroke={onKeystroke}
        onStopTyping={onStopTyping}
        onSend={queue.send}
        onTemplateSent={addToThread}
      />
    </>
  );
}
