// Media in an S3-compatible bucket (MEDIA_STORE=s3): the store's requests, signed with SigV4 and checked by a
// stand-in bucket over real HTTP, and the desk end to end with its media kept there. The stand-in's own
// signature check is tested against AWS's published vectors in test/helpers/sigv4-verifier.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { LocalMediaStore } from '../../src/media/media.store.js';
import { S3MediaStore, type S3RetryOptions } from '../../src/media/s3.store.js';
import { createTicket, databases, eventually, uniquePhone, useServerWithCloudApi } from '../helpers/harness.js';
import { tinyPng } from '../helpers/png.js';
import { freePort } from '../helpers/process.js';
import { useS3StandIn } from '../helpers/s3-stand-in.js';
import { sendPhotoOnWhatsapp } from '../helpers/whatsapp-person.js';

const KEY = /^\d{4}-\d{2}\/[0-9a-f]{32}$/;

describe('the S3 media store against a stand-in bucket', () => {
  const bucket = useS3StandIn();
  const store = (overrides = {}, retry: Partial<S3RetryOptions> = { retryBaseMs: 10 }) =>
    new S3MediaStore(bucket.s3.config(overrides), retry);

  it('puts, gets and removes an object under the prefix; removing it again is no error', async () => {
    const png = tinyPng();
    const desk = store({ prefix: 'desk/' });
    const key = await desk.put(png);
    expect(key).toMatch(KEY);
    expect(bucket.s3.objects.get(`desk/${key}`)?.equals(png)).toBe(true);
    expect((await desk.get(key)).equals(png)).toBe(true);
    await desk.remove(key);
    expect(bucket.s3.objects.has(`desk/${key}`)).toBe(false);
    await expect(desk.remove(key)).resolves.toBeUndefined();
  });

  it('a wrong secret is refused with the status and S3 code, and the error never shows the secret', async () => {
    const error = await store({ secretAccessKey: 'not-the-secret' })
      .put(tinyPng())
      .catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^S3 PUT \d{4}-\d{2}\/[0-9a-f]{32} failed: 403 SignatureDoesNotMatch/);
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain('not-the-secret');
    expect(bucket.s3.requests.at(-1)).toMatchObject({ method: 'PUT', status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('a missing object rejects as a missing file in MEDIA_DIR does, with code ENOENT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'support-media-'));
    try {
      const key = '2026-01/0123456789abcdef0123456789abcdef';
      await expect(new LocalMediaStore(dir).get(key)).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(store().get(key)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(bucket.s3.requests.at(-1)).toMatchObject({ method: 'GET', status: 404, code: 'NoSuchKey' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a key the desk did not make is refused before any request', async () => {
    const before = bucket.s3.requests.length;
    await expect(store().get('../other-bucket/secret')).rejects.toThrow('not a media store key');
    expect(bucket.s3.requests).toHaveLength(before);
  });

  it('a put answered 500 and then 503 is tried again and succeeds', async () => {
    bucket.s3.failNext(500, 503);
    const key = await store().put(tinyPng(8));
    expect(bucket.s3.requests.slice(-3).map((request) => request.status)).toEqual([500, 503, 200]);
    expect(bucket.s3.objects.has(key)).toBe(true);
  });

  it('a put that fails every attempt gives up with the last status and code', async () => {
    bucket.s3.failNext(500, 500, 503);
    await expect(store().put(tinyPng(8))).rejects.toThrow(/failed: 503 InternalError/);
  });

  it('an endpoint that refuses connections, or never answers, fails within the timeout', async () => {
    const down = new S3MediaStore(
      { ...bucket.s3.config(), endpoint: `http://127.0.0.1:${await freePort()}` },
      { attempts: 2, retryBaseMs: 10 },
    );
    await expect(down.put(tinyPng(8))).rejects.toThrow(/failed: network error: ECONNREFUSED/);
    bucket.s3.hang(true);
    try {
      const started = Date.now();
      await expect(store({ timeoutMs: 200 }, { attempts: 2, retryBaseMs: 10 }).put(tinyPng(8))).rejects.toThrow(
        /failed: no answer within 200 ms/,
      );
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      bucket.s3.hang(false);
    }
  });
});

describe('the S3 media store with temporary credentials (a session token)', () => {
  const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLE//session+token/with=odd-chars';
  const bucket = useS3StandIn({ sessionToken: SESSION_TOKEN });

  it('sends the session token as x-amz-security-token, signed with the rest', async () => {
    const store = new S3MediaStore(bucket.s3.config(), { retryBaseMs: 10 });
    const key = await store.put(tinyPng(9));
    expect((await store.get(key)).equals(tinyPng(9))).toBe(true);
    await store.remove(key);
    expect(bucket.s3.requests.map(({ method, status }) => `${method} ${status}`)).toEqual([
      'PUT 200',
      'GET 200',
      'DELETE 204',
    ]);
    for (const request of bucket.s3.requests) {
      expect(request.securityToken).toBe(SESSION_TOKEN);
      expect(request.signedHeaders).toContain('x-amz-security-token');
    }
  });

  it('without the token, temporary credentials are refused (403 InvalidToken)', async () => {
    const store = new S3MediaStore(bucket.s3.config({ sessionToken: undefined }), { retryBaseMs: 10 });
    await expect(store.put(tinyPng(9))).rejects.toThrow(/failed: 403 InvalidToken/);
    expect(bucket.s3.requests.at(-1)).toMatchObject({ method: 'PUT', securityToken: null });
  });
});

describe('MEDIA_STORE=s3 settings', () => {
  it('names every missing variable, and never repeats the secret', () => {
    expect(() => loadConfig({ MEDIA_STORE: 's3', S3_SECRET_ACCESS_KEY: 'hush' })).toThrow(
      new ConfigError('S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID are required when MEDIA_STORE=s3'),
    );
    expect(() => loadConfig({ MEDIA_STORE: 'minio' })).toThrow('MEDIA_STORE must be local or s3, got "minio"');
    const complete = { MEDIA_STORE: 's3', S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'hush' };
    expect(() => loadConfig({ ...complete, S3_ENDPOINT: 'https://id:hush@s3.example.com' })).toThrow(
      /^S3_ENDPOINT must be an http\(s\) URL without credentials/,
    );
    expect(loadConfig({ ...complete, S3_ENDPOINT: 'http://127.0.0.1:9000/', S3_PREFIX: '/desk/' }).media.s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'media',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'hush',
      prefix: 'desk/',
      forcePathStyle: true,
      timeoutMs: 60_000,
    });
    expect(loadConfig({}).media.s3).toBeNull();
  });

  it('reads S3_SESSION_TOKEN for temporary credentials', () => {
    const complete = {
      MEDIA_STORE: 's3',
      S3_ENDPOINT: 'https://s3.eu-west-1.amazonaws.com',
      S3_BUCKET: 'media',
      S3_ACCESS_KEY_ID: 'ASIAEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'hush',
    };
    expect(loadConfig({ ...complete, S3_SESSION_TOKEN: 'session-token' }).media.s3?.sessionToken).toBe('session-token');
    expect(loadConfig(complete).media.s3?.sessionToken).toBeUndefined();
  });
});

describe.each(databases)('media in an S3-compatible bucket on %s', (kind) => {
  const bucket = useS3StandIn();
  const world = useServerWithCloudApi(kind, () =>
    bucket.s3.env({ S3_PREFIX: 'desk', MEDIA_POLL_MS: '20', MEDIA_RETRY_BASE_MS: '20' }),
  );
  const objectsHolding = (bytes: Buffer) =>
    [...bucket.s3.objects].filter(([, stored]) => stored.equals(bytes)).map(([name]) => name);

  it('a photo from WhatsApp is fetched into the bucket and served to an agent through its signed URL', async () => {
    const phone = uniquePhone();
    await createTicket(world.server, { phoneNumber: phone });
    const png = tinyPng(20, [200, 30, 30]);
    const attachment = await sendPhotoOnWhatsapp(world.server, world.standIn, phone, png);
    expect(attachment).toMatchObject({ status: 'STORED', sizeBytes: png.length, error: null });
    expect(objectsHolding(png)).toEqual([expect.stringMatching(/^desk\/\d{4}-\d{2}\/[0-9a-f]{32}$/)]);

    const served = await fetch(`${world.server.url}${attachment.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

    // Gone from the bucket behind the desk's back: the agent is told it is missing (404), not a server error.
    for (const name of objectsHolding(png)) bucket.s3.objects.delete(name);
    const missing = await fetch(`${world.server.url}${attachment.url}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'the stored file is missing' });
  });

  it("an agent's attachment is kept in the bucket, sent from there, and erasing the number removes both files", async () => {
    const phone = uniquePhone();
    const { id: ticketId } = await createTicket(world.server, { phoneNumber: phone });
    const photo = tinyPng(21, [30, 200, 30]);
    expect((await sendPhotoOnWhatsapp(world.server, world.standIn, phone, photo)).status).toBe('STORED');
    const reply = tinyPng(22, [30, 30, 200]);
    const uploaded = await fetch(`${world.server.url}/media/uploads?filename=fix.png`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${world.server.adminToken}` },
      body: new Uint8Array(reply),
    });
    expect(uploaded.status).toBe(201);
    expect(objectsHolding(reply)).toHaveLength(1);
    const { id: attachmentId } = (await uploaded.json()) as { id: string };
    await world.server.ok(
      'mutation($t: ID!, $a: ID) { sendMessage(ticketId: $t, body: "Here is the fix", attachmentId: $a) { id } }',
      { t: ticketId, a: attachmentId },
    );
    await eventually(
      async () => (world.standIn.uploads.some((upload) => upload.raw.includes(reply)) ? true : undefined),
      10_000,
      'the reply to be uploaded to the Cloud API',
    );

    await world.server.ok('mutation($p: String!) { erasePhoneNumber(phoneNumber: $p) { tickets } }', { p: phone });
    expect(objectsHolding(photo)).toEqual([]);
    expect(objectsHolding(reply)).toEqual([]);
    expect(
      bucket.s3.requests.filter((request) => request.method === 'DELETE').every((request) => request.status === 204),
    ).toBe(true);
  });
});
