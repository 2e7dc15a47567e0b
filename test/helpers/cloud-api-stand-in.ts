// A local HTTP server that behaves like the WhatsApp Cloud API's POST /{version}/{phone-number-id}/messages:
// it records every request, answers with a fresh message id, and fails on demand (500, 429, error bodies).
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, any>;
  /** The id the stand-in answered with (for accepted sends). */
  answeredId: string | null;
  status: number;
  /** When the request reached the stand-in (ms since the epoch, before its body was read). */
  receivedAt: number;
}

export interface CannedAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const windowClosedError: CannedAnswer = {
  status: 400,
  body: {
    error: {
      message: '(#131047) Re-engagement message',
      type: 'OAuthException',
      code: 131047,
      error_data: {
        messaging_product: 'whatsapp',
        details:
          'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      },
      fbtrace_id: 'AbCdEf',
    },
  },
};
export const serverError: CannedAnswer = {
  status: 500,
  body: { error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1, fbtrace_id: 'x' } },
};
export const rateLimited: CannedAnswer = {
  status: 429,
  body: { error: { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, fbtrace_id: 'y' } },
};
/** 130429 with a Retry-After (seconds): the business number is over its throughput for that long. */
export const rateLimitedFor = (seconds: number): CannedAnswer => ({
  ...rateLimited,
  headers: { 'retry-after': String(seconds) },
});
export const undeliverable: CannedAnswer = {
  status: 400,
  body: {
    error: { message: '(#131026) Message Undeliverable', type: 'OAuthException', code: 131026, fbtrace_id: 'z' },
  },
};

export const STAND_IN_TOKEN = 'test-access-token';
export const STAND_IN_PHONE_ID = '106540352242922';

/** A file the stand-in serves through GET /{version}/{media-id} and then its download URL, with failures on demand. */
export interface StandInMedia {
  bytes: Buffer;
  mimeType: string;
  /** What the metadata says; defaults to the real hash and size. */
  sha256?: string;
  fileSize?: number;
  /** Answer the metadata request with this status (404: the media id is unknown or expired). */
  infoStatus?: number;
  /** Answer the download with this status. */
  downloadStatus?: number;
  /** Wait this long before answering the download. */
  downloadDelayMs?: number;
  /** Serve these bytes instead of `bytes` for the first download only (a corrupt transfer). */
  firstDownload?: Buffer;
}

export interface CloudApiStandIn {
  url: string;
  requests: RecordedRequest[];
  /** Media metadata and download requests, apart from sends: `GET path`. */
  mediaRequests: { path: string; authorization: string | undefined }[];
  /** Files uploaded with POST /{version}/{phone-number-id}/media: the multipart body as sent, and the id answered. */
  uploads: { id: string; contentType: string | undefined; raw: Buffer }[];
  /** Serves this file under the media id. */
  addMedia(mediaId: string, media: StandInMedia): void;
  /** Answers used, in order, for the next requests; after them every request is accepted. */
  failNext(...answers: CannedAnswer[]): void;
  /** Answer this for every request until cleared with `recover()`. */
  failAlways(answer: CannedAnswer): void;
  recover(): void;
  /** Answers every request only after `ms` (as a slow or hanging API does) until `recover()`. */
  slowDown(ms: number): void;
  /** Sends recorded so far to one number (`to`) or business-scoped user id (`recipient`): text and interactive, not read receipts. */
  messagesTo(to: string): RecordedRequest[];
  /** The most message requests (any answer) that reached the stand-in within any `windowMs` (a sliding window). */
  busiestWindow(windowMs?: number): number;
  /** Waits until `predicate` holds over the requests, or fails after `ms`. */
  waitFor(predicate: (requests: RecordedRequest[]) => boolean, ms?: number): Promise<void>;
  /** Env for startServer that points the server at this stand-in. */
  env(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): Record<string, any> {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return {};
  }
}

