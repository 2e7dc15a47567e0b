// Receives the desk's outgoing webhooks, checks each signature, and prints each event as one line of JSON.
//
//   WEBHOOK_SECRET=<the secret shown when the endpoint was registered> PORT=8080 node webhook-receiver.mjs
//
// No packages: node:http and node:crypto only. Register its public HTTPS address (behind your TLS proxy) in the
// desk under Settings → Webhooks. Answer 2xx quickly; the desk retries anything else with backoff, so the
// same event can arrive twice: this keeps the ids it has seen and skips repeats.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error('Set WEBHOOK_SECRET to the secret the desk showed when the endpoint was registered.');
  process.exit(2);
}
const TOLERANCE_SECONDS = 300; // refuse deliveries signed more than 5 minutes away from our clock (replays)
const MAX_BODY_BYTES = 1024 * 1024;
const seen = new Set(); // a real receiver keeps these in its database, for as long as the desk retries

/** True when `header` (X-Desk-Signature: t=<unix seconds>,v1=<hex>) signs `body` with our secret. */
function verify(header, body) {
  const parts = Object.fromEntries(
    String(header ?? '')
      .split(',')
      .map((part) => part.trim().split('=', 2)),
  );
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  if (Math.abs(Date.now() / 1000 - timestamp) > TOLERANCE_SECONDS) return false;
  // Sign the raw bytes as received: parsing and re-serializing the JSON would change them.
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
}

const server = createServer((request, response) => {
  if (request.method !== 'POST') return response.writeHead(405).end();
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) request.destroy();
    else chunks.push(chunk);
  });
  request.on('end', () => {
    const body = Buffer.concat(chunks);
    if (!verify(request.headers['x-desk-signature'], body)) {
      console.error('refused a delivery with a bad or stale signature');
      return response.writeHead(400).end('bad signature');
    }
    const event = JSON.parse(body.toString('utf8'));
    response.writeHead(204).end(); // answer first; do slow work after
    if (seen.has(event.id)) return;
    seen.add(event.id);
    console.log(JSON.stringify({ id: event.id, type: event.type, ticket: event.ticket?.id ?? null }));
  });
});

server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1', () => {
  console.error(`listening on ${JSON.stringify(server.address())}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
