// Languages (issue 16): the ticket screens speak Spanish to a Spanish browser: the list (its pills, count, preview
// and the snooze date), a ticket's header, actions, snoozed banner, thread and reply box, with ICU plurals and
// dates in Spanish form; and the longer Spanish words still fit a phone's screen.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, useBrowserWithCloudApi } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTicket, openFromWhatsapp } from '../helpers/harness.js';

const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

describe.skipIf(!hasChromium)('the ticket screens in Spanish', () => {
  const world = useBrowserWithCloudApi({ OUTBOX_POLL_MS: '20' });

  it('shows the list, a ticket and the reply box in Spanish, with plurals and dates in Spanish form', async () => {
    const open = await openFromWhatsapp(world.server, 60_000);
    const snoozed = await createTicket(world.server, { senderName: 'Lucía Pérez', issueDescription: 'Mi certificado' });
    const until = new Date();
    until.setDate(until.getDate() + 3);
    until.setHours(9, 0, 0, 0);
    await world.server.ok(
      'mutation($id: ID!, $until: DateTime) { snoozeTicket(ticketId: $id, until: $until) { id } }',
      {
        id: snoozed.id,
        until: until.toISOString(),
      },
    );

    const context = await world.browser.newContext({
      locale: 'es-ES',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(world.server.url);
    await page.getByLabel('Correo electrónico').fill(ADMIN_EMAIL);
    await page.getByLabel('Contraseña').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();

    // The list: its count, the row's pills and who it is assigned to, in Spanish.
    const list = page.getByRole('region', { name: 'Tickets' });
    const row = list.locator(`li[data-ticket-id="${open.id}"]`);
    await row.waitFor();
    expect(await list.locator('.count').innerText()).toMatch(/^\d+ tickets?$/);
    expect(await row.locator('.row-meta').textContent()).toContain('abierto');
    expect(await row.locator('.row-meta').innerText()).toContain('Sin asignar');
    expect(await row.getByRole('checkbox').getAttribute('aria-label')).toMatch(/^Seleccionar el ticket de /);
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-tickets-list-es-1440.png') });

    // The snoozed ticket's banner and its date, in Spanish form ("hasta 5 dic 2026, 9:00").
    await page.goto(`${world.server.url}/tickets/${snoozed.id}`);
    const banner = page.getByTestId('snoozed-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/Pospuesto hasta \d{1,2} [a-z]{3,4}\.? \d{4}, 9:00/);
    expect(await banner.innerText()).toContain('Mientras tanto no aparece en la lista de abiertos.');
    await page.getByRole('button', { name: 'Reactivar' }).waitFor();
    await page.getByRole('button', { name: 'Asignármelo' }).waitFor();
    expect(await page.locator('.ticket-detail').getByLabel('Prioridad').locator('option:checked').innerText()).toBe(
      'Media',
    );

    // The open ticket: its thread and reply box; a long reply counts what is left with a Spanish plural.
    await page.goto(`${world.server.url}/tickets/${open.id}`);
    await page.getByRole('tab', { name: 'Responder' }).waitFor();
    await page.getByRole('tab', { name: 'Nota interna' }).waitFor();
    expect(await page.locator('.reply-box .window').innerText()).toMatch(
      /^La ventana de respuesta se cierra en \d+ h \d+ min$/,
    );
    const box = page.getByLabel('Respuesta al cliente');
    expect(await box.getAttribute('placeholder')).toContain('Escribe una respuesta…');
    await box.fill('a'.repeat(4000));
    await expect.poll(() => page.getByTestId('length-notice').innerText()).toBe('Quedan 96 caracteres');
    await box.fill('a'.repeat(4095));
    await expect.poll(() => page.getByTestId('length-notice').innerText()).toBe('Queda 1 carácter');
    await box.fill('¿Puedes enviarme una captura de pantalla?');
    await page.getByRole('button', { name: 'Enviar', exact: true }).click();
    const mine = page.getByTestId('message').filter({ hasText: '¿Puedes enviarme una captura' });
    await mine.waitFor();
    // Its delivery mark speaks Spanish, whichever step the outbox has reached.
    const ticks = mine.locator('.ticks');
    await ticks.waitFor();
    expect(['Enviando', 'Pendiente de envío', 'Enviado', 'Entregado', 'Leído']).toContain(
      await ticks.getAttribute('aria-label'),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-tickets-detail-es-1440.png') });

    // On a phone, the longer Spanish words still fit: nothing is wider than the screen.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('button', { name: /Acciones ▾/ }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-tickets-detail-es-375.png') });
    await page.getByRole('button', { name: /Acciones ▾/ }).click();
    await page.getByRole('button', { name: 'Resolver y pasar al siguiente…' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-tickets-actions-es-375.png'), fullPage: true });
    await page.goto(world.server.url);
    await page.locator(`li[data-ticket-id="${open.id}"]`).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'i18n-tickets-list-es-375.png') });
    await context.close();
  }, 120_000);
});
