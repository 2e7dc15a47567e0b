// Message templates in a real browser against the real server and a Cloud API stand-in: an admin registers a
// template in Settings; on a ticket whose person last wrote 25 hours ago, the reply box offers templates, the
// agent fills the parameters (the name prefilled), sees the preview and sends it as a template message.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, eventually, uniquePhone } from '../helpers/harness.js';
import { dayAndAnHourAgo, openTicketOnWhatsapp } from '../helpers/whatsapp-person.js';

describe.skipIf(!hasChromium)('message templates in a browser', () => {
  const world = useBrowserWithCloudApi();

  it('after the window closed, an agent picks a template, fills it, previews it and sends it', async () => {
    const { server, standIn, browser } = world;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    const page = await signIn(context, server.url, ADMIN_EMAIL, ADMIN_PASSWORD, '/settings');
    const form = page.getByRole('form', { name: 'Add template' });
    await form.getByLabel('Template name').fill('ticket_follow_up');
    await form.getByLabel('Language').fill('en_GB');
    await form
      .getByLabel('Body')
      .fill('Hi {{1}}, we have an update on your ticket {{2}}. Reply to continue the conversation.');
    await form.getByRole('button', { name: 'Add template' }).click();
    await page.getByTestId('template-row').filter({ hasText: 'ticket_follow_up' }).waitFor();
    // A bad name is refused with WhatsApp's rule, and nothing is added.
    await form.getByLabel('Template name').fill('Follow Up');
    await form.getByLabel('Body').fill('Hi');
    await form.evaluate((element) => ((element as unknown as { noValidate: boolean }).noValidate = true));
    await form.getByRole('button', { name: 'Add template' }).click();
    await page.getByRole('alert').filter({ hasText: 'not a WhatsApp template name' }).waitFor();
    expect(await page.getByTestId('template-row').count()).toBe(1);

    const phone = uniquePhone();
    const { id: ticketId } = await openTicketOnWhatsapp(server, standIn, phone, {
      sentAt: dayAndAnHourAgo(),
      name: 'Tola Ade',
      issue: 'my certificate never arrived',
    });

    await page.goto(`${server.url}/tickets/${ticketId}`);
    await page.getByRole('heading', { name: /Tola Ade/ }).waitFor();
    // The window has closed: the box opens on the Template tab.
    await expect(page.getByRole('tab', { name: 'Template' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByText("WhatsApp's 24-hour reply window has closed").first().waitFor();
    await page.getByRole('combobox', { name: 'Template to send' }).selectOption({ label: 'ticket_follow_up (en_GB)' });
    await expect(page.getByLabel('{{1}}').inputValue()).resolves.toBe('Tola Ade');
    const send = page.getByRole('button', { name: 'Send template' });
    await expect(send.isDisabled()).resolves.toBe(true);
    await page.getByLabel('{{2}}').fill(`#${ticketId}`);
    const preview = page.getByLabel('Preview');
    await expect(preview.innerText()).resolves.toContain(
      `Hi Tola Ade, we have an update on your ticket #${ticketId}. Reply to continue the conversation.`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'template-picker.png') });

    await send.click();
    const sent = page.getByTestId('message').filter({ hasText: `we have an update on your ticket #${ticketId}` });
    await sent.waitFor();
    await sent.getByText('Template · ticket_follow_up').waitFor();
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 4);
    expect(standIn.messagesTo(phone)[3]!.body.template).toEqual({
      name: 'ticket_follow_up',
      language: { code: 'en_GB' },
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Tola Ade' },
            { type: 'text', text: `#${ticketId}` },
          ],
        },
      ],
    });
    await eventually(
      async () => ((await sent.getByLabel('Sent').count()) > 0 ? true : undefined),
      10_000,
      'the template to show as sent',
    );
    await context.close();
  });
});
