// Languages (issue 16): the dashboard speaks the agent's language from the message catalogs: Spanish for a
// browser that prefers it, English otherwise, and the agent's own choice on the Account page wins and stays;
// dates follow the browser's region.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/harness.js';

describe.skipIf(!hasChromium)('the dashboard in the agent’s language', () => {
  const world = useServerAndBrowser();

  it('greets a Spanish browser in Spanish, and follows the agent’s choice on the Account page', async () => {
    const context = await world.browser.newContext({ locale: 'es-MX', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(world.server.url);
    await page.getByRole('heading', { name: 'Mesa de soporte' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.getByRole('link', { name: 'crea una contraseña nueva' }).getAttribute('href')).toBe(
      '/reset-password',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-sign-in-es-1440.png') });

    // A wrong password is told in Spanish.
    await page.getByLabel('Correo electrónico').fill(ADMIN_EMAIL);
    await page.getByLabel('Contraseña').fill('not the password at all');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('alert').filter({ hasText: 'Correo o contraseña incorrectos.' }).waitFor();

    await page.getByLabel('Contraseña').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByTestId('badge').waitFor();

    await page.goto(`${world.server.url}/account`);
    await page.getByRole('heading', { name: 'Mis sesiones' }).waitFor();
    // Today's session reads in Spanish, its time in the browser's (Mexican) form.
    const session = page.getByTestId('session').filter({ hasText: 'Esta sesión' });
    expect(await session.innerText()).toMatch(/Inicio de sesión: \d{1,2}:\d{2}/);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-account-es-375.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });

    // The agent picks English: the page changes at once, and stays English after a reload.
    await page.getByLabel('Idioma del panel').selectOption('en');
    await page.getByRole('heading', { name: 'My sessions' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'My sessions' }).waitFor();
    // "As my browser" goes back to Spanish.
    await page.getByLabel('Dashboard language').selectOption('');
    await page.getByRole('heading', { name: 'Mis sesiones' }).waitFor();
    await context.close();
  }, 90_000);

  it('keeps an English browser in English', async () => {
    const context = await world.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(world.server.url);
    await page.getByRole('heading', { name: 'Support desk' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});
