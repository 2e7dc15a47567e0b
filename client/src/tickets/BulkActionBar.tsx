// What an agent does to the tickets ticked in the list, all at once: assign, change priority, snooze, resolve (each
// person gets the closing message), label. The server changes each ticket on its own; one line says what happened,
// and which tickets could not be changed and why.
import { useMutation, useQuery } from '@apollo/client/react';
import { type KeyboardEvent, useRef, useState } from 'react';
import type { TicketPriority } from '../gql/graphql';
import type { MessageId } from '../i18n/en';
import { useT } from '../i18n/I18n';
import { BulkLabelControls, type BulkStatus } from '../labels/BulkLabelControls';
import { AGENTS } from './agents';
import { ASSIGN_TICKETS, CLOSE_TICKETS, SET_TICKETS_PRIORITY, SNOOZE_TICKETS } from './bulk.documents';
import { type BulkDone, type OutcomeForSummary, summarizeBulk } from './bulk-summary';
import { PRIORITY_LABELS } from './labels';
import { SnoozeMenu } from './SnoozeControl';

/** The API changes at most this many tickets in one call. */
const BATCH = 100;
/** What the server sends the person when no closing message is given: shown as it is, in the person's words. */
const DEFAULT_CLOSING = '✅ Your support ticket has been resolved!';

type Panel = 'assign' | 'priority' | 'snooze' | 'resolve';
const PANEL_NAMES: Record<Panel, MessageId> = {
  assign: 'bulk.assignPanel',
  priority: 'bulk.priorityPanel',
  snooze: 'snooze.button',
  resolve: 'detail.resolve',
};

export function BulkActionBar({ ticketIds, onClear }: { ticketIds: string[]; onClear: () => void }) {
  const t = useT();
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
  const run = async (done: BulkDone, call: (batch: string[]) => Promise<OutcomeForSummary[] | undefined>) => {
    const ids = ticketIds;
    closePanel();
    setStatus(null);
    setBusy(true);
    try {
      const outcomes: OutcomeForSummary[] = [];
      for (let start = 0; start < ids.length; start += BATCH)
        outcomes.push(...((await call(ids.slice(start, start + BATCH))) ?? []));
      setStatus({ error: false, partial: outcomes.some((o) => !o.succeeded), text: summarizeBulk(t, done, outcomes) });
    } catch (error) {
      setStatus({ error: true, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const assignTo = (adminId: string | null, done: BulkDone) =>
    run(
      done,
      async (batch) => (await assign({ variables: { ticketIds: batch, adminId } })).data?.assignTickets.outcomes,
    );
  const setPriority = (priority: TicketPriority) =>
    run(
      { action: 'priority', name: t(PRIORITY_LABELS[priority]) },
      async (batch) =>
        (await prioritize({ variables: { ticketIds: batch, priority } })).data?.setTicketsPriority.outcomes,
    );
  const snoozeUntil = (until: Date | null) =>
    run(
      { action: 'snoozed' },
      async (batch) =>
        (
          await snooze({
            variables: { ticketIds: batch, until: until?.toISOString() ?? null, untilReply: until === null },
          })
        ).data?.snoozeTickets.outcomes,
    );
  const resolve = () =>
    run({ action: 'resolved' }, async (batch) => {
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
      {t(PANEL_NAMES[name])}
    </button>
  );
  const selected = ticketIds.length;
  const agentName = who?.admins.find((admin) => admin.id === agentId)?.name;

  return (
    <section className="bulk-bar" aria-label={t('bulk.label')} onKeyDown={onKeyDown}>
      {selected > 0 ? (
        <div className="bulk-head">
          <strong aria-live="polite">{t('bulk.selected', { count: selected })}</strong>
          <span className="bulk-head-actions">
            {toggle('resolve')}
            <button type="button" onClick={onClear} title={t('bulk.clearKey')}>
              {t('bulk.clear')}
            </button>
          </span>
        </div>
      ) : (
        <div className="bulk-head">
          <span className="muted">{t('bulk.last')}</span>
          <button type="button" onClick={() => setStatus(null)}>
            {t('bulk.dismiss')}
          </button>
        </div>
      )}
      {selected > 0 && (
        <div className="bulk-actions">
          {me && (
            <button type="button" disabled={busy} onClick={() => void assignTo(me.id, { action: 'assignedToYou' })}>
              {t('detail.assignToMe')}
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
              aria-label={t('bulk.assignForm')}
              onSubmit={(event) => {
                event.preventDefault();
                if (agentId) void assignTo(agentId, { action: 'assignedTo', name: agentName ?? t('bulk.theAgent') });
              }}
            >
              <label>
                {t('bulk.agent')}
                <select value={agentId} onChange={(event) => setAgentId(event.target.value)}>
                  <option value="">{t('bulk.chooseAgent')}</option>
                  {who?.admins.map((admin) => (
                    <option key={admin.id} value={admin.id}>
                      {admin.id === me?.id ? t('bulk.you', { name: admin.name }) : admin.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="primary" disabled={!agentId || busy}>
                {t('bulk.assignCount', { count: selected })}
              </button>
              <button type="button" disabled={busy} onClick={() => void assignTo(null, { action: 'unassigned' })}>
                {t('bulk.unassign')}
              </button>
            </form>
          )}
          {panel === 'priority' && (
            <fieldset aria-label={t('bulk.priorityForm')}>
              {(Object.entries(PRIORITY_LABELS) as [TicketPriority, MessageId][]).map(([value, label]) => (
                <button key={value} type="button" disabled={busy} onClick={() => void setPriority(value)}>
                  {t(label)}
                </button>
              ))}
            </fieldset>
          )}
          {panel === 'snooze' && <SnoozeMenu id="bulk-snooze-menu" busy={busy} onChoose={snoozeUntil} />}
          {panel === 'resolve' && (
            <form
              aria-label={t('bulk.resolveForm')}
              onSubmit={(event) => {
                event.preventDefault();
                void resolve();
              }}
            >
              <label>
                {t('bulk.closingLabel')}
                <textarea
                  rows={2}
                  value={closing}
                  onChange={(event) => setClosing(event.target.value)}
                  placeholder={DEFAULT_CLOSING}
                />
              </label>
              <div className="reply-actions">
                <button type="button" onClick={closePanel}>
                  {t('common.cancel')}
                </button>
                <button type="submit" className="danger" disabled={busy}>
                  {t('bulk.resolveCount', { count: selected })}
                </button>
              </div>
            </form>
          )}
        </div>
      )}
      {busy && <p className="muted">{t('bulk.working')}</p>}
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
