// What an agent does to a ticket: assign it, set its priority and status, snooze, close or reopen it, label it;
// with the snoozed banner, and the failure of any of these shown in one place.
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import type { AgentsQuery, TicketPriority, TicketStatus } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import { TicketLabels } from '../labels/TicketLabels';
import { sendDeskCommand } from '../keyboard/desk-commands';
import { LabelOptions, PRIORITY_LABELS, STATUS_LABELS } from './labels';
import { SnoozeControl, SnoozedBanner } from './SnoozeControl';
import type { DetailTicket } from './ticket.documents';

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
const REOPEN = graphql(`
  mutation ReopenTicket($ticketId: ID!) {
    reopenTicket(ticketId: $ticketId) { id status resolvedAt }
  }
`);

export function TicketActions({
  ticket,
  agents,
  isResolved,
}: {
  ticket: DetailTicket;
  agents: AgentsQuery | undefined;
  isResolved: boolean;
}) {
  const t = useT();
  const ticketId = ticket.id;
  const [actionError, setActionError] = useState<string | null>(null);
  /** On a phone the actions fold under one button, so that the thread and the reply box keep the screen. */
  const [unfolded, setUnfolded] = useState(false);
  const [assign] = useMutation(ASSIGN);
  const [setPriority] = useMutation(PRIORITY);
  const [setStatus] = useMutation(STATUS);
  const [reopen] = useMutation(REOPEN);
  const me = agents?.me;

  const act = async (run: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await run();
    } catch (failure) {
      setActionError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <>
      <button
        type="button"
        className="actions-toggle"
        aria-expanded={unfolded}
        aria-controls="ticket-actions"
        onClick={() => setUnfolded((was) => !was)}
      >
        <span>
          {ticket.assignee?.name ?? t('ticket.unassigned')} · {t(PRIORITY_LABELS[ticket.priority])} ·{' '}
          {t(STATUS_LABELS[ticket.status])}
        </span>
        <span className="muted">{unfolded ? t('detail.hideActions') : t('detail.showActions')}</span>
      </button>
      <div id="ticket-actions" className={`detail-actions ${unfolded ? 'unfolded' : ''}`}>
        <label>
          {t('detail.assignee')}
          <select
            value={ticket.assignee?.id ?? ''}
            onChange={(event) => act(() => assign({ variables: { ticketId, adminId: event.target.value || null } }))}
          >
            <option value="">{t('ticket.unassigned')}</option>
            {agents?.admins.map((admin) => (
              <option key={admin.id} value={admin.id}>
                {admin.name}
              </option>
            ))}
          </select>
        </label>
        {me && ticket.assignee?.id !== me.id && (
          <button type="button" onClick={() => act(() => assign({ variables: { ticketId, adminId: me.id } }))}>
            {t('detail.assignToMe')}
          </button>
        )}
        <label>
          {t('detail.priority')}
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
          {t('detail.status')}
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
          <button type="button" data-action="reopen" onClick={() => act(() => reopen({ variables: { ticketId } }))}>
            {t('detail.reopen')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => sendDeskCommand({ type: 'resolve', ticketId, andNext: false })}>
              {t('detail.resolve')}
            </button>
            <button type="button" onClick={() => sendDeskCommand({ type: 'resolve', ticketId, andNext: true })}>
              {t('detail.resolveAndNext')}
            </button>
          </>
        )}
        <TicketLabels ticketId={ticketId} labels={ticket.labels} onError={setActionError} />
      </div>
      <SnoozedBanner ticketId={ticketId} ticket={ticket} act={act} />
      {actionError && (
        <p role="alert" className="error">
          {actionError}
        </p>
      )}
    </>
  );
}
