// The routing settings' GraphQL documents: one selection for the query, the changes and the live feed.
import { graphql } from '../gql';

graphql(`
  fragment RoutingFields on RoutingSettings {
    mode defaultCapacity maxCapacity waitingTickets
    agents { agent { id name email role } available capacity capacityOverride activeTickets }
  }
`);

export const ROUTING = graphql(`
  query Routing {
    routing {
      ...RoutingFields
    }
  }
`);
export const ROUTING_CHANGED = graphql(`
  subscription RoutingChanged {
    routingChanged {
      ...RoutingFields
    }
  }
`);
export const UPDATE_ROUTING = graphql(`
  mutation UpdateRouting($input: RoutingSettingsInput!) {
    updateRouting(input: $input) {
      ...RoutingFields
    }
  }
`);
export const SET_AGENT_CAPACITY = graphql(`
  mutation SetAgentCapacity($adminId: ID!, $capacity: Int) {
    setAgentCapacity(adminId: $adminId, capacity: $capacity) { agent { id } capacity capacityOverride activeTickets }
  }
`);
export const SET_AVAILABILITY = graphql(`
  mutation SetAvailability($available: Boolean!) {
    setAvailability(available: $available) { id available }
  }
`);
