// The descriptions of the root types, which type-graphql has no option for: who may call, and the errors every
// root field may answer, said once here instead of on each field.
import type { GraphQLSchema } from 'graphql';

const WHO =
  'A field whose description starts "Admins only" needs an admin signed in: agents and API tokens get FORBIDDEN, ' +
  'unless the description says API tokens may call it. "Signed-in agents" fields refuse API tokens (FORBIDDEN).';

const QUERY =
  'Reading the desk. Every field needs `Authorization: Bearer <token>`: an agent’s session (from login) or an API ' +
  'token with the READ scope (WRITE includes READ); without a valid token the answer is UNAUTHENTICATED (HTTP 401), ' +
  'without the scope FORBIDDEN (HTTP 403). An API token acts as the admin who made it. ' +
  WHO +
  ' An unknown id is NOT_FOUND; bad arguments are BAD_USER_INPUT.';

const MUTATION =
  'Changing the desk. Every field but login and resetPassword needs `Authorization: Bearer <token>` with the WRITE ' +
  'scope (an agent’s session has it): UNAUTHENTICATED (HTTP 401) without a valid token, FORBIDDEN (HTTP 403) without ' +
  'the scope. Each session or API token may make RATE_LIMIT_MUTATIONS_PER_MINUTE changes a minute (300 by default), ' +
  'RATE_LIMITED beyond. Bad input is BAD_USER_INPUT and changes nothing; an unknown id is NOT_FOUND; two changes ' +
  'racing on one ticket may answer CONFLICT to the later one. ' +
  WHO;

const SUBSCRIPTION =
  'Live events, over a WebSocket to /graphql with the graphql-transport-ws protocol (a graphql-ws client); over ' +
  'HTTP a subscription is refused with 400. Send the token in connection_init’s payload as ' +
  '`{ "authorization": "Bearer <token>" }`: a session, or an API token with READ; a socket without a valid one is ' +
  'closed with code 4403. Events are published after their change is committed, and carry the record as it is then.';

/** Sets the descriptions of Query, Mutation and Subscription, in place; returns the schema. */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query) query.description = QUERY;
  if (mutation) mutation.description = MUTATION;
  if (subscription) subscription.description = SUBSCRIPTION;
  return schema;
}
