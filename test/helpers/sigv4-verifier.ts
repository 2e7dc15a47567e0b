// An AWS Signature Version 4 check written from AWS's documentation with node:crypto alone, so that the S3
// stand-in does not check the desk's signatures with the desk's own signing code (aws4fetch). It follows the
// general rules (normalized, twice-encoded paths) and S3's (paths as sent, encoded once, never normalized), and
// is itself checked against AWS's published test suite (test/helpers/sigv4-verifier.test.ts).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
import { createHash, createHmac } from 'node:crypto';

/** A request as it arrived: nothing decoded, nothing merged. */
export interface ReceivedRequest {
  method: string;
  /** The request target: path and query string, exactly as sent. */
  target: string;
  /** Header lines in arrival order, names in any case, repeats kept. */
  headers: readonly (readonly [string, string])[];
  /** The payload; S3 signs the x-amz-content-sha256 header instead, so it is not read there. */
  body?: Buffer | string;
}

/** What the Authorization header claims. */
export interface Authorization {
  accessKeyId: string;
  /** `20150830` */
  day: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string | undefined): Authorization | null {
  const parts = AUTHORIZATION.exec(header ?? '');
  if (!parts) return null;
  const [, accessKeyId = '', day = '', region = '', service = '', signedHeaders = '', signature = ''] = parts;
  return { accessKeyId, day, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** RFC 3986 percent-encoding: every byte but A-Z a-z 0-9 - . _ ~ (encodeURIComponent leaves !'()* alone). */
const uriEncode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

const decodeOrKeep = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** RFC 3986 dot-segment removal, and empty segments (`//`) dropped, as the general rules ask. */
function normalizePath(path: string): string[] {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments;
}

function canonicalUri(path: string, service: string): string {
  // S3: the object name as sent, decoded and encoded once. Others: the path normalized, the sent form encoded again.
  if (service === 's3') return path.split('/').map(decodeOrKeep).map(uriEncode).join('/') || '/';
  const segments = normalizePath(path);
  if (!segments.length) return '/';
  const endsInDirectory = /\/(\.{0,2})$/.test(path);
  return `/${segments.map(uriEncode).join('/')}${endsInDirectory ? '/' : ''}`;
}

function canonicalQuery(query: string): string {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const [name, value] = equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
      return [uriEncode(decodeOrKeep(name)), uriEncode(decodeOrKeep(value))] as const;
    })
    .sort(([nameA, valueA], [nameB, valueB]) =>
      nameA !== nameB ? (nameA < nameB ? -1 : 1) : valueA < valueB ? -1 : valueA > valueB ? 1 : 0,
    )
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** Each signed header once, lower-case, its values trimmed, inner runs of spaces made one, repeats joined by commas. */
function canonicalHeaders(headers: ReceivedRequest['headers'], signedHeaders: readonly string[]): string {
  return signedHeaders
    .map((name) => {
      const values = headers
        .filter(([header]) => header.toLowerCase() === name)
        .map(([, value]) => value.trim().replace(/\s+/g, ' '));
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
}

export const headerValue = (request: ReceivedRequest, name: string): string | undefined =>
  request.headers.find(([header]) => header.toLowerCase() === name)?.[1];

export function canonicalRequest(request: ReceivedRequest, signedHeaders: readonly string[], service: string): string {
  const queryAt = request.target.indexOf('?');
  const path = queryAt < 0 ? request.target : request.target.slice(0, queryAt);
  const query = queryAt < 0 ? '' : request.target.slice(queryAt + 1);
  const payloadHash =
    service === 's3' ? (headerValue(request, 'x-amz-content-sha256') ?? '') : sha256(request.body ?? '');
  return [
    request.method.toUpperCase(),
    canonicalUri(path, service),
    canonicalQuery(query),
    canonicalHeaders(request.headers, signedHeaders),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

/** The signature the Authorization header should carry, for the secret key behind its access key id. */
export function expectedSignature(request: ReceivedRequest, claimed: Authorization, secretAccessKey: string): string {
  const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
  const amzDate = headerValue(request, 'x-amz-date') ?? '';
  const scope = [claimed.day, claimed.region, claimed.service, 'aws4_request'].join('/');
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    sha256(canonicalRequest(request, claimed.signedHeaders, claimed.service)),
  ].join('\n');
  const signingKey = [claimed.day, claimed.region, claimed.service, 'aws4_request'].reduce<Buffer | string>(
    hmac,
    `AWS4${secretAccessKey}`,
  );
  return hmac(signingKey, stringToSign).toString('hex');
}

/** Whether the request's Authorization header holds a valid signature made with this secret key. */
export function isSignedWith(request: ReceivedRequest, secretAccessKey: string): boolean {
  const claimed = parseAuthorization(headerValue(request, 'authorization'));
  return claimed !== null && expectedSignature(request, claimed, secretAccessKey) === claimed.signature;
}
