// What the shortcuts and pickers change on the open ticket.
import { graphql } from '../gql';

export const KEYBOARD_ASSIGN = graphql(`
  mutation KeyboardAssign($ticketId: ID!, $adminId: ID) {
    assignTicket(ticketId: $ticketId, adminId: $adminId) { id assignee { id name } }
  }
`);
export const KEYBOARD_PRIORITY = graphql(`
  mutation KeyboardPriority($ticketId: ID!, $priority: TicketPriority!) {
    setTicketPriority(ticketId: $ticketId, priority: $priority) { id priority sla { state firstResponseDueAt resolutionDueAt } }
  }
`);
export const KEYBOARD_SNOOZE = graphql(`
  mutation KeyboardSnooze($ticketId: ID!, $until: DateTime, $untilReply: Boolean) {
    snoozeTicket(ticketId: $ticketId, until: $until, untilReply: $untilReply) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }
  }
`);
/** The open ticket's labels, from the cache when its detail is on screen. */
export const KEYBOARD_TICKET_LABELS = graphql(`
  query KeyboardTicketLabels($id: ID!) {
    ticket(id: $id) { id labels { id name color } }
  }
`);
