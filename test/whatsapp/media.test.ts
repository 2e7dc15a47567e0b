// Media a person sends: fetched from the Cloud API in the background, checked, stored, shown in the
// thread, and served to signed-in agents only; refusals and failures show with their reason.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverError, STAND_IN_TOKEN, type StandInMedia } from '../helpers/cloud-api-stand-in.js';
import {
  databases,
  eventually,
  inboundMessage,
  postWebhook,
  REDIS_PORT,
  redisAnswers,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';
import { tinyPng } from '../helpers/png.js';
import { request as httpRequest } from 'node:http';

const THREAD = `query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { edges { node { messages(last: 20) { edges { node {
  id body attachment { id kind status mimeType filename caption sizeBytes error url } } } } } } } }`;

const MB = 1024 * 1024;

/** What POST /media/uploads answers: the file, or why it was refused. */
interface UploadAnswer {
  id: string;
  kind: string;
  mimeType: string;
  sizeBytes: number;
  error: string;
}

/** POST /media/uploads as an agent: the admin's token unless another (or none: null) is given. */
const uploadTo = (
  server: TestServer,
  bytes: Buffer,
  contentType: string,
  options: { filename?: string; token?: string | null } = {},
) =>
  fetch(`${server.url}/media/uploads${options.filename ? `?filename=${encodeURIComponent(options.filename)}` : ''}`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(options.token === null ? {} : { authorization: `Bearer ${options.token ?? server.adminToken}` }),
    },
    body: new Uint8Array(bytes),
  });

