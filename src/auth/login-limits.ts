// Brute-force protection for sign-in, after OWASP's guidance: failures are counted per account, per account and
// address, and (more loosely) per address. A browser that signed in to an account before carries a signed
// device cookie for it, and an address an account signed in from before is remembered: from those, only their
// own failures count, so strangers hammering an account (or a shared proxy address) do not lock its agent out.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '../errors.js';
import type { LimiterFactory } from '../rate-limit/rate-limiter.js';

const WINDOW_MS = 15 * 60_000;
/** One office can hold many agents: an address may fail more often than one account. */
const ADDRESS_FACTOR = 5;
/** How long an address stays known-good for an account after a successful sign-in (under the 24.8 days a timer can wait). */
const KNOWN_ADDRESS_MS = 14 * 24 * 3600_000;
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;

export interface SignInAttempt {
  email: string;
  /** The client's address (behind a proxy, from X-Forwarded-For when TRUST_PROXY says so). */
  ip: string;
  /** The device cookie the browser sent, if any. */
  device: string | undefined;
}

type Check = [limiter: RateLimiterAbstract, key: string];

export class LoginLimits {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAccountAndAddress: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;
  private readonly byDevice: RateLimiterAbstract;
  private readonly knownAddresses: RateLimiterAbstract;

  constructor(
    make: LimiterFactory,
    attempts: number,
    /** Signs device cookies; a new key (a restart without WHATSAPP_APP_SECRET) makes every device a stranger. */
    private readonly deviceKey: Buffer,
  ) {
    const window = { points: attempts, durationMs: WINDOW_MS };
    this.byAccount = make({ name: 'login-account', ...window });
    this.byAccountAndAddress = make({ name: 'login-account-address', ...window });
    this.byAddress = make({ name: 'login-address', points: attempts * ADDRESS_FACTOR, durationMs: WINDOW_MS });
    this.byDevice = make({ name: 'login-device', ...window });
    this.knownAddresses = make({ name: 'login-known-address', points: 1, durationMs: KNOWN_ADDRESS_MS });
  }

  /**
   * Runs `signIn` unless the counters that apply to this caller are spent. A failure (UNAUTHENTICATED) is counted;
   * a success forgets this caller's own failures and answers the device cookie to give the browser.
   */
  async attempt<T>(who: SignInAttempt, signIn: () => Promise<T>): Promise<{ result: T; device: string }> {
    const account = who.email.trim().toLowerCase();
    const deviceId = this.deviceIdFor(account, who.device);
    const keys = {
      account,
      accountAddress: `${account}:${who.ip}`,
      address: who.ip,
      device: deviceId ? `${account}:${deviceId}` : null,
    };
    const known = deviceId ? 'device' : (await this.isKnownAddress(keys.accountAddress)) ? 'address' : null;
    const checks: Check[] =
      known === 'device'
        ? [[this.byDevice, keys.device!]]
        : known === 'address'
          ? [[this.byAccountAndAddress, keys.accountAddress]]
          : [
              [this.byAccount, keys.account],
              [this.byAccountAndAddress, keys.accountAddress],
              [this.byAddress, keys.address],
            ];
    if ((await Promise.all(checks.map(([limiter, key]) => isSpent(limiter, key)))).some(Boolean)) {
      throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many failed sign-in attempts; wait 15 minutes and try again');
    }
    let result: T;
    try {
      result = await signIn();
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) {
        const failures: Check[] = [
          [this.byAccount, keys.account],
          [this.byAccountAndAddress, keys.accountAddress],
          [this.byAddress, keys.address],
        ];
        if (keys.device) failures.push([this.byDevice, keys.device]);
        await Promise.all(failures.map(([limiter, key]) => countFailure(limiter, key)));
      }
      throw error;
    }
    await Promise.all([
      forget(this.byAccountAndAddress, keys.accountAddress),
      keys.device ? forget(this.byDevice, keys.device) : undefined,
      this.knownAddresses.set(keys.accountAddress, 1, KNOWN_ADDRESS_MS / 1000).catch(() => undefined),
    ]);
    return { result, device: this.deviceCookie(account, deviceId ?? randomBytes(12).toString('base64url')) };
  }

  private async isKnownAddress(key: string): Promise<boolean> {
    const seen = await this.knownAddresses.get(key).catch(() => null);
    return (seen?.consumedPoints ?? 0) > 0;
  }

  /** `<device id>.<signature>`, the signature binding the id to the account. */
  private deviceCookie(account: string, deviceId: string): string {
    return `${deviceId}.${this.sign(account, deviceId)}`;
  }

  private deviceIdFor(account: string, cookie: string | undefined): string | null {
    const [deviceId, signature, extra] = (cookie ?? '').split('.');
    if (!deviceId || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(account, deviceId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
  }

  private sign(account: string, deviceId: string): string {
    return createHmac('sha256', this.deviceKey).update(`${account}\n${deviceId}`).digest('base64url');
  }
}

/** Whether the key has used its budget. A store that cannot answer at all lets the attempt through. */
async function isSpent(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  const used = await limiter.get(key).catch(() => null);
  return (used?.consumedPoints ?? 0) >= limiter.points;
}

async function countFailure(limiter: RateLimiterAbstract, key: string): Promise<void> {
  await limiter.penalty(key, 1).catch(() => undefined);
}

async function forget(limiter: RateLimiterAbstract, key: string): Promise<void> {
  await limiter.delete(key).catch(() => undefined);
}

/** The key device cookies are signed with, derived from a server secret so that it is not the secret itself. */
export function deviceCookieKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('support-desk device cookie').digest();
}
