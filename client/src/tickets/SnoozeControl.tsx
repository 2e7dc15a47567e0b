// Snoozing a ticket from its detail: the choices (1 hour, tomorrow, next week, until they reply, a custom
// time), and, while it is snoozed, what it waits for and a way to bring it back now.
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { graphql } from '../gql';
import { useT } from '../i18n/I18n';
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
  const t = useT();
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
        {t('snooze.button')}
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
  const t = useT();
  const [custom, setCustom] = useState('');
  const [customError, setCustomError] = useState<string | null>(null);
  const submitCustom = (event: FormEvent) => {
    event.preventDefault();
    const until = parseCustomSnooze(t, custom);
    if (typeof until === 'string') return setCustomError(until);
    setCustomError(null);
    void onChoose(until);
  };

  return (
    <fieldset className="snooze-menu" id={id} aria-label={t('snooze.menu')}>
      {snoozeChoices().map((choice) => (
        <button key={choice.label} type="button" disabled={busy} onClick={() => void onChoose(choice.until)}>
          {t(choice.label)}
        </button>
      ))}
      <form className="snooze-custom" onSubmit={submitCustom}>
        <label>
          {t('snooze.customTime')}
          <input
            type="datetime-local"
            value={custom}
            min={toLocalInputValue(new Date())}
            onChange={(event) => setCustom(event.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || !custom}>
          {t('snooze.untilThen')}
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
  const t = useT();
  const { locale } = useIntl();
  const [unsnooze, { loading }] = useMutation(UNSNOOZE);
  if (!ticket.snoozed) return null;
  return (
    <div className="snoozed-banner" role="status" data-testid="snoozed-banner">
      <span>
        💤 <strong>{t('snooze.snoozed', { until: describeSnooze(t, ticket.snoozedUntil, locale) })}</strong>
        {ticket.snoozedUntil && <span className="muted">{t('snooze.orUntilTheyWrite')}</span>}
        {ticket.snoozedBy && <span className="muted">{t('snooze.by', { name: ticket.snoozedBy.name })}</span>}
        {t('snooze.outOfList')}
      </span>
      <button type="button" disabled={loading} onClick={() => void act(() => unsnooze({ variables: { ticketId } }))}>
        {t('snooze.unsnooze')}
      </button>
    </div>
  );
}
