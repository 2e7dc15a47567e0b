// The API explorer (GraphiQL at /explorer) in a real browser, on a production-mode server: an admin opens it from
// Settings and runs a query and a live subscription with the session; a pasted API token speaks instead, and is
// kept nowhere; the page's Content-Security-Policy reports nothing; the dashboard's first screen carries none of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_UI_DIR } from '../../src/admin-ui.js';
import { ARTIFACTS, hasChromium, signIn, useServerAndBrowser } from '../helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/harness.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  WHATSAPP_APP_SECRET: 'browser-explorer-app-secret-0123456789',
  WHATSAPP_VERIFY_TOKEN: 'browser-explorer-verify',
};
const SEND =
  'mutation($p: String!, $n: String, $t: String, $c: String, $ct: String) { simulatorSend(phoneNumber: $p, name: $n, text: $t, choiceId: $c, choiceTitle: $ct) { id } }';
const INTROSPECT = '{ __schema { queryType { name } subscriptionType { name } } }';

/** Every CSP violation the page reports, as the console says it and as the DOM event says it. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(text));
  await context.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (event) => window.reportCspViolation(event.violatedDirective + ' ' + event.blockedURI));",
  });
  context.on('console', (message) => {
    if (/content security policy|refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Replaces the operation in GraphiQL's editor and runs it; `operation` is named, `name` is its name. */
async function run(page: Page, name: string, operation: string): Promise<void> {
  await page.locator('.graphiql-query-editor .monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(operation);
  // GraphiQL reads the editor a moment after an edit; the tab takes the operation's name once it has.
  await page.locator('.graphiql-tab').getByText(name, { exact: true }).waitFor();
  await page.getByRole('button', { name: /^Execute query/ }).click();
}

/** Waits for the schema, read through introspection: the docs list the subscription root. */
async function schemaShown(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
  await page.locator('.graphiql-doc-explorer').getByText('Subscription').first().waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: /Hide Documentation Explorer/i }).click();
}

const response = (page: Page) => page.locator('.result-window');

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 740 : 900 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe.skipIf(!hasChromium)('the API explorer', () => {
  const world = useServerAndBrowser(PRODUCTION);

  it('lets a signed-in admin open it from Settings, run a query and receive a subscription’s events', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const violations = await watchViolations(context);
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Open the API explorer' }).click();
    await page.waitForURL('**/explorer');
    await page.getByTestId('explorer-mode').getByText('Running as you, with your session.').waitFor();

    await schemaShown(page);
    await run(page, 'WhoAmI', 'query WhoAmI { me { name role } }');
    await response(page).getByText('"ADMIN"', { exact: true }).waitFor({ timeout: 15_000 });

    await run(page, 'NewTickets', 'subscription NewTickets { ticketCreated { senderName issueDescription } }');
    // The socket is up once the server counts the subscription; until then a ticket could pass unseen.
    await expect
      .poll(
        async () => {
          const phone = `4477009${String(Date.now()).slice(-5)}`;
          const send = (variables: Record<string, string>) =>
            world.server.ok(SEND, { p: phone, n: 'Ivy Explorer', ...variables });
          await send({ t: 'Hello' });
          await send({ c: 'chat_support', ct: '💬 Chat Support' });
          await send({ t: 'ExplorerSeesThisTicket' });
          return response(page)
            .getByText('"ExplorerSeesThisTicket"', { exact: true })
            .first()
            .waitFor({ timeout: 5_000 })
            .then(() => true)
            .catch(() => false);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await screenshots(page, 'explorer');

    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);

  it('speaks with a pasted API token, kept in the page only, when nobody is signed in', async () => {
    const { createApiToken } = await world.server.ok(
      'mutation { createApiToken(name: "Explorer test", scopes: [READ]) { token } }',
    );
    const token: string = createApiToken.token;
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const violations = await watchViolations(context);
    const page = await context.newPage();
    const authorizations: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) authorizations.push(request.headers().authorization);
    });
    await page.goto(`${world.server.url}/explorer`);
    await page.getByText('to explore the API as yourself, or paste an API token above').waitFor();

    const field = page.getByLabel('API token', { exact: true });
    await field.fill('sat_not-a-real-token');
    await page.getByRole('button', { name: 'Use token' }).click();
    await page
      .getByRole('alert')
      .getByText(/The token was refused/)
      .waitFor();

    await field.fill(token);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page
      .getByTestId('explorer-mode')
      .getByText(/Running with the pasted API token/)
      .waitFor();
    await schemaShown(page);
    await run(page, 'WhoAmI', 'query WhoAmI { me { email } }');
    await response(page).getByText(ADMIN_EMAIL).waitFor({ timeout: 15_000 });
    expect(authorizations.at(-1)).toBe(`Bearer ${token}`);

    // A read-only token may not change anything: the server's refusal shows, not a silent failure. (Monaco draws
    // spaces as no-break spaces: the test looks for single words.)
    await run(page, 'TryWriting', 'mutation TryWriting { setAvailability(available: true) { id } }');
    await response(page).getByText('"FORBIDDEN"', { exact: true }).waitFor({ timeout: 15_000 });

    const stored = await page.evaluate(() =>
      [localStorage, sessionStorage].flatMap((storage) => Object.values(storage)).join('\n'),
    );
    expect(stored).not.toContain(token);
    expect((await context.cookies()).map((cookie) => cookie.value)).not.toContain(token);
    await screenshots(page, 'explorer-token');
    // A reload forgets it.
    await page.reload();
    await page.getByText('to explore the API as yourself, or paste an API token above').waitFor();
    expect(violations).toEqual([]);
    await context.close();
  }, 90_000);

  it('answers introspection in production to sessions and tokens, and refuses it to anonymous callers', async () => {
    const { createApiToken } = await world.server.ok(
      'mutation { createApiToken(name: "Introspection", scopes: [READ]) { token } }',
    );
    for (const token of [world.server.adminToken, createApiToken.token]) {
      expect((await world.server.ok(INTROSPECT, {}, token)).__schema).toEqual({
        queryType: { name: 'Query' },
        subscriptionType: { name: 'Subscription' },
      });
    }
    expect((await world.server.gql(INTROSPECT, {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the explorer off the dashboard’s first screen, whose page keeps the strict policy', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const assets: string[] = [];
    context.on('response', (answer) => {
      const path = new URL(answer.url()).pathname;
      if (/^\/assets\/.+\.(js|css)$/.test(path)) assets.push(path.slice(1));
    });
    const page = await signIn(context, world.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(assets.filter((asset) => /explorer|monaco|worker/i.test(asset))).toEqual([]);
    // What index.html names is the whole first screen, and it is within the budget (scripts/bundle-size.mjs).
    const html = readFileSync(join(ADMIN_UI_DIR, 'index.html'), 'utf8');
    const named = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
    expect(named.filter((asset) => /explorer|monaco/i.test(asset))).toEqual([]);
    const gzipped = named.reduce((sum, asset) => sum + gzipSync(readFileSync(join(ADMIN_UI_DIR, asset))).length, 0);
    expect(gzipped).toBeLessThan(250 * 1024);

    const policy = async (path: string) =>
      (await fetch(world.server.url + path)).headers.get('content-security-policy') ?? '';
    expect(await policy('/')).toMatch(/style-src 'self';/);
    expect(await policy('/settings')).toMatch(/style-src 'self';/);
    expect(await policy('/explorer')).toMatch(/style-src 'self' 'unsafe-inline';/);
    expect(await policy('/explorer')).toMatch(/script-src 'self';/);
    await page.close();
    await context.close();
  });
});
