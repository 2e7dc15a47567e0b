// The GraphQL documents of labels: the desk's list and its live changes, applying labels, and admins' changes.
import { graphql } from '../gql';

export const LABELS = graphql(`
  query Labels {
    labels { id name color ticketCount }
  }
`);

export const LABEL_CHANGED = graphql(`
  subscription LabelChanged {
    labelChanged { change id label { id name color ticketCount } }
  }
`);

export const ADD_LABELS = graphql(`
  mutation AddLabels($ticketIds: [ID!]!, $labelIds: [ID!]!) {
    addLabels(ticketIds: $ticketIds, labelIds: $labelIds) { id updatedAt labels { id name color } }
  }
`);

export const REMOVE_LABELS = graphql(`
  mutation RemoveLabels($ticketIds: [ID!]!, $labelIds: [ID!]!) {
    removeLabels(ticketIds: $ticketIds, labelIds: $labelIds) { id updatedAt labels { id name color } }
  }
`);

export const CREATE_LABEL = graphql(`
  mutation CreateLabel($input: CreateLabelInput!) {
    createLabel(input: $input) { id name color ticketCount }
  }
`);

export const UPDATE_LABEL = graphql(`
  mutation UpdateLabel($id: ID!, $input: UpdateLabelInput!) {
    updateLabel(id: $id, input: $input) { id name color ticketCount }
  }
`);

export const DELETE_LABEL = graphql(`
  mutation DeleteLabel($id: ID!) {
    deleteLabel(id: $id)
  }
`);
