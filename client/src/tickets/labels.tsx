// How priorities and statuses read, in one place for the list's filters and the detail's controls.
import type { TicketPriority, TicketStatus } from '../gql/graphql';

export const PRIORITY_LABELS: Record<TicketPriority, string> = {
  URGENT: 'Urgent',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
};
export const STATUS_LABELS: Record<TicketStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};

export function LabelOptions<T extends string>({ labels }: { labels: Record<T, string> }) {
  return (
    <>
      {(Object.entries(labels) as [T, string][]).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