export async function startCloudApiStandIn(): Promise<CloudApiStandIn> {
  const requests: RecordedRequest[] = [];
  const queued: CannedAnswer[] = [];
  let always: CannedAnswer | null = null;
  let delayMs = 0;
  const media = new Map<string, StandInMedia>();
  const mediaRequests: CloudApiStandIn['mediaRequests'] = [];
  const downloads = new Map<string, number>();
  const uploads: CloudApiStandIn['uploads'] = [];
  const server: Server = createServer(async (request, response) => {
    const receivedAt = Date.now();
    const raw = await readRaw(request);
    const body = parseJson(raw);
    const path = request.url ?? '';
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };
    const record = (status: number, answeredId: string | null) =>
      requests.push({ path, authorization: request.headers.authorization, body, answeredId, status, receivedAt });
    if (request.method === 'GET') {
      mediaRequests.push({ path, authorization: request.headers.authorization });
      if (request.headers.authorization !== `Bearer ${STAND_IN_TOKEN}`)
        return send(401, { error: { message: 'Invalid OAuth access token.', code: 190 } });
      const info = /^\/v[\d.]+\/([^/?]+)$/.exec(path);
      const download = /^\/media-download\/([^/?]+)\?/.exec(path);
      const id = decodeURIComponent((info ?? download)?.[1] ?? '');
      const file = media.get(id);
      if (!file) return send(404, { error: { message: 'Unsupported get request. Object does not exist', code: 100 } });
      if (info) {
        if (file.infoStatus)
          return send(file.infoStatus, {
            error: { message: 'media metadata failed', code: file.infoStatus === 404 ? 100 : 1 },
          });
        return send(200, {
          messaging_product: 'whatsapp',
          url: `${url}/media-download/${encodeURIComponent(id)}?ext=1&hash=secret-query`,
          mime_type: file.mimeType,
          sha256: file.sha256 ?? createHash('sha256').update(file.bytes).digest('hex'),
          file_size: file.fileSize ?? file.bytes.length,
          id,
        });
      }
      if (file.downloadDelayMs) await new Promise((resolve) => setTimeout(resolve, file.downloadDelayMs));
      if (file.downloadStatus) return send(file.downloadStatus, { error: { message: 'download failed', code: 1 } });
      const count = (downloads.get(id) ?? 0) + 1;
      downloads.set(id, count);
      response.writeHead(200, { 'content-type': file.mimeType });
      return response.end(count === 1 && file.firstDownload ? file.firstDownload : file.bytes);
    }
    if (request.method === 'POST' && /^\/v[\d.]+\/[^/]+\/media$/.test(path)) {
      if (request.headers.authorization !== `Bearer ${STAND_IN_TOKEN}`)
        return send(401, { error: { message: 'Invalid OAuth access token.', code: 190 } });
      const canned = queued.shift();
      if (canned) return send(canned.status, canned.body, canned.headers);
      const id = `upload${randomBytes(6).toString('hex')}`;
      uploads.push({ id, contentType: request.headers['content-type'], raw });
      return send(200, { id });
    }
    if (request.method !== 'POST' || !/^\/v[\d.]+\/[^/]+\/messages$/.test(path)) {
      record(404, null);
      return send(404, { error: { message: 'Unknown path', code: 100 } });
    }
    if (request.headers.authorization !== `Bearer ${STAND_IN_TOKEN}`) {
      record(401, null);
      return send(401, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } });
    }
    const canned = queued.shift() ?? always;
    if (canned) {
      record(canned.status, null);
      return send(canned.status, canned.body, canned.headers);
    }
    if (body.status === 'read') {
      record(200, null);
      return send(200, { success: true });
    }
    // As the Cloud API: a number goes in `to`, a business-scoped user id in `recipient` (`to` wins when both are given).
    const to = typeof body.to === 'string' ? body.to : null;
    const userId = to === null && typeof body.recipient === 'string' ? body.recipient : null;
    if (
      (to !== null && !/^\d{1,20}$/.test(to)) ||
      (to === null && (userId === null || !/^[A-Za-z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/.test(userId)))
    ) {
      record(400, null);
      return send(400, {
        error: {
          message: '(#100) Invalid parameter',
          type: 'OAuthException',
          code: 100,
          error_data: { details: 'to must be a phone number; recipient a business-scoped user id' },
        },
      });
    }
    const id = `wamid.STANDIN${randomBytes(12).toString('hex')}`;
    record(200, id);
    const contact = to !== null ? { input: to, wa_id: to } : { input: userId, user_id: userId };
    return send(200, { messaging_product: 'whatsapp', contacts: [contact], messages: [{ id }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    mediaRequests,
    uploads,
    addMedia: (mediaId, file) => media.set(mediaId, file),
    failNext: (...answers) => queued.push(...answers),
    failAlways: (answer) => (always = answer),
    recover: () => {
      always = null;
      delayMs = 0;
    },
    slowDown: (ms) => (delayMs = ms),
    messagesTo: (to) =>
      requests.filter((entry) => (entry.body.to ?? entry.body.recipient) === to && entry.status === 200),
    busiestWindow(windowMs = 1000) {
      const times = requests.map((entry) => entry.receivedAt).sort((a, b) => a - b);
      let most = 0;
      for (let first = 0, last = 0; last < times.length; last++) {
        while (times[last]! - times[first]! >= windowMs) first++;
        most = Math.max(most, last - first + 1);
      }
      return most;
    },
    async waitFor(predicate, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!predicate(requests)) {
        if (Date.now() > deadline)
          throw new Error(
            `the Cloud API stand-in never saw what was expected; it got:\n${JSON.stringify(requests, null, 1)}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    env: (extra = {}) => ({
      WHATSAPP_API_URL: url,
      WHATSAPP_ACCESS_TOKEN: STAND_IN_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: STAND_IN_PHONE_ID,
      WHATSAPP_APP_SECRET: WEBHOOK_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      OUTBOX_POLL_MS: '20',
      OUTBOX_RETRY_BASE_MS: '20',
      OUTBOX_RETRY_MAX_MS: '200',
      ...extra,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const WEBHOOK_SECRET = 'test-app-secret';
export const VERIFY_TOKEN = 'test-verify-token';