describe.each(databases)('media from WhatsApp on %s', (kind) => {
  const world = useServerWithCloudApi(kind, {
    MEDIA_FETCH_MAX_ATTEMPTS: '2',
    MEDIA_RETRY_BASE_MS: '20',
    MEDIA_POLL_MS: '20',
    MEDIA_FETCH_TIMEOUT_MS: '300',
    MEDIA_MAX_BYTES: String(10 * MB),
  });

  /** A ticket for a new number (opened through the API), then the person sends this media message. */
  async function personSends(
    type: 'image' | 'document' | 'audio' | 'video',
    file: StandInMedia | null,
    extra: Record<string, unknown> = {},
  ) {
    const phone = uniquePhone();
    await world.server.ok('mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
      i: { phoneNumber: phone, issueDescription: 'Opened by an agent' },
    });
    const mediaId = `${Date.now()}${randomBytes(3).readUIntBE(0, 3)}`;
    if (file) world.standIn.addMedia(mediaId, file);
    const { body } = inboundMessage(phone, {
      type,
      [type]: { id: mediaId, mime_type: file?.mimeType ?? 'image/png', ...extra },
    });
    const started = Date.now();
    const response = await postWebhook(world.server, body);
    return { phone, mediaId, status: response.status, answeredInMs: Date.now() - started };
  }

  const attachmentOf = async (phone: string) => {
    const data = await world.server.ok(THREAD, { phone });
    return data.tickets.edges[0].node.messages.edges.at(-1).node.attachment;
  };
  const settled = (phone: string) =>
    eventually(
      async () => {
        const attachment = await attachmentOf(phone);
        return attachment && attachment.status !== 'PENDING' ? attachment : undefined;
      },
      10_000,
      'the media to be stored or to fail',
    );

  it('an image is fetched with the access token, stored, and served through a signed URL with its type', async () => {
    const png = tinyPng();
    const sent = await personSends('image', { bytes: png, mimeType: 'image/png' }, { caption: 'the error I get' });
    expect(sent.status).toBe(200);
    const attachment = await settled(sent.phone);
    expect(attachment).toMatchObject({
      kind: 'IMAGE',
      status: 'STORED',
      mimeType: 'image/png',
      sizeBytes: png.length,
      caption: 'the error I get',
      error: null,
    });
    // The list's preview reads the photo and its caption, never WhatsApp's internal media id.
    const listed = await world.server.ok(
      'query($p: String!) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { lastMessage { body } } } } }',
      { p: sent.phone },
    );
    expect(listed.tickets.edges[0].node.lastMessage.body).toBe('📷 Photo — the error I get');
    expect(
      world.standIn.mediaRequests
        .filter((request) => request.path.includes(sent.mediaId))
        .every((request) => request.authorization === `Bearer ${STAND_IN_TOKEN}`),
    ).toBe(true);
    expect(attachment.url).toMatch(new RegExp(`^/media/${attachment.id}\\?expires=\\d+&signature=`));

    const served = await fetch(`${world.server.url}${attachment.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it('erasing a phone number removes its stored files from the media folder too', async () => {
    const sent = await personSends('image', { bytes: tinyPng(), mimeType: 'image/png' });
    expect((await settled(sent.phone)).status).toBe('STORED');
    const filesInStore = () =>
      readdirSync(world.server.server.services.config.media.dir, { recursive: true }).filter((name) =>
        /[0-9a-f]{32}$/.test(String(name)),
      ).length;
    const before = filesInStore();
    await world.server.ok('mutation($p: String!) { erasePhoneNumber(phoneNumber: $p) { tickets } }', { p: sent.phone });
    expect(filesInStore()).toBe(before - 1);
  });

  it('serves media only to signed-in agents: no token or a forged signature is 401, a bearer token works', async () => {
    const sent = await personSends('image', { bytes: tinyPng(8), mimeType: 'image/png' });
    const { id, url } = await settled(sent.phone);
    expect((await fetch(`${world.server.url}/media/${id}`)).status).toBe(401);
    // A different first character, whatever the real one is (replacing it with a fixed one failed one hour in 64).
    const forged = url.replace(
      /signature=(.)/,
      (_match: string, first: string) => `signature=${first === 'A' ? 'B' : 'A'}`,
    );
    expect(forged).not.toBe(url);
    expect((await fetch(`${world.server.url}${forged}`)).status).toBe(401);
    expect((await fetch(`${world.server.url}/media/${id}?expires=99999999999&signature=x`)).status).toBe(401);
    expect(
      (await fetch(`${world.server.url}/media/${id}`, { headers: { authorization: 'Bearer not-a-token' } })).status,
    ).toBe(401);
    const withToken = await fetch(`${world.server.url}/media/${id}`, {
      headers: { authorization: `Bearer ${world.server.adminToken}` },
    });
    expect(withToken.status).toBe(200);
    // WRITE includes READ: an uploader's token sees media too.
    const writer = await world.server.ok('mutation { createApiToken(name: "uploader", scopes: [WRITE]) { token } }');
    expect(
      (
        await fetch(`${world.server.url}/media/${id}`, {
          headers: { authorization: `Bearer ${writer.createApiToken.token}` },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await fetch(`${world.server.url}/media/99999999`, {
          headers: { authorization: `Bearer ${world.server.adminToken}` },
        })
      ).status,
    ).toBe(404);
  });

  it('a document is served as an attachment with its name, never inline', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% a tiny test document\n');
    const sent = await personSends(
      'document',
      { bytes: pdf, mimeType: 'application/pdf' },
      { filename: 'résumé "final".pdf' },
    );
    const attachment = await settled(sent.phone);
    expect(attachment).toMatchObject({
      kind: 'DOCUMENT',
      status: 'STORED',
      filename: 'résumé "final".pdf',
      sizeBytes: pdf.length,
    });
    const served = await fetch(`${world.server.url}${attachment.url}`);
    expect(served.headers.get('content-disposition')).toBe(
      `attachment; filename="r_sum_ _final_.pdf"; filename*=UTF-8''${encodeURIComponent('résumé "final".pdf')}`,
    );
  });

  it('refuses a type outside the allow-list at once, without fetching it', async () => {
    const sent = await personSends(
      'document',
      { bytes: Buffer.from('<svg onload="alert(1)"/>'), mimeType: 'image/svg+xml' },
      { filename: 'x.svg' },
    );
    expect(sent.status).toBe(200);
    const attachment = await attachmentOf(sent.phone);
    expect(attachment).toMatchObject({
      status: 'FAILED',
      error: 'refused: image/svg+xml is not an allowed document type',
      url: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(world.standIn.mediaRequests.some((request) => request.path.includes(sent.mediaId))).toBe(false);
  });

  it("refuses files over WhatsApp's limit for their kind, and over the desk's maximum, before downloading", async () => {
    const image = await personSends('image', { bytes: tinyPng(), mimeType: 'image/jpeg', fileSize: 6 * MB });
    expect(await settled(image.phone)).toMatchObject({
      status: 'FAILED',
      error: 'refused: 6.0 MB is over the 5.0 MB limit for image files',
    });
    const video = await personSends('video', {
      bytes: Buffer.from('not really a video'),
      mimeType: 'video/mp4',
      fileSize: 12 * MB,
    });
    expect(await settled(video.phone)).toMatchObject({
      status: 'FAILED',
      error: 'refused: 12.0 MB is over the 10.0 MB limit for video files',
    });
    const downloads = world.standIn.mediaRequests.filter(
      (request) =>
        request.path.startsWith('/media-download/') &&
        (request.path.includes(image.mediaId) || request.path.includes(video.mediaId)),
    );
    expect(downloads).toHaveLength(0);
  });

  it('a media id WhatsApp no longer knows (404) fails at once with the reason', async () => {
    const sent = await personSends('audio', null, { mime_type: 'audio/ogg; codecs=opus' });
    const attachment = await settled(sent.phone);
    expect(attachment.status).toBe('FAILED');
    expect(attachment.error).toContain('Object does not exist');
  });

  it('a download of the wrong size is retried, then given up with the reason', async () => {
    const png = tinyPng();
    const sent = await personSends('image', { bytes: png, mimeType: 'image/png', fileSize: png.length + 10 });
    expect(await settled(sent.phone)).toMatchObject({
      status: 'FAILED',
      error: `gave up after 2 attempts: download was ${png.length} bytes, WhatsApp said ${png.length + 10}`,
    });
  });

  it('a corrupt download (hash mismatch) is fetched again and stored; one that never matches fails', async () => {
    const png = tinyPng(16);
    const corrupt = Buffer.from(png).fill(0, 40, 60);
    const healed = await personSends('image', { bytes: png, mimeType: 'image/png', firstDownload: corrupt });
    expect(await settled(healed.phone)).toMatchObject({ status: 'STORED', sizeBytes: png.length });
    const wrong = await personSends('image', {
      bytes: png,
      mimeType: 'image/png',
      sha256: createHash('sha256').update('other').digest('hex'),
    });
    expect(await settled(wrong.phone)).toMatchObject({
      status: 'FAILED',
      error: 'gave up after 2 attempts: the download does not match the SHA-256 WhatsApp gave',
    });
  });

  it('a slow download does not hold up the webhook: it answers at once, and the fetch times out and is retried', async () => {
    const sent = await personSends('image', { bytes: tinyPng(), mimeType: 'image/png', downloadDelayMs: 1500 });
    expect(sent.status).toBe(200);
    expect(sent.answeredInMs).toBeLessThan(1000);
    expect((await attachmentOf(sent.phone)).status).toBe('PENDING');
    expect(await settled(sent.phone)).toMatchObject({
      status: 'FAILED',
      error: 'gave up after 2 attempts: no answer within 300 ms',
    });
  });

  it('a person whose first message to Chat Support is a photo opens a ticket that shows it', async () => {
    const phone = uniquePhone();
    const { body: hi } = inboundMessage(phone, {
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: 'chat_support', title: '💬 Chat Support' } },
    });
    expect((await postWebhook(world.server, hi)).status).toBe(200);
    const mediaId = `first${randomBytes(4).toString('hex')}`;
    world.standIn.addMedia(mediaId, { bytes: tinyPng(), mimeType: 'image/png' });
    const { body } = inboundMessage(phone, {
      type: 'image',
      image: { id: mediaId, mime_type: 'image/png', caption: 'this screen' },
    });
    expect((await postWebhook(world.server, body)).status).toBe(200);
    const thread = await eventually(async () => {
      const data = await world.server.ok(THREAD, { phone });
      const first = data.tickets.edges[0]?.node.messages.edges[0]?.node;
      return first?.attachment?.status === 'STORED' ? first : undefined;
    });
    expect(thread.attachment).toMatchObject({ kind: 'IMAGE', caption: 'this screen' });
    const listed = await world.server.ok(
      'query($p: String!) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { issueDescription } } } }',
      { p: phone },
    );
    expect(listed.tickets.edges[0].node.issueDescription).toBe('📷 Photo — this screen');
  });
});

describe.each(databases)('agents attaching files to replies on %s', (kind) => {
  const world = useServerWithCloudApi(kind, { MEDIA_MAX_BYTES: String(10 * MB) });

  const upload = (bytes: Buffer, contentType: string, options: { filename?: string; token?: string | null } = {}) =>
    uploadTo(world.server, bytes, contentType, options);
  const answer = async (response: Promise<Response> | Response) => (await (await response).json()) as UploadAnswer;
  const SEND = `mutation($t: ID!, $b: String!, $a: ID) { sendMessage(ticketId: $t, body: $b, attachmentId: $a) {
    id body deliveryStatus attachment { id kind status mimeType filename sizeBytes url } } }`;

  /** A ticket whose person has just written, so that the reply window is open. */
  async function openConversation() {
    const phone = uniquePhone();
    const { createTicket } = await world.server.ok(
      'mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }',
      { i: { phoneNumber: phone, issueDescription: 'Needs a form' } },
    );
    expect(
      (
        await postWebhook(
          world.server,
          inboundMessage(phone, { type: 'text', text: { body: 'Can you send me the form?' } }).body,
        )
      ).status,
    ).toBe(200);
    return { phone, ticketId: createTicket.id as string };
  }
  const messageCount = async (ticketId: string) =>
    (await world.server.ok('query($id: ID!) { ticket(id: $id) { messageCount } }', { id: ticketId })).ticket
      .messageCount;

  it('refuses uploads without a token (401), of a type WhatsApp does not carry (415), too large for their kind (413) or empty (400)', async () => {
    expect((await upload(tinyPng(), 'image/png', { token: null })).status).toBe(401);
    const html = await upload(Buffer.from('<script>alert(1)</script>'), 'text/html', { filename: 'x.html' });
    expect(html.status).toBe(415);
    expect((await answer(html)).error).toMatch(/^text\/html is not a type WhatsApp carries/);
    const big = await upload(Buffer.alloc(6 * MB, 1), 'image/png');
    expect(big.status).toBe(413);
    expect((await answer(big)).error).toBe('6.0 MB is over the 5.0 MB limit for image files');
    expect((await upload(Buffer.alloc(0), 'application/pdf')).status).toBe(400);
  });

  it('a reply with an image is uploaded to the Cloud API, sent by its media id with the caption, and delivered like any reply', async () => {
    const { phone, ticketId } = await openConversation();
    const png = tinyPng(32);
    const uploaded = await upload(png, 'image/png', { filename: 'fix.png' });
    expect(uploaded.status).toBe(201);
    const file = await answer(uploaded);
    expect(file).toMatchObject({ kind: 'IMAGE', mimeType: 'image/png', sizeBytes: png.length });
    world.standIn.failNext(serverError); // the first upload fails and is retried
    const { sendMessage } = await world.server.ok(SEND, { t: ticketId, b: 'Here is the fix', a: file.id });
    expect(sendMessage).toMatchObject({
      body: 'Here is the fix',
      deliveryStatus: 'PENDING',
      attachment: { id: file.id, kind: 'IMAGE', status: 'STORED' },
    });
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).some((request) => request.body.type === 'image'));
    const sent = world.standIn.messagesTo(phone).find((request) => request.body.type === 'image')!;
    const uploadedToApi = world.standIn.uploads.find((entry) => entry.id === sent.body.image.id)!;
    expect(sent.body.image).toEqual({ id: uploadedToApi.id, caption: 'Here is the fix' });
    expect(uploadedToApi.contentType).toMatch(/^multipart\/form-data/);
    expect(uploadedToApi.raw.includes(png)).toBe(true);
    expect(world.standIn.uploads.filter((entry) => entry.raw.includes(png))).toHaveLength(1);
    await eventually(async () => {
      const data = await world.server.ok('query($id: ID!) { ticket(id: $id) { lastMessage { deliveryStatus } } }', {
        id: ticketId,
      });
      return data.ticket.lastMessage.deliveryStatus === 'SENT' ? true : undefined;
    });
    const served = await fetch(`${world.server.url}${sendMessage.attachment.url}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it('a document may go without a caption: it is sent with its file name', async () => {
    const { phone, ticketId } = await openConversation();
    const file = await answer(upload(Buffer.from('%PDF-1.4 the form'), 'application/pdf', { filename: 'form.pdf' }));
    const { sendMessage } = await world.server.ok(SEND, { t: ticketId, b: '  ', a: file.id });
    expect(sendMessage.body).toBe('📎 form.pdf');
    await world.standIn.waitFor(() =>
      world.standIn.messagesTo(phone).some((request) => request.body.type === 'document'),
    );
    const sent = world.standIn.messagesTo(phone).find((request) => request.body.type === 'document')!;
    expect(sent.body.document).toEqual({ id: expect.stringMatching(/^upload/), filename: 'form.pdf' });
  });

  it('a reply with a file held back because another agent replied keeps its file: sent anyway, the same file goes', async () => {
    const { phone, ticketId } = await openConversation();
    const colleague = await world.server.createAgent('Cora Crossing');
    const typingSince = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await world.server.ok(SEND, { t: ticketId, b: 'Cora: the form is on its way' }, colleague.token);
    const file = await answer(
      upload(Buffer.from('%PDF-1.4 the held form'), 'application/pdf', { filename: 'held.pdf' }),
    );
    const HELD =
      'mutation($t: ID!, $b: String!, $a: ID, $since: DateTime) { sendMessage(ticketId: $t, body: $b, attachmentId: $a, typingSince: $since) { id } }';
    const held = await world.server.gql(
      HELD,
      { t: ticketId, b: 'Here it is', a: file.id, since: typingSince },
      world.server.adminToken,
    );
    expect(held.errors?.[0]?.extensions?.code).toBe('OTHER_AGENT_REPLIED');

    const { sendMessage } = await world.server.ok(SEND, { t: ticketId, b: 'Here it is', a: file.id });
    expect(sendMessage).toMatchObject({
      body: 'Here it is',
      attachment: { id: file.id, kind: 'DOCUMENT', filename: 'held.pdf', status: 'STORED' },
    });
    await world.standIn.waitFor(() =>
      world.standIn.messagesTo(phone).some((request) => request.body.type === 'document'),
    );
    const sent = world.standIn.messagesTo(phone).find((request) => request.body.type === 'document')!;
    expect(sent.body.document).toEqual({
      id: expect.stringMatching(/^upload/),
      filename: 'held.pdf',
      caption: 'Here it is',
    });
  });

  it('an unknown attachment, another agent’s upload, or one already sent is BAD_USER_INPUT and adds nothing', async () => {
    const { ticketId } = await openConversation();
    const before = await messageCount(ticketId);
    const colleague = await world.server.createAgent('Cora Colleague');
    const theirs = await answer(upload(tinyPng(), 'image/png', { token: colleague.token }));
    const mine = await answer(upload(tinyPng(), 'image/png'));
    await world.server.ok(SEND, { t: ticketId, b: 'first', a: mine.id });
    for (const [attachmentId, message] of [
      ['999999', /is not a file you uploaded/],
      [theirs.id, /is not a file you uploaded/],
      [mine.id, /was already sent/],
    ] as const) {
      const result = await world.server.gql(
        SEND,
        { t: ticketId, b: 'again', a: attachmentId },
        world.server.adminToken,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await messageCount(ticketId)).toBe(before + 1);
  });
});

const redisAvailable = await redisAnswers('the upload limit counted in Redis');
const limiters: [string, Record<string, string>][] = [
  ['in memory', {}],
  ...(redisAvailable
    ? [
        [
          'in Redis',
          { REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`, REDIS_PREFIX: `test:${randomBytes(4).toString('hex')}:` },
        ] as [string, Record<string, string>],
      ]
    : []),
];

describe.each(limiters)('the upload limit, counted %s', (_where, env) => {
  const world = useServerWithCloudApi('sqlite', { ...env, RATE_LIMIT_UPLOADS_PER_MINUTE: '3' });
  const filesInStore = () =>
    readdirSync(world.server.server.services.config.media.dir, { recursive: true }).filter((name) =>
      /[0-9a-f]{32}$/.test(String(name)),
    ).length;

  it('past RATE_LIMIT_UPLOADS_PER_MINUTE a caller is answered 429 with Retry-After, and nothing is stored; another caller still uploads', async () => {
    const pdf = Buffer.from('%PDF-1.4 one of many');
    for (let i = 0; i < 3; i++) expect((await uploadTo(world.server, pdf, 'application/pdf')).status).toBe(201);
    const stored = filesInStore();
    const refused = await uploadTo(world.server, pdf, 'application/pdf', { filename: 'fourth.pdf' });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await refused.json()).toEqual({
      error: `Too many uploads: at most 3 a minute from this sign-in or token; try again in ${retryAfter} s`,
    });
    expect(filesInStore()).toBe(stored);

    const colleague = await world.server.createAgent('Una Uploader');
    expect((await uploadTo(world.server, pdf, 'application/pdf', { token: colleague.token })).status).toBe(201);
    // Uploads have their own budget: the refused caller's GraphQL changes still go through.
    await world.server.ok('mutation { createApiToken(name: "still allowed", scopes: [READ]) { token } }');
  });

  it('a refused upload is answered from its headers, before its body is sent', async () => {
    // Announce 50 MB and send none of it: the answer comes anyway (401 without sign-in, 429 over the limit).
    const answerWithoutBody = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${world.server.url}/media/uploads`, {
          method: 'POST',
          headers: { 'content-type': 'application/pdf', 'content-length': String(50 * 1024 * 1024), ...headers },
        });
        request.on('response', (response) => {
          response.resume();
          request.destroy();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.flushHeaders();
        setTimeout(() => {
          request.destroy();
          reject(new Error('no answer before the body'));
        }, 3000);
      });
    expect(await answerWithoutBody({})).toBe(401);
    const pdf = Buffer.from('%PDF-1.4 spent');
    const agent = await world.server.createAgent('Ola Often');
    for (let i = 0; i < 3; i++)
      expect((await uploadTo(world.server, pdf, 'application/pdf', { token: agent.token })).status).toBe(201);
    expect(await answerWithoutBody({ authorization: `Bearer ${agent.token}` })).toBe(429);
  });
});
