// A process of graphql-ws subscribers for the fan-out benchmark: opens `count` authenticated sockets (tokens
// taken in turn) to the given servers (in turn), each subscribed to ticketCreated and notificationsChanged,
// and tells its parent when every one of its sockets has received a new ticket, with the time the last did.
// With `plain`, the sockets are bare WebSockets to the baseline's broadcaster, reading the same messages.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const { urls, tokens, count, plain } = JSON.parse(process.argv[2]);
const now = () => performance.timeOrigin + performance.now();
const arrivals = new Map();
const clients = [];
const ignore = { next: () => undefined, error: () => undefined, complete: () => undefined };

function arrived(id) {
  const seen = (arrivals.get(id) ?? 0) + 1;
  arrivals.set(id, seen);
  if (seen === count) process.send({ ticketId: id, last: now() });
}

function connectPlain(index) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(urls[index % urls.length].replace(/^http/, 'ws'));
    clients.push({ dispose: () => socket.close() });
    socket.on('message', (data) => {
      const id = JSON.parse(String(data)).payload?.data?.ticketCreated?.id;
      if (id) arrived(id);
    });
    socket.once('open', resolve);
    socket.once('error', reject);
  });
}

function connect(index) {
  if (plain) return connectPlain(index);
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: `${urls[index % urls.length].replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens[index % tokens.length]}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: reject,
    });
    clients.push(client);
    client.subscribe(
      { query: 'subscription { ticketCreated { id senderName status priority messageCount } }' },
      {
        ...ignore,
        next: ({ data }) => {
          const id = data?.ticketCreated?.id;
          if (id) arrived(id);
        },
      },
    );
    client.subscribe(
      { query: 'subscription { notificationsChanged { openTickets inProgress unassigned unreadTickets } }' },
      ignore,
    );
    // A query answered on the same socket means the subscriptions before it were taken up.
    client.subscribe({ query: '{ __typename }' }, { ...ignore, complete: resolve, error: reject });
  });
}

for (let start = 0; start < count; start += 100) {
  await Promise.all(Array.from({ length: Math.min(100, count - start) }, (_, offset) => connect(start + offset)));
}
process.send({ ready: true });
process.on('message', async (message) => {
  if (message !== 'close') return;
  await Promise.all(clients.map((client) => client.dispose()));
  process.exit(0);
});
