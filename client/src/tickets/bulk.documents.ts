// The bulk actions' mutations: each answers one outcome per ticket, with the ticket as it now is for the cache.
import { graphql } from '../gql';

export const ASSIGN_TICKETS = graphql(`
  mutation AssignTickets($ticketIds: [ID!]!, $adminId: ID) {
    assignTickets(ticketIds: $ticketIds, adminId: $adminId) {
      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }
    }
  }
`);

export const SET_TICKETS_PRIORITY = graphql(`
  mutation SetTicketsPriority($ticketIds: [ID!]!, $priority: TicketPriority!) {
    setTicketsPriority(ticketIds: $ticketIds, priority: $priority) {
      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }
    }
  }
`);

export const CLOSE_TICKETS = graphql(`
  mutation CloseTickets($ticketIds: [ID!]!, $message: String) {
    closeTickets(ticketIds: $ticketIds, message: $message) {
      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }
    }
  }
`);

export const SNOOZE_TICKETS = graphql(`
  mutation SnoozeTickets($ticketIds: [ID!]!, $until: DateTime, $untilReply: Boolean) {
    snoozeTickets(ticketIds: $ticketIds, until: $until, untilReply: $untilReply) {
      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }
    }
  }
`);
