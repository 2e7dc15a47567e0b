import { graphql } from '../gql';

export const CONTACT_FIELDS = graphql(`
  fragment ContactFields on Contact {
    phoneNumber whatsappUserId username name studentId notes notesUpdatedAt notesRevision lastInboundAt createdAt
    notesUpdatedBy { id name }
  }
`);

export const UPDATE_CONTACT = graphql(`
  mutation UpdateContact($phoneNumber: String!, $input: UpdateContactInput!) {
    updateContact(phoneNumber: $phoneNumber, input: $input) { ...ContactFields }
  }
`);

export const CONTACT_UPDATED = graphql(`
  subscription ContactUpdated($phoneNumber: String!) {
    contactUpdated(phoneNumber: $phoneNumber) { ...ContactFields }
  }
`);
