// The browser tests' one set-up: Debian's Chromium (or CHROMIUM_PATH) through playwright-core, headless,
// screenshots into test-artifacts/, and an agent signing in.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startCloudApiStandIn, type CloudApiStandIn } from './cloud-api-stand-in.js';
import { startServer, type TestServer } from './harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}`);
  console.warn(`SKIPPING the browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

export function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens `path`, signs in there, and waits until the live subscriptions are registered. */
export async function signIn(
  context: BrowserContext,
  url: string,
  email: string,
  password: string,
  path = '/',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url + path);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('badge').waitFor();
  // Let the live subscriptions register before the test makes anything happen.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  return page;
}

/**
 * For a describe block: a server on SQLite whose WhatsApp channel talks to a Cloud API stand-in, and a browser,
 * started before the block's tests and closed after them. Read `.server`, `.standIn` and `.browser` inside tests.
 */
export function useBrowserWithCloudApi(env: Record<string, string> = {}) {
  const world = {} as { server: TestServer; standIn: CloudApiStandIn; browser: Browser };
  beforeAll(async () => {
    world.standIn = await startCloudApiStandIn();
    world.server = await startServer('sqlite', world.standIn.env(env));
    world.browser = await launchBrowser();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.server?.close();
    await world.standIn?.close();
  });
  return world;
}

/**
 * For a describe block: a SQLite server with the simulator on and a browser, started before its tests and
 * closed after them. Read `.server` and `.browser` inside tests.
 */
export function useServerAndBrowser(env: Record<string, string> = {}) {
  const world = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    world.server = await startServer('sqlite', { WHATSAPP_SIMULATOR: 'on', OUTBOX_POLL_MS: '20', ...env });
    world.browser = await launchBrowser();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.server?.close();
  });
  return world;
}
