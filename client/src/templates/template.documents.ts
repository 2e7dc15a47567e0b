// The GraphQL documents of message templates, shared by the picker and the settings.
import { graphql } from '../gql';

export const MESSAGE_TEMPLATES = graphql(`
  query MessageTemplates {
    messageTemplates { id name languageCode body parameterCount }
  }
`);

export const CREATE_MESSAGE_TEMPLATE = graphql(`
  mutation CreateMessageTemplate($input: CreateMessageTemplateInput!) {
    createMessageTemplate(input: $input) { id name languageCode body parameterCount }
  }
`);

export const DELETE_MESSAGE_TEMPLATE = graphql(`
  mutation DeleteMessageTemplate($id: ID!) {
    deleteMessageTemplate(id: $id)
  }
`);

export const SEND_TEMPLATE = graphql(`
  mutation SendTemplate($ticketId: ID!, $templateId: ID!, $parameters: [String!]!) {
    sendTemplate(ticketId: $ticketId, templateId: $templateId, parameters: $parameters) { ...MessageFields }
  }
`);
