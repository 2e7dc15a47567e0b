// One attempt to deliver a webhook: a signed POST to the endpoint, connected to an address checked to be public
// at this moment (the lookup the socket uses is the checked one, so DNS cannot change between check and connect),
// no redirects followed, a time limit on the whole attempt, and only the first bytes of the answer read.
import { createHmac } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { DomainError } from '../errors.js';
import { type Span, SpanKind, traceparentNow, withSpan } from '../observability/tracing.js';
import { type AddressPolicy, parseEndpointUrl, resolveEndpointAddresses } from './webhook.address.js';

export const USER_AGENT = 'whatsapp-support-desk-webhooks/1';
/** What is kept of an answer's body in lastError. */
const ERROR_BODY_CHARS = 200;
/** The most of an answer read before the connection is dropped. */
const MAX_READ_BYTES = 4096;

export interface WebhookRequest {
  url: string;
  secret: string;
  payload: string;
  eventType: string;
  eventId: string;
  deliveryId: number;
}

export type AttemptOutcome = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

/** X-Desk-Signature's value: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>, Stripe's scheme. */
export function signatureHeader(secret: string, payload: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** The first bytes of an answer, as text. */
async function readStart(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_READ_BYTES) break;
  }
  response.destroy();
  return Buffer.concat(chunks).subarray(0, MAX_READ_BYTES).toString('utf8');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, ERROR_BODY_CHARS);

export async function sendWebhook(
  request: WebhookRequest,
  policy: AddressPolicy,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  let checked: { address: string; family: number }[];
  let url: URL;
  try {
    url = parseEndpointUrl(request.url, policy);
    checked = await resolveEndpointAddresses(url, policy);
  } catch (error) {
    const reason = error instanceof DomainError ? error.message.replace(/^url: /, '') : String(error);
    return { ok: false, statusCode: null, error: `refused: ${reason}` };
  }
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, checked);
    else callback(null, checked[0]!.address, checked[0]!.family);
  };
  const sentAt = new Date();
  const body = Buffer.from(request.payload);
  // The POST's own client span, as undici's instrumentation gives fetch calls (node:http has none loaded here);
  // the query string is left out of it (it may carry a receiver's token). The receiver gets the trace too.
  const attributes = { 'http.request.method': 'POST', 'url.full': `${url.origin}${url.pathname}` };
  return withSpan('POST', attributes, (span) => post(url, request, body, lookup, sentAt, timeoutMs, span), {
    kind: SpanKind.CLIENT,
  });
}

function post(
  url: URL,
  request: WebhookRequest,
  body: Buffer,
  lookup: LookupFunction,
  sentAt: Date,
  timeoutMs: number,
  span: Span,
): Promise<AttemptOutcome> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const traceparent = traceparentNow();
  return new Promise<AttemptOutcome>((resolve) => {
    const outgoing = send(
      url,
      {
        method: 'POST',
        lookup,
        signal: AbortSignal.timeout(timeoutMs),
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          'user-agent': USER_AGENT,
          'x-desk-event': request.eventType,
          'x-desk-event-id': request.eventId,
          'x-desk-delivery': String(request.deliveryId),
          'x-desk-signature': signatureHeader(request.secret, request.payload, sentAt),
          ...(traceparent ? { traceparent } : {}),
        },
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        span.setAttribute('http.response.status_code', statusCode);
        readStart(response)
          .catch(() => '')
          .then((text) => {
            if (statusCode >= 200 && statusCode < 300) resolve({ ok: true, statusCode });
            else {
              const redirect = statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : '';
              const said = oneLine(text);
              resolve({ ok: false, statusCode, error: `HTTP ${statusCode}${redirect}${said ? `: ${said}` : ''}` });
            }
          });
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
      span.setAttribute('error.type', timedOut ? 'timeout' : (error.code ?? error.name));
      resolve({
        ok: false,
        statusCode: null,
        error: timedOut ? `no answer within ${timeoutMs} ms` : oneLine(`${error.code ?? 'error'}: ${error.message}`),
      });
    });
    outgoing.end(body);
  });
}
