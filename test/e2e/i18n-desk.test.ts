// Languages (issue 16), the desk area: for a Spanish browser the header, the contacts list and page, the keyboard
// shortcuts and the canned responses speak Spanish, counts take Spanish plurals and times the Spanish form, and the
// longer words still fit a 375 px screen.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/harness.js';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 740 };
const AMARA = '447700900931';

const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

describe.skipIf(!hasChromium)('the desk in Spanish', () => {
  const world = useServerAndBrowser();

  it('shows the header, contacts, shortcuts and canned responses in Spanish, fitting a phone', async () => {
    const ticket = async (issueDescription: string) =>
      (
        await world.server.ok('mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
          i: { phoneNumber: AMARA, issueDescription, senderName: 'Amara Nwosu' },
        })
      ).createTicket.id as string;
    const earlier = await ticket('No puedo entrar al campus virtual');
    await world.server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: earlier });
    await ticket('Me falta una asignatura en el horario');

    const context = await world.browser.newContext({ locale: 'es-ES', viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(world.server.url);
    await page.getByLabel('Correo electrónico').fill(ADMIN_EMAIL);
    await page.getByLabel('Contraseña').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByTestId('badge').waitFor();

    // The header, on every screen.
    const nav = page.getByRole('navigation', { name: 'Principal' });
    await nav.getByRole('link', { name: 'Respuestas rápidas' }).waitFor();
    await page.getByTestId('badge').filter({ hasText: 'sin asignar' }).waitFor();
    expect(await page.getByTestId('badge').innerText()).toMatch(/1\s+abierto\b/);
    await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();

    // The contacts list: a plural in Spanish (one contact, two tickets) and a relative time.
    await nav.getByRole('link', { name: 'Contactos' }).click();
    await page.getByRole('heading', { name: 'Contactos' }).waitFor();
    await page.getByText('1 contacto · primero los de contacto más reciente').waitFor();
    const row = page.getByTestId('contact-row');
    await row.getByText('2 tickets').waitFor();
    await row.getByText('hace un momento').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-desk-contacts-es-1440.png') });

    // The contact's page: headings, statuses and the time in the Spanish (24-hour) form.
    await row.getByRole('link', { name: /Amara Nwosu/ }).click();
    await page.getByRole('heading', { name: 'Tickets (2)' }).waitFor();
    await page.getByRole('heading', { name: 'Datos', exact: true }).waitFor();
    const meta = await page.locator('.contact-page .detail-head .muted').innerText();
    expect(meta).toMatch(/conocido desde \d{1,2}:\d{2}$/);
    expect(meta).not.toMatch(/AM|PM/);
    await page.getByTestId('contact-ticket').filter({ hasText: 'resuelto' }).waitFor();
    await page.getByRole('button', { name: 'Guardar notas' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-desk-contact-es-1440.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-desk-contact-es-375.png'), fullPage: true });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    // The keyboard shortcuts, rendered from the key map.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('?');
    await page.getByRole('heading', { name: 'Atajos de teclado' }).waitFor();
    await page.getByRole('heading', { name: 'Moverse' }).waitFor();
    await page.getByText('Siguiente ticket de la lista').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-desk-shortcuts-es-375.png') });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.keyboard.press('Escape');

    // Canned responses, on a phone.
    await page.goto(`${world.server.url}/canned-responses`);
    await page.getByRole('heading', { name: 'Nueva respuesta rápida' }).waitFor();
    await page.getByText('Todavía no hay respuestas rápidas: añade la primera abajo.').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-desk-canned-es-375.png'), fullPage: true });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-desk-canned-es-1440.png') });
    await context.close();
  }, 120_000);
});
