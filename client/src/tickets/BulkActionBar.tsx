// What an agent does to the tickets ticked in the list, all at once: assign, change priority, snooze, resolve (each
// person gets the closing message), label. The server changes each ticket on its own; one line says what happened,
// and which tickets could not be changed and why.
import { useMutation, useQuery } from '@apollo/client/react';
import { type KeyboardEvent, useRef, useState } from 'react';
import type { TicketPriority } from '../gql/graphql';
import { BulkLabelControls, type BulkStatus } from '../labels/BulkLabelControls';
import { AGENTS } from './agents';
import { ASSIGN_TICKETS, CLOSE_TICKETS, SET_TICKETS_PRIORITY, SNOOZE_TICKETS } from './bulk.documents';
import { type OutcomeForSummary, summarizeBulk } from './bulk-summary';
import { PRIORITY_LABELS } from './labels';
import { SnoozeMenu } from './SnoozeControl';

/** The API changes at most this many tickets in one call. */
const BATCH = 100;
const DEFAULT_CLOSING = '✅ Your support ticket has been resolved!';

type Panel = 'assign' | 'priority' | 'snooze' | 'resolve';
const PANEL_NAMES: Record<Panel, string> = {
  assign: 'Assign…',
  priority: 'Priority…',
  snooze: 'Snooze…',
  resolve: 'Resolve…',
};

const tickets = (count: number) => (count === 1 ? '1 ticket' : `${count} tickets`);

