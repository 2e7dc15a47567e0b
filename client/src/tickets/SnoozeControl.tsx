// Snoozing a ticket from its detail: the choices (1 hour, tomorrow, next week, until they reply, a custom
// time), and, while it is snoozed, what it waits for and a way to bring it back now.
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { describeSnooze, parseCustomSnooze, snoozeChoices, toLocalInputValue } from './snooze-times';

const SNOOZE = graphql(`
  mutation SnoozeTicket($ticketId: ID!, $until: DateTime, $untilReply: Boolean) {
    snoozeTicket(ticketId: $ticketId, until: $until, untilReply: $untilReply) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }
  }
`);
const UNSNOOZE = graphql(`
  mutation UnsnoozeTicket($ticketId: ID!) {
    unsnoozeTicket(ticketId: $ticketId) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }
  }
`);

interface SnoozeState {
  snoozed: boolean;
  snoozedUntil: string | null;
  snoozedBy: { name: string } | null;
}

/** The "Snooze…" button and its menu; `act` shows a failure where the ticket's other actions show theirs. */
export function SnoozeControl({
  ticketId,
  disabled,
  act,
}: {
  ticketId: string;
  disabled: boolean;
  act: (run: () => Promise<unknown>) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [snooze, { loading }] = useMutation(SNOOZE);

  const snoozeUntil = (until: Date | null) =>
    act(async () => {
      await snooze({ variables: { ticketId, until: until?.toISOString() ?? null, untilReply: until === null } });
      setOpen(false);
    });

  return (
    <div className="snooze">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`snooze-menu-${ticketId}`}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        Snooze…
      </button>
      {open && <SnoozeMenu id={`snooze-menu-${ticketId}`} busy={loading} onChoose={snoozeUntil} />}
    </div>
  );
}

/** The snooze choices (1 hour, tomorrow, next week, until they reply, a custom time), for one ticket or many. */
export function SnoozeMenu({
  id,
  busy,
  onChoose,
}: {
  id: string;
  busy: boolean;
  /** null: until the person writes. */
  onChoose: (until: Date | null) => unknown;
}) {
  const [custom, setCustom] = useState('');
  const [customError, setCustomError] = useState<string | null>(null);
  const submitCustom = (event: FormEvent) => {
    event.preventDefault();
    const until = parseCustomSnooze(custom);
    if (typeof until === 'string') return setCustomError(until);
    setCustomError(null);
    void onChoose(until);
  };

  return (
    <fieldset className="snooze-menu" id={id} aria-label="Snooze until">
      {snoozeChoices().map((choice) => (
        <button key={choice.label} type="button" disabled={busy} onClick={() => void onChoose(choice.until)}>
          {choice.label}
        </button>
      ))}
      <form className="snooze-custom" onSubmit={submitCustom}>
        <label>
          Custom time
          <input
            type="datetime-local"
            value={custom}
            min={toLocalInputValue(new Date())}
            onChange={(event) => setCustom(event.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || !custom}>
          Snooze until then
        </button>
      </form>
      {customError && (
        <p role="alert" className="error">
          {customError}
        </p>
      )}
    </fieldset>
  );
}

/** While the ticket is snoozed: until when, by whom, and "Unsnooze". */
export function SnoozedBanner({
  ticketId,
  ticket,
  act,
}: {
  ticketId: string;
  ticket: SnoozeState;
  act: (run: () => Promise<unknown>) => Promise<void>;
}) {
  const [unsnooze, { loading }] = useMutation(UNSNOOZE);
  if (!ticket.snoozed) return null;
  return (
    <div className="snoozed-banner" role="status" data-testid="snoozed-banner">
      <span>
        💤 <strong>Snoozed {describeSnooze(ticket.snoozedUntil)}</strong>
        {ticket.snoozedUntil && <span className="muted"> (or until they write)</span>}
        {ticket.snoozedBy && <span className="muted"> · by {ticket.snoozedBy.name}</span>}. It is out of the open list
        until then.
      </span>
      <button type="button" disabled={loading} onClick={() => void act(() => unsnooze({ variables: { ticketId } }))}>
        Unsnooze
      </button>
    </div>
  );
}
