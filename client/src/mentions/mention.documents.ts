// Mentions: the list of notes that named me, and marking a ticket's mentions read.
import { graphql } from '../gql';

export const MENTIONS = graphql(`
  query Mentions {
    mentions(first: 50) {
      id read createdAt
      author { id name }
      message { id body }
      ticket { id senderName phoneNumber username }
    }
  }
`);

export const MARK_MENTIONS_READ = graphql(`
  mutation MarkMentionsRead($ticketId: ID!) {
    markMentionsRead(ticketId: $ticketId)
  }
`);

export const MENTION_AGENTS = graphql(`
  query MentionAgents {
    me { id }
    admins { id name }
  }
`);
