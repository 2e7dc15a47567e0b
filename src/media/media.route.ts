// POST /media/uploads: an agent's file for a reply (raw bytes, its Content-Type, ?filename=).
// GET /media/:id: a stored file, for signed-in agents only (a bearer token, or a signed URL from the
// GraphQL API for <img>, <audio> and <video>). Served with its stored type, never sniffed or run: a
// sandboxing CSP, nosniff, and documents as attachments.
import type { MikroORM } from '@mikro-orm/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSettings } from '../auth/session-cookie.js';
import { rateLimitKey } from '../auth/caller.js';
import { ApiScope } from '../auth/auth.enums.js';
import { callerOf, requireCaller } from '../http/bearer.prehandler.js';
import { storeUpload, UploadRefused } from './media.service.js';
import { WHATSAPP_MAX_BYTES } from './media.policy.js';
import type { TokenCache } from '../auth/token-cache.js';
import type { Logger } from '../logger.js';
import { take } from '../rate-limit/rate-limiter.js';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { MediaFile, MediaKind, MediaStatus } from './media.entity.js';
import type { MediaUrlSigner } from './media.signing.js';
import type { MediaStore } from './media.store.js';

export interface MediaRouteDeps {
  orm: MikroORM;
  tokens: TokenCache;
  signer: MediaUrlSigner;
  store: MediaStore;
  logger: Logger;
  /** The desk's maximum file size (MEDIA_MAX_BYTES). */
  maxBytes: number;
  /** Uploads per session or API token per minute (RATE_LIMIT_UPLOADS_PER_MINUTE). */
  uploads: RateLimiterAbstract;
  cookies: CookieSettings;
  /** How long an upload's body may take to arrive (HTTP_UPLOAD_TIMEOUT_MS). */
  uploadTimeoutMs: number;
}

/** A file name safe in a header: printable ASCII for `filename`, the whole name UTF-8 encoded for `filename*`. */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string | null): string {
  if (!filename) return kind;
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function registerMediaRoute(http: FastifyInstance, deps: MediaRouteDeps): Promise<void> {
  // The largest file any kind may be, read raw; the per-kind limit is checked once the type is known.
  const bodyLimit = Math.min(deps.maxBytes, Math.max(...Object.values(WHATSAPP_MAX_BYTES)));
  await http.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
    // Who uploads, and whether they may, is settled from the headers before a byte of the body is read: a
    // refused caller (no sign-in, no WRITE, over the limit) cannot make the server take in 100 MB first.
    // A refusal also closes the connection: the body it announced is not waited for.
    const authenticate = requireCaller(deps, {
      scope: ApiScope.WRITE,
      forbidden: 'This token lacks the WRITE scope needed for a mutation',
      closeOnRefusal: true,
    });
    const limitUploads = async (request: FastifyRequest, reply: FastifyReply) => {
      const caller = callerOf(request);
      if (!caller) return; // refused by authenticate, its answer on the way
      const waitMs = await take(deps.uploads, rateLimitKey(caller));
      if (waitMs <= 0) return;
      const seconds = Math.ceil(waitMs / 1000);
      return reply
        .code(429)
        .header('retry-after', String(seconds))
        .header('connection', 'close')
        .send({
          error: `Too many uploads: at most ${deps.uploads.points} a minute from this sign-in or token; try again in ${seconds} s`,
        });
    };
    const routeOptions = {
      bodyLimit,
      onRequest: [authenticate, limitUploads],
      config: { bodyTimeoutMs: deps.uploadTimeoutMs },
    };
    scope.post<{ Querystring: { filename?: string } }>('/media/uploads', routeOptions, async (request, reply) => {
      const caller = callerOf(request)!;
      try {
        const file = await storeUpload(
          deps.orm.em.fork(),
          deps.store,
          caller.admin.id,
          {
            bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
            contentType: request.headers['content-type'],
            filename: request.query.filename,
          },
          deps.maxBytes,
        );
        return reply.code(201).send({
          id: String(file.id),
          kind: file.kind,
          mimeType: file.mimeType,
          filename: file.filename,
          sizeBytes: file.sizeBytes,
        });
      } catch (error) {
        if (error instanceof UploadRefused) return reply.code(error.status).send({ error: error.message });
        throw error;
      }
    });
  });

  type MediaRequest = FastifyRequest<{ Params: { id: string }; Querystring: { expires?: string; signature?: string } }>;
  const mediaId = (request: MediaRequest) => (/^\d{1,12}$/.test(request.params.id) ? Number(request.params.id) : null);
  // A signed URL (for <img>, <audio>, <video>) is enough on its own; otherwise the caller needs READ.
  const hasSignedUrl = (request: FastifyRequest) => {
    const { query } = request as MediaRequest;
    const id = mediaId(request as MediaRequest);
    return id !== null && deps.signer.isValid(id, query.expires, query.signature);
  };
  const preHandler = requireCaller(deps, {
    scope: ApiScope.READ,
    unauthenticated: 'sign in, or use the signed URL from the API',
    isAuthorizedOtherwise: hasSignedUrl,
  });
  http.get<{ Params: { id: string }; Querystring: { expires?: string; signature?: string } }>(
    '/media/:id',
    { preHandler },
    async (request, reply) => {
      const id = mediaId(request);
      const file = id === null ? null : await deps.orm.em.fork().findOne(MediaFile, id, { populate: ['message'] });
      if (!file || file.status !== MediaStatus.STORED || !file.storageKey || !file.mimeType)
        return reply.code(404).send({ error: 'no such stored media' });
      // The person deleted the message for everyone: its file is not shown again (retention removes the bytes).
      if (file.message?.deletedByPersonAt) return reply.code(404).send({ error: 'the person deleted this message' });
      const bytes = await deps.store.get(file.storageKey).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        deps.logger.error(
          { mediaId: file.id, storageKey: file.storageKey },
          'a stored media file is missing from the store',
        );
        return null;
      });
      if (!bytes) return reply.code(404).send({ error: 'the stored file is missing' });
      const inline = file.kind !== MediaKind.DOCUMENT;
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(bytes);
    },
  );
}
