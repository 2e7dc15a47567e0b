// The outgoing-webhook screens' GraphQL documents: endpoints, their delivery log, and what an admin does to them.
import { graphql } from '../gql';

export const WEBHOOK_ENDPOINT_FIELDS = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id url description events enabled disabledAt disabledReason failingSince createdAt lastDeliveryAt
  }
`);

export const WEBHOOK_ENDPOINTS = graphql(`
  query WebhookEndpoints {
    webhookEndpoints { ...WebhookEndpointFields }
  }
`);

export const WEBHOOK_DELIVERIES = graphql(`
  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {
    webhookEndpoint(id: $id) {
      ...WebhookEndpointFields
      deliveries(first: $first, after: $after, status: $status) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id eventId eventType ticketId status attempts lastStatusCode lastError createdAt deliveredAt nextAttemptAt payload
          }
        }
      }
    }
  }
`);

export const CREATE_WEBHOOK_ENDPOINT = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { secret endpoint { ...WebhookEndpointFields } }
  }
`);

export const UPDATE_WEBHOOK_ENDPOINT = graphql(`
  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(id: $id, input: $input) { ...WebhookEndpointFields }
  }
`);

export const ROTATE_WEBHOOK_SECRET = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) { secret endpoint { ...WebhookEndpointFields } }
  }
`);

export const DELETE_WEBHOOK_ENDPOINT = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

export const REDELIVER_WEBHOOK_DELIVERY = graphql(`
  mutation RedeliverWebhookDelivery($id: ID!) {
    redeliverWebhookDelivery(id: $id) { id status attempts lastStatusCode lastError deliveredAt nextAttemptAt }
  }
`);

export const PING_WEBHOOK_ENDPOINT = graphql(`
  mutation PingWebhookEndpoint($id: ID!) {
    pingWebhookEndpoint(id: $id) { id status }
  }
`);