export function BulkActionBar({ ticketIds, onClear }: { ticketIds: string[]; onClear: () => void }) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const [status, setStatus] = useState<(BulkStatus & { partial?: boolean }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [agentId, setAgentId] = useState('');
  const [closing, setClosing] = useState('');
  const toggles = useRef<Partial<Record<Panel, HTMLButtonElement | null>>>({});
  const { data: who } = useQuery(AGENTS);
  const [assign] = useMutation(ASSIGN_TICKETS);
  const [prioritize] = useMutation(SET_TICKETS_PRIORITY);
  const [close] = useMutation(CLOSE_TICKETS);
  const [snooze] = useMutation(SNOOZE_TICKETS);
  const me = who?.me;

  if (ticketIds.length === 0 && !status) return null;

  const closePanel = () => {
    if (panel) toggles.current[panel]?.focus();
    setPanel(null);
  };
  /** Runs the action on the selection in calls of at most BATCH tickets and says how it went. */
  const run = async (done: string, call: (batch: string[]) => Promise<OutcomeForSummary[] | undefined>) => {
    const ids = ticketIds;
    closePanel();
    setStatus(null);
    setBusy(true);
    try {
      const outcomes: OutcomeForSummary[] = [];
      for (let start = 0; start < ids.length; start += BATCH)
        outcomes.push(...((await call(ids.slice(start, start + BATCH))) ?? []));
      setStatus({ error: false, partial: outcomes.some((o) => !o.succeeded), text: summarizeBulk(done, outcomes) });
    } catch (error) {
      setStatus({ error: true, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const assignTo = (adminId: string | null, done: string) =>
    run(
      done,
      async (batch) => (await assign({ variables: { ticketIds: batch, adminId } })).data?.assignTickets.outcomes,
    );
  const setPriority = (priority: TicketPriority) =>
    run(
      `set to ${PRIORITY_LABELS[priority]}`,
      async (batch) =>
        (await prioritize({ variables: { ticketIds: batch, priority } })).data?.setTicketsPriority.outcomes,
    );
  const snoozeUntil = (until: Date | null) =>
    run(
      'snoozed',
      async (batch) =>
        (
          await snooze({
            variables: { ticketIds: batch, until: until?.toISOString() ?? null, untilReply: until === null },
          })
        ).data?.snoozeTickets.outcomes,
    );
  const resolve = () =>
    run('resolved', async (batch) => {
      const answer = await close({ variables: { ticketIds: batch, message: closing.trim() || null } });
      setClosing('');
      return answer.data?.closeTickets.outcomes;
    });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !panel) return;
    event.preventDefault();
    closePanel();
  };
  const toggle = (name: Panel) => (
    <button
      type="button"
      ref={(element) => {
        toggles.current[name] = element;
      }}
      aria-expanded={panel === name}
      aria-controls="bulk-panel"
      disabled={busy || ticketIds.length === 0}
      className={name === 'resolve' ? 'danger' : undefined}
      onClick={() => setPanel(panel === name ? null : name)}
    >
      {PANEL_NAMES[name]}
    </button>
  );
  const selected = ticketIds.length;
  const agentName = who?.admins.find((admin) => admin.id === agentId)?.name;

  return (
    <section className="bulk-bar" aria-label="Bulk actions" onKeyDown={onKeyDown}>
      {selected > 0 ? (
        <div className="bulk-head">
          <strong aria-live="polite">{selected} selected</strong>
          <span className="bulk-head-actions">
            {toggle('resolve')}
            <button type="button" onClick={onClear} title="Esc">
              Clear selection
            </button>
          </span>
        </div>
      ) : (
        <div className="bulk-head">
          <span className="muted">Last bulk action</span>
          <button type="button" onClick={() => setStatus(null)}>
            Dismiss
          </button>
        </div>
      )}
      {selected > 0 && (
        <div className="bulk-actions">
          {me && (
            <button type="button" disabled={busy} onClick={() => void assignTo(me.id, 'assigned to you')}>
              Assign to me
            </button>
          )}
          {toggle('assign')}
          {toggle('priority')}
          {toggle('snooze')}
          <BulkLabelControls ticketIds={ticketIds} onResult={setStatus} />
        </div>
      )}
      {panel && selected > 0 && (
        <div className="bulk-panel" id="bulk-panel">
          {panel === 'assign' && (
            <form
              aria-label="Assign the selected tickets"
              onSubmit={(event) => {
                event.preventDefault();
                if (agentId) void assignTo(agentId, `assigned to ${agentName ?? 'the agent'}`);
              }}
            >
              <label>
                Agent
                <select value={agentId} onChange={(event) => setAgentId(event.target.value)}>
                  <option value="">Choose an agent…</option>
                  {who?.admins.map((admin) => (
                    <option key={admin.id} value={admin.id}>
                      {admin.id === me?.id ? `${admin.name} (you)` : admin.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="primary" disabled={!agentId || busy}>
                Assign {tickets(selected)}
              </button>
              <button type="button" disabled={busy} onClick={() => void assignTo(null, 'unassigned')}>
                Unassign
              </button>
            </form>
          )}
          {panel === 'priority' && (
            <fieldset aria-label="Priority for the selected tickets">
              {(Object.entries(PRIORITY_LABELS) as [TicketPriority, string][]).map(([value, label]) => (
                <button key={value} type="button" disabled={busy} onClick={() => void setPriority(value)}>
                  {label}
                </button>
              ))}
            </fieldset>
          )}
          {panel === 'snooze' && <SnoozeMenu id="bulk-snooze-menu" busy={busy} onChoose={snoozeUntil} />}
          {panel === 'resolve' && (
            <form
              aria-label="Resolve the selected tickets"
              onSubmit={(event) => {
                event.preventDefault();
                void resolve();
              }}
            >
              <label>
                Closing message to each customer (optional)
                <textarea
                  rows={2}
                  value={closing}
                  onChange={(event) => setClosing(event.target.value)}
                  placeholder={DEFAULT_CLOSING}
                />
              </label>
              <div className="reply-actions">
                <button type="button" onClick={closePanel}>
                  Cancel
                </button>
                <button type="submit" className="danger" disabled={busy}>
                  Resolve {tickets(selected)} and send
                </button>
              </div>
            </form>
          )}
        </div>
      )}
      {busy && <p className="muted">Working…</p>}
      {status && (
        <p
          role={status.error ? 'alert' : 'status'}
          className={status.error ? 'error' : status.partial ? 'bulk-partial' : 'bulk-done'}
          data-testid="bulk-result"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
