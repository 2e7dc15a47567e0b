// How priorities and statuses read in menus (capitalised, unlike the list's lower-case pills), in one place for
// the list's filters and the detail's controls: message ids, said in the agent's language.
import type { TicketPriority, TicketStatus } from '../gql/graphql';
import type { MessageId } from '../i18n/en';
import { useT } from '../i18n/I18n';

export const PRIORITY_LABELS: Record<TicketPriority, MessageId> = {
  URGENT: 'ticket.priority.urgent',
  HIGH: 'ticket.priority.high',
  MEDIUM: 'ticket.priority.medium',
  LOW: 'ticket.priority.low',
};
export const STATUS_LABELS: Record<TicketStatus, MessageId> = {
  OPEN: 'ticket.status.open',
  IN_PROGRESS: 'ticket.status.inProgress',
  RESOLVED: 'ticket.status.resolved',
  CLOSED: 'ticket.status.closed',
};

export function LabelOptions<T extends string>({ labels }: { labels: Record<T, MessageId> }) {
  const t = useT();
  return (
    <>
      {(Object.entries(labels) as [T, MessageId][]).map(([value, label]) => (
        <option key={value} value={value}>
          {t(label)}
        </option>
      ))}
    </>
  );
}
