import { graphql } from '../gql';

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

export const TICKET_DETAIL = graphql(`
  query TicketDetail($id: ID!) {
    ticket(id: $id) {
      id phoneNumber username senderName issueDescription status priority studentId createdAt updatedAt resolvedAt
      firstResponseAt replyWindowClosesAt unreadCount messageCount
      snoozed snoozedAt snoozedUntil snoozedBy { id name }
      sla { state firstResponseDueAt resolutionDueAt }
      assignee { id name }
      labels { id name color }
      contact { phoneNumber notes }
      referral { headline body sourceUrl sourceType mediaType }
      satisfaction { rating comment ratedAt }
      messages(last: 100) {
        totalCount
        edges { cursor node { ...MessageFields } }
        pageInfo { hasPreviousPage startCursor }
      }
    }
  }
`);
