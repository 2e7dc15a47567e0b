// Lists today's urgent tickets that nobody has taken yet, oldest first, with an API token.
//
//   DESK_URL=https://desk.example.com DESK_TOKEN=<token> node urgent-unassigned.mjs
//
// Node 22 or later, nothing to install. The token needs the READ scope (Settings → API tokens). "Today" is the
// day in this machine's time zone (set TZ to choose another). Prints one tab-separated line per ticket.
const deskUrl = process.env.DESK_URL ?? 'http://127.0.0.1:4000';
const token = process.env.DESK_TOKEN;
const pageSize = Number(process.env.PAGE_SIZE ?? 50); // at most 100 a page

if (!token) {
  console.error('Set DESK_TOKEN to an API token (Settings → API tokens in the desk).');
  process.exit(2);
}

const query = /* GraphQL */ `
  query UrgentUnassigned($since: DateTime!, $first: Int!, $after: String) {
    tickets(
      first: $first
      after: $after
      filter: { priority: [URGENT], unassigned: true, status: [OPEN, IN_PROGRESS], createdAfter: $since }
      orderBy: { field: CREATED_AT, direction: ASC }
    ) {
      edges { node { id createdAt phoneNumber senderName issueDescription } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

async function graphql(variables) {
  const response = await fetch(new URL('/graphql', deskUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json().catch(() => null);
  // Errors come with a code in extensions (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, ...): see the schema's docs.
  if (!response.ok || !body?.data) {
    const errors = body?.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
    throw new Error(`the desk answered ${response.status}: ${errors ?? 'no GraphQL answer'}`);
  }
  return body.data;
}

const since = new Date();
since.setHours(0, 0, 0, 0);
let after = null;
let count = 0;
do {
  const { tickets } = await graphql({ since: since.toISOString(), first: pageSize, after });
  for (const { node } of tickets.edges) {
    count += 1;
    const issue = node.issueDescription.replace(/\s+/g, ' ').slice(0, 80);
    console.log([node.id, node.createdAt, node.phoneNumber, node.senderName ?? '', issue].join('\t'));
  }
  after = tickets.pageInfo.hasNextPage ? tickets.pageInfo.endCursor : null;
} while (after);
console.error(`${count} urgent unassigned ticket(s) since ${since.toISOString()}`);
