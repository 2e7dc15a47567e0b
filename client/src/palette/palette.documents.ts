// What the command palette searches: tickets through the list's own search (name, number, message text), one
// ticket by its number, and canned responses.
import { graphql } from '../gql';

export const PALETTE_TICKETS = graphql(`
  query PaletteTickets($search: String!) {
    tickets(filter: { search: $search }, first: 8) {
      edges { node { id status phoneNumber username senderName issueDescription } }
    }
  }
`);

export const PALETTE_TICKET_BY_NUMBER = graphql(`
  query PaletteTicketByNumber($id: ID!) {
    ticket(id: $id) { id status phoneNumber username senderName issueDescription }
  }
`);

export const PALETTE_CONTACTS = graphql(`
  query PaletteContacts($search: String!) {
    contacts(search: $search, first: 5) {
      edges { node { phoneNumber username name ticketCount } }
    }
  }
`);

export const PALETTE_CANNED = graphql(`
  query PaletteCannedResponses($search: String) {
    cannedResponses(search: $search, first: 5) { id shortcode title body }
  }
`);
