import { graphql } from '../gql';
import type { TicketDetailQuery } from '../gql/graphql';

export const ATTACHMENT_FIELDS = graphql(`
  fragment AttachmentFields on MediaAttachment {
    id kind status mimeType filename caption sizeBytes error url
  }
`);

export const MESSAGE_FIELDS = graphql(`
  fragment MessageFields on Message {
    id body senderType senderName createdAt internal deliveryStatus deliveryError templateName
    author { id name }
    attachment { ...AttachmentFields }
    forwarded editedAt deletedByPersonAt personReaction
    edits { body replacedAt }
    replyTo { id body senderName }
    location { url mapUrl }
    order { catalogId text total currency items { retailerId quantity itemPrice currency } }
    formAnswers { label value }
  }
`);

/**
 * What changes about a ticket as agents and the person act on it: the list and the detail read it, and their
 * live updates carry all of it, so whichever screen is open the cached ticket stays whole.
 */
export const TICKET_FIELDS = graphql(`
  fragment TicketFields on Ticket {
    id status priority updatedAt resolvedAt lastMessageAt messageCount unreadCount firstResponseAt replyWindowClosesAt
    snoozed snoozedAt snoozedUntil snoozedBy { id name }
    sla { state firstResponseDueAt resolutionDueAt }
    assignee { id name }
    labels { id name color }
    satisfaction { rating comment ratedAt }
  }
`);

export const TICKET_DETAIL = graphql(`
  query TicketDetail($id: ID!) {
    ticket(id: $id) {
      ...TicketFields
      phoneNumber username senderName issueDescription studentId createdAt
      contact { phoneNumber notes }
      referral { headline body sourceUrl sourceType mediaType }
      botConversation { from text at }
      messages(last: 100) {
        totalCount
        edges { cursor node { ...MessageFields } }
        pageInfo { hasPreviousPage startCursor }
      }
    }
  }
`);

/** A loaded ticket as its detail screen reads it. */
export type DetailTicket = NonNullable<TicketDetailQuery['ticket']>;
