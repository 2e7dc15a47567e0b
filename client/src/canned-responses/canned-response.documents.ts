// The GraphQL documents of canned responses: search, live changes, and the author's (or an admin's) edits.
import { graphql } from '../gql';

export const CANNED_RESPONSE_FIELDS = graphql(`
  fragment CannedResponseFields on CannedResponse {
    id shortcode title body viewerCanEdit updatedAt
    author { id name }
  }
`);

export const CANNED_RESPONSES = graphql(`
  query CannedResponses($search: String, $first: Int) {
    cannedResponses(search: $search, first: $first) { ...CannedResponseFields }
  }
`);

export const CANNED_RESPONSE_CHANGED = graphql(`
  subscription CannedResponseChanged {
    cannedResponseChanged { change id cannedResponse { ...CannedResponseFields } }
  }
`);

export const CREATE_CANNED_RESPONSE = graphql(`
  mutation CreateCannedResponse($input: CreateCannedResponseInput!) {
    createCannedResponse(input: $input) { ...CannedResponseFields }
  }
`);

export const UPDATE_CANNED_RESPONSE = graphql(`
  mutation UpdateCannedResponse($id: ID!, $input: UpdateCannedResponseInput!) {
    updateCannedResponse(id: $id, input: $input) { ...CannedResponseFields }
  }
`);

export const DELETE_CANNED_RESPONSE = graphql(`
  mutation DeleteCannedResponse($id: ID!) {
    deleteCannedResponse(id: $id)
  }
`);
