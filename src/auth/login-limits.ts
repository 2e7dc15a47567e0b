// Brute-force protection for sign-in: failed attempts are counted per account and per address.
import { DomainError, ErrorCode } from '../errors.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';

const WINDOW_MS = 15 * 60_000;
/** One office can hold many agents: an address may fail more often than one account. */
const ADDRESS_FACTOR = 5;

export async function withLoginLimits<T>(limiter: RateLimiter, attempts: number, email: string, ip: string, signIn: () => Promise<T>): Promise<T> {
  const keys = { account: `login:account:${email.trim().toLowerCase()}`, address: `login:address:${ip}` };
  // A limiter that cannot answer (Redis down) must not lock every agent out: it lets the attempt through.
  const [byAccount, byAddress] = await Promise.all([limiter.count(keys.account).catch(() => 0), limiter.count(keys.address).catch(() => 0)]);
  if (byAccount >= attempts || byAddress >= attempts * ADDRESS_FACTOR) {
    throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many failed sign-in attempts; wait 15 minutes and try again');
  }
  try {
    return await signIn();
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) {
      await Promise.all([limiter.hit(keys.account, WINDOW_MS), limiter.hit(keys.address, WINDOW_MS)]).catch(() => undefined);
    }
    throw error;
  }
}
