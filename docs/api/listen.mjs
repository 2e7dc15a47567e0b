// Listens for new tickets and new messages over WebSocket (graphql-ws) and prints each as one line of JSON.
//
//   npm install graphql-ws ws
//   DESK_URL=https://desk.example.com DESK_TOKEN=<token> node listen.mjs
//
// The token needs the READ scope. The socket reconnects by itself after a network cut or a server restart;
// events that happen while it is away are not replayed, so a tool that must miss nothing also reads
// `tickets(filter: { ... }, orderBy: { field: LAST_MESSAGE_AT })` after each reconnect (or uses webhooks).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const deskUrl = new URL('/graphql', process.env.DESK_URL ?? 'http://127.0.0.1:4000');
deskUrl.protocol = deskUrl.protocol === 'https:' ? 'wss:' : 'ws:';
const token = process.env.DESK_TOKEN;
if (!token) {
  console.error('Set DESK_TOKEN to an API token (Settings → API tokens in the desk).');
  process.exit(2);
}

const client = createClient({
  url: deskUrl.href,
  webSocketImpl: WebSocket,
  // The token goes in connection_init, not in the URL (URLs end up in logs).
  connectionParams: { authorization: `Bearer ${token}` },
  retryAttempts: Number.POSITIVE_INFINITY,
  // A refused token (close code 4401/4403) will not get better by retrying.
  shouldRetry: (event) => !(event && typeof event === 'object' && [4401, 4403].includes(event.code)),
  on: { connected: () => console.error(`connected to ${deskUrl.host}`) },
});

function listen(query, pick) {
  client.subscribe(
    { query },
    {
      next: (result) => {
        if (result.errors) console.error(JSON.stringify(result.errors));
        else console.log(JSON.stringify(pick(result.data)));
      },
      error: (error) => {
        console.error('subscription ended:', error?.reason ?? error?.message ?? error);
        process.exitCode = 1;
      },
      complete: () => {},
    },
  );
}

listen(
  'subscription NewTickets { ticketCreated { id phoneNumber senderName issueDescription priority createdAt } }',
  (data) => ({ event: 'ticketCreated', ticket: data.ticketCreated }),
);
listen(
  'subscription NewMessages { messageAdded { id body senderType createdAt ticket { id } } }',
  (data) => ({ event: 'messageAdded', message: data.messageAdded }),
);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => client.dispose().then(() => process.exit(0)));
