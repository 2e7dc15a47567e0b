// AWS Signature Version 4 for S3 requests, with node:crypto only: the Authorization header over the method,
// the path, the signed headers and the payload's SHA-256 (x-amz-content-sha256). The store sends no query
// strings, so none is signed. https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
import { createHash, createHmac } from 'node:crypto';

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** A path encoded as S3 signs it (RFC 3986: everything but unreserved characters), `/` kept. */
export const encodeS3Path = (path: string) =>
  path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');

/** `20130524T000000Z`, the form of x-amz-date. */
export const amzDate = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export interface SignatureInput {
  method: string;
  /** The path exactly as sent (already encoded). */
  path: string;
  /** The headers to sign, `host`, `x-amz-date` and `x-amz-content-sha256` among them. */
  headers: Record<string, string>;
  region: string;
  secretAccessKey: string;
}

export interface Signature {
  /** `20130524/us-east-1/s3/aws4_request` */
  scope: string;
  /** `host;x-amz-content-sha256;x-amz-date` */
  signedHeaders: string;
  signature: string;
}

/** The signature of one request without a query string, as S3 computes it to check ours. */
export function signatureV4(input: SignatureInput): Signature {
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const valueOf = (name: string) => headers.find(([header]) => header === name)?.[1] ?? '';
  const date = valueOf('x-amz-date');
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = [
    input.method,
    input.path,
    '',
    ...headers.map(([name, value]) => `${name}:${value}`),
    '',
    signedHeaders,
    valueOf('x-amz-content-sha256'),
  ].join('\n');
  const scope = `${date.slice(0, 8)}/${input.region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = [date.slice(0, 8), input.region, 's3', 'aws4_request'].reduce<Buffer | string>(
    (key, part) => hmac(key, part),
    `AWS4${input.secretAccessKey}`,
  );
  return { scope, signedHeaders, signature: hmac(signingKey, stringToSign).toString('hex') };
}

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The headers that sign a request to `url` (fetch sends `host` itself, from the same URL). */
export function signedHeadersFor(
  method: string,
  url: URL,
  payloadHash: string,
  region: string,
  credentials: S3Credentials,
  now = new Date(),
): Record<string, string> {
  const headers = { 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate(now) };
  const { scope, signedHeaders, signature } = signatureV4({
    method,
    path: url.pathname,
    headers: { host: url.host, ...headers },
    region,
    secretAccessKey: credentials.secretAccessKey,
  });
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}
