// Settings › Bot messages in a real browser: an admin picks the bot's default language and edits a Spanish text;
// a bad text is refused with the server's message; the saved text is what the bot then sends.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('bot messages in Settings', () => {
  const world = useServerAndBrowser();

  for (const width of [1440, 375]) {
    it(`an admin sets the default language and a Spanish text at ${width} px; a bad text is refused`, async () => {
      const context = await world.browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
      const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('link', { name: 'Settings' }).click();
      const form = page.getByRole('form', { name: 'Bot messages' });
      await form.getByLabel('Default language').selectOption('es');
      await form.getByRole('radio', { name: 'Español' }).check();
      const confirmation = form.getByLabel('Ticket confirmation');
      expect(await confirmation.inputValue()).toContain('Tu solicitud de soporte #{{ticketNumber}} está abierta');

      // Without the placeholder the server refuses it, and says which one to keep.
      await confirmation.fill('Tu solicitud está abierta.');
      await form.getByRole('button', { name: 'Save bot messages' }).click();
      await form.getByRole('alert').filter({ hasText: 'must keep the placeholder {{ticketNumber}}' }).waitFor();
      expect((await world.server.ok('{ botMessages { defaultLanguage } }')).botMessages.defaultLanguage).toBe('en');

      await confirmation.fill(`Solicitud #{{ticketNumber}} abierta (${width}).`);
      await form.getByRole('button', { name: 'Save bot messages' }).click();
      await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await form.scrollIntoViewIfNeeded();
      await page
        .getByRole('region', { name: 'Bot messages' })
        .screenshot({ path: join(ARTIFACTS, `bot-messages-${width}.png`) });
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

      const saved = await world.server.ok(
        '{ botMessages { defaultLanguage languages { code messages { key text overridden } } } }',
      );
      expect(saved.botMessages.defaultLanguage).toBe('es');
      const spanish = saved.botMessages.languages.find((language: { code: string }) => language.code === 'es');
      expect(spanish.messages.find((message: { key: string }) => message.key === 'ticketOpened')).toEqual({
        key: 'ticketOpened',
        text: `Solicitud #{{ticketNumber}} abierta (${width}).`,
        overridden: true,
      });
      // Back to English for the next width.
      await world.server.ok(
        'mutation { setBotMessages(input: { defaultLanguage: "en", messages: [{ language: "es", key: "ticketOpened", text: null }] }) { defaultLanguage } }',
      );
      await context.close();
    });
  }
});
