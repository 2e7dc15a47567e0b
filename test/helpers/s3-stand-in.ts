// A local HTTP server that behaves like an S3-compatible bucket for PUT, GET and DELETE of objects: it checks
// every request's SigV4 signature with the known secret as S3 does (403 SignatureDoesNotMatch and friends,
// as XML), with its own check (sigv4-verifier.ts), not the desk's signing library; it can ask for a session
// token as temporary credentials do; it keeps objects in memory, and fails on demand (5xx, or no answer at all).
// Path-style only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { S3Config } from '../../src/config.js';
import { expectedSignature, parseAuthorization, type ReceivedRequest, sha256 } from './sigv4-verifier.js';

export const S3_ACCESS_KEY_ID = 'AKIDSTANDIN0001';
export const S3_SECRET = 'stand-in/secret+key=with-odd-chars';
export const S3_BUCKET = 'desk-media';
export const S3_REGION = 'eu-west-1';

export interface S3StandIn {
  url: string;
  /** Objects by name (without the bucket). */
  objects: Map<string, Buffer>;
  /** Every request, with what it was answered (`code` is S3's error code, if any). */
  requests: {
    method: string;
    path: string;
    status: number;
    code: string | null;
    /** The headers the Authorization header says were signed. */
    signedHeaders: string[];
    /** The x-amz-security-token header, if one came. */
    securityToken: string | null;
  }[];
  /** Answer the next requests with these statuses (500, 503…) before looking at them. */
  failNext(...statuses: number[]): void;
  /** Accept connections but never answer, until called with false. */
  hang(isHanging: boolean): void;
  /** The settings for an S3MediaStore pointing here. */
  config(overrides?: Partial<S3Config>): S3Config;
  /** Env for startServer that keeps the server's media here. */
  env(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

const errorXml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>STANDIN</RequestId></Error>`;

export interface S3StandInOptions {
  /** Act as temporary credentials do: every request must carry this x-amz-security-token, signed. */
  sessionToken?: string;
}

/** Why S3 would refuse this request's signature, or null when it holds. */
function refuseSignature(
  request: IncomingMessage,
  body: Buffer,
  options: S3StandInOptions,
): { status: number; code: string; message: string } | null {
  const received: ReceivedRequest = {
    method: request.method ?? '',
    target: request.url ?? '',
    headers: request.rawHeaders.flatMap((name, index) =>
      index % 2 === 0 ? [[name, request.rawHeaders[index + 1] ?? ''] as const] : [],
    ),
  };
  const claimed = parseAuthorization(request.headers.authorization);
  if (claimed?.service !== 's3')
    return { status: 403, code: 'AccessDenied', message: 'Missing or malformed AWS4-HMAC-SHA256 Authorization header' };
  const { accessKeyId, day, region, signedHeaders: names, signature } = claimed;
  if (accessKeyId !== S3_ACCESS_KEY_ID)
    return {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    };
  if (region !== S3_REGION)
    return {
      status: 400,
      code: 'AuthorizationHeaderMalformed',
      message: `the region '${region}' is wrong; expecting '${S3_REGION}'`,
    };
  if (!['host', 'x-amz-content-sha256', 'x-amz-date'].every((name) => names.includes(name))) {
    return { status: 403, code: 'AccessDenied', message: 'host, x-amz-content-sha256 and x-amz-date must be signed' };
  }
  // S3 refuses x-amz-* headers left out of the signature: someone on the way could have set them.
  if (Object.keys(request.headers).some((name) => name.startsWith('x-amz-') && !names.includes(name))) {
    return {
      status: 403,
      code: 'AccessDenied',
      message: 'There were headers present in the request which were not signed',
    };
  }
  if (options.sessionToken !== undefined && request.headers['x-amz-security-token'] !== options.sessionToken) {
    return { status: 403, code: 'InvalidToken', message: 'The provided token is malformed or otherwise invalid.' };
  }
  const date = String(request.headers['x-amz-date'] ?? '');
  const when = Date.parse(date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!date.startsWith(day) || !(Math.abs(Date.now() - when) < 15 * 60_000)) {
    return {
      status: 403,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
    };
  }
  if (request.headers['x-amz-content-sha256'] !== sha256(body)) {
    return {
      status: 400,
      code: 'XAmzContentSHA256Mismatch',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    };
  }
  if (expectedSignature(received, claimed, S3_SECRET) !== signature) {
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  }
  return null;
}

export async function startS3StandIn(options: S3StandInOptions = {}): Promise<S3StandIn> {
  const objects = new Map<string, Buffer>();
  const requests: S3StandIn['requests'] = [];
  const failures: number[] = [];
  let isHanging = false;
  const hanging = new Set<ServerResponse>();

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = (request.url ?? '').split('?')[0]!;
    if (isHanging) return void hanging.add(response);
    const answer = (status: number, code: string | null, payload: Buffer | string = '') => {
      requests.push({
        method: request.method ?? '',
        path,
        status,
        code,
        signedHeaders: parseAuthorization(request.headers.authorization)?.signedHeaders ?? [],
        securityToken: request.headers['x-amz-security-token']?.toString() ?? null,
      });
      response.writeHead(
        status,
        code ? { 'content-type': 'application/xml' } : { 'content-type': 'application/octet-stream' },
      );
      response.end(payload);
    };
    const failure = failures.shift();
    if (failure)
      return answer(
        failure,
        'InternalError',
        errorXml('InternalError', 'We encountered an internal error. Please try again.'),
      );
    const refusal = refuseSignature(request, body, options);
    if (refusal) return answer(refusal.status, refusal.code, errorXml(refusal.code, refusal.message));
    const [, bucket, ...rest] = path.split('/');
    const name = decodeURIComponent(rest.join('/'));
    if (bucket !== S3_BUCKET)
      return answer(404, 'NoSuchBucket', errorXml('NoSuchBucket', 'The specified bucket does not exist'));
    if (request.method === 'PUT') {
      objects.set(name, body);
      return answer(200, null);
    }
    if (request.method === 'DELETE') {
      objects.delete(name);
      return answer(204, null);
    }
    const stored = objects.get(name);
    if (request.method !== 'GET')
      return answer(
        405,
        'MethodNotAllowed',
        errorXml('MethodNotAllowed', 'The specified method is not allowed against this resource.'),
      );
    if (!stored) return answer(404, 'NoSuchKey', errorXml('NoSuchKey', 'The specified key does not exist.'));
    return answer(200, null, stored);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    objects,
    requests,
    failNext: (...statuses) => failures.push(...statuses),
    hang(value) {
      isHanging = value;
      if (!value) for (const response of hanging) response.destroy();
    },
    config: (overrides = {}) => ({
      endpoint: url,
      bucket: S3_BUCKET,
      region: S3_REGION,
      accessKeyId: S3_ACCESS_KEY_ID,
      secretAccessKey: S3_SECRET,
      prefix: '',
      forcePathStyle: true,
      timeoutMs: 2000,
      sessionToken: options.sessionToken,
      ...overrides,
    }),
    env: (extra = {}) => ({
      MEDIA_STORE: 's3',
      S3_ENDPOINT: url,
      S3_BUCKET,
      S3_REGION,
      S3_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: S3_SECRET,
      ...(options.sessionToken ? { S3_SESSION_TOKEN: options.sessionToken } : {}),
      ...extra,
    }),
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** For a describe block: an S3 stand-in started before the block's tests and closed after them. */
export function useS3StandIn(options: S3StandInOptions = {}) {
  const world = {} as { s3: S3StandIn };
  beforeAll(async () => {
    world.s3 = await startS3StandIn(options);
  });
  afterAll(() => world.s3?.close());
  return world;
}
