// Closing a ticket, with an optional last message to the person (the server sends its own when left empty).
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';

const CLOSE = graphql(`
  mutation CloseTicket($ticketId: ID!, $message: String) {
    closeTicket(ticketId: $ticketId, message: $message) { id status resolvedAt }
  }
`);

export function CloseTicketForm({
  ticketId,
  message,
  onChange,
  onDone,
  act,
}: {
  ticketId: string;
  message: string;
  onChange: (message: string) => void;
  /** The form is done with: closed, or cancelled. */
  onDone: () => void;
  act: (run: () => Promise<unknown>) => Promise<void>;
}) {
  const [close] = useMutation(CLOSE);
  return (
    <form
      className="close-form"
      onSubmit={(event) => {
        event.preventDefault();
        void act(async () => {
          await close({ variables: { ticketId, message: message.trim() || null } });
          onDone();
        });
      }}
    >
      <label>
        Closing message to the customer (optional)
        <textarea
          rows={2}
          value={message}
          onChange={(event) => onChange(event.target.value)}
          placeholder="✅ Your support ticket has been resolved!"
        />
      </label>
      <div className="reply-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="danger">
          Close and send
        </button>
      </div>
    </form>
  );
}
