// The GraphQL documents of accounts: my password and sessions, a reset code's use, and admins managing agents.
import { graphql } from '../gql';

export const MY_SESSIONS = graphql(`
  query MySessions {
    mySessions { id createdAt lastUsedAt userAgent ipAddress current }
  }
`);
export const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);
export const REVOKE_SESSION = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);
export const REVOKE_OTHER_SESSIONS = graphql(`
  mutation RevokeOtherSessions {
    revokeOtherSessions
  }
`);
export const RESET_PASSWORD = graphql(`
  mutation ResetPassword($code: String!, $newPassword: String!) {
    resetPassword(code: $code, newPassword: $newPassword)
  }
`);

export const AGENT_ACCOUNTS = graphql(`
  query AgentAccounts {
    me { id }
    admins(includeDeactivated: true) { id name email role active }
  }
`);
export const UPDATE_AGENT = graphql(`
  mutation UpdateAgent($id: ID!, $input: UpdateAgentInput!) {
    updateAgent(id: $id, input: $input) { id name email role active }
  }
`);
export const DEACTIVATE_AGENT = graphql(`
  mutation DeactivateAgent($id: ID!) {
    deactivateAgent(id: $id) { id name email role active }
  }
`);
export const REACTIVATE_AGENT = graphql(`
  mutation ReactivateAgent($id: ID!) {
    reactivateAgent(id: $id) { id name email role active }
  }
`);
export const CREATE_PASSWORD_RESET = graphql(`
  mutation CreatePasswordReset($id: ID!) {
    createPasswordReset(id: $id) { code expiresAt admin { id name } }
  }
`);
