// The agent's path in a real browser: a person sends a photo, a document and a file the desk refuses on
// WhatsApp; the open thread shows the photo inline (fetched through a signed URL), the document as a link
// with its name and size, and the refusal with its reason, live.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, launchBrowser, signIn } from '../helpers/browser.js';
import { startCloudApiStandIn, type CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  inboundMessage,
  postWebhook,
  startServer,
  uniquePhone,
  type TestServer,
} from '../helpers/harness.js';
import { tinyPng } from '../helpers/png.js';

describe.skipIf(!hasChromium)('media in the thread, in a browser', () => {
  let standIn: CloudApiStandIn;
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    server = await startServer('sqlite', standIn.env({ MEDIA_POLL_MS: '50' }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await standIn?.close();
  });

  const personSends = async (phone: string, content: Record<string, unknown>) => {
    expect((await postWebhook(server, inboundMessage(phone, content, { name: 'Sam Photo' }).body)).status).toBe(200);
  };

  it('shows the image inline, the document with its name and size, and a refused file with its reason', async () => {
    const phone = uniquePhone();
    await server.ok(
      'mutation($p: String!) { createTicket(input: { phoneNumber: $p, senderName: "Sam Photo", issueDescription: "The portal shows an error" }) { id } }',
      { p: phone },
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    page.setDefaultTimeout(8000);
    await page
      .getByRole('region', { name: 'Tickets' })
      .getByTestId('ticket-row')
      .filter({ hasText: 'Sam Photo' })
      .click();
    await page.getByTestId('message').filter({ hasText: 'The portal shows an error' }).waitFor();
    await page.waitForTimeout(300);

    // Arrives while the agent has the ticket open: shown at once, then the picture when it is stored.
    standIn.addMedia('e2e-image', { bytes: tinyPng(160, [22, 163, 74]), mimeType: 'image/png' });
    await personSends(phone, {
      type: 'image',
      image: { id: 'e2e-image', mime_type: 'image/png', caption: 'This is the error' },
    });
    const image = page.getByRole('img', { name: 'Image: This is the error' });
    await image.waitFor();
    await expect
      .poll(() =>
        image.evaluate((element) => {
          const picture = element as unknown as { complete: boolean; naturalWidth: number };
          return picture.complete && picture.naturalWidth;
        }),
      )
      .toBe(160);

    const pdf = Buffer.from('%PDF-1.4\n% timetable\n'.repeat(100));
    standIn.addMedia('e2e-doc', { bytes: pdf, mimeType: 'application/pdf' });
    await personSends(phone, {
      type: 'document',
      document: { id: 'e2e-doc', mime_type: 'application/pdf', filename: 'timetable.pdf' },
    });
    const documentLink = page.getByRole('list', { name: 'Messages' }).getByRole('link', { name: /timetable\.pdf/ });
    await documentLink.waitFor();
    expect(await documentLink.innerText()).toContain('2 KB');
    const href = await documentLink.getAttribute('href');
    const served = await fetch(server.url + href);
    expect(served.headers.get('content-disposition')).toContain('attachment; filename="timetable.pdf"');

    await personSends(phone, {
      type: 'document',
      document: { id: 'e2e-svg', mime_type: 'image/svg+xml', filename: 'drawing.svg' },
    });
    await page
      .getByText('Document (drawing.svg) not available: refused: image/svg+xml is not an allowed document type')
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'media.png') });

    // The agent answers with a picture: refused types are said at once; the picture goes out as an image message.
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<p>hi</p>') });
    await page
      .getByRole('alert')
      .filter({ hasText: 'page.html was not attached: text/html is not a type WhatsApp carries' })
      .waitFor();
    const answer = tinyPng(96, [234, 88, 12]);
    await fileInput.setInputFiles({ name: 'where-to-click.png', mimeType: 'image/png', buffer: answer });
    await page.getByTestId('reply-attachment').filter({ hasText: 'where-to-click.png' }).waitFor();
    await page.getByLabel('Reply to the customer').fill('Click the orange button');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const sentImage = page.getByRole('img', { name: 'Image: Click the orange button' });
    await sentImage.waitFor();
    await standIn.waitFor(() =>
      standIn
        .messagesTo(phone)
        .some((request) => request.body.type === 'image' && request.body.image.caption === 'Click the orange button'),
    );
    expect(standIn.uploads.some((entry) => entry.raw.includes(answer))).toBe(true);
    await page.getByTestId('message').filter({ has: sentImage }).getByLabel('Sent').waitFor();
    // The thread followed the picture as it loaded: the newest message is in view.
    const threadBox = page.getByRole('list', { name: 'Messages' });
    await expect
      .poll(() =>
        threadBox.evaluate((element) => {
          const box = element as unknown as { scrollHeight: number; scrollTop: number; clientHeight: number };
          return box.scrollHeight - box.scrollTop - box.clientHeight < 48;
        }),
      )
      .toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'media-reply.png') });
    await context.close();
  });
});
