// Password hashing with scrypt (node:crypto), stored as `scrypt$N$r$p$salt$hash`: the parameters travel with
// each hash, so a hash made with older (cheaper) parameters still verifies and is remade at the next sign-in.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's Password Storage Cheat Sheet: N=2^17, r=8, p=1 (128 MiB and about a third of a second per hash). */
export const DEFAULT_SCRYPT_LOG_N = 17;
export const MIN_SCRYPT_LOG_N = 14;
const KEY_LENGTH = 32;
/** Hashes that claim more than this cost are refused rather than computed: 2^20 × 8 × 128 bytes is 1 GiB. */
export const MAX_SCRYPT_LOG_N = 20;

/** Today's parameters for a cost (PASSWORD_HASH_COST, log2 of N). */
export function scryptParams(logN: number = DEFAULT_SCRYPT_LOG_N): ScryptParams {
  return { N: 2 ** logN, r: 8, p: 1 };
}

function derive(password: string, salt: Buffer, options: ScryptOptions & ScryptParams): Promise<Buffer> {
  // scrypt needs 128 × N × r bytes; Node refuses anything above maxmem (32 MiB by default).
  const maxmem = 128 * options.N * options.r * 2;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !hash) return null;
  const validN =
    Number.isInteger(params.N) &&
    params.N >= 2 &&
    params.N <= 2 ** MAX_SCRYPT_LOG_N &&
    (params.N & (params.N - 1)) === 0;
  if (
    !validN ||
    !Number.isInteger(params.r) ||
    params.r < 1 ||
    params.r > 32 ||
    !Number.isInteger(params.p) ||
    params.p < 1 ||
    params.p > 16
  )
    return null;
  return { params, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** Whether a stored hash was made with other parameters than today's, and should be made again from the password. */
export function needsRehash(stored: string, params: ScryptParams): boolean {
  const parsed = parse(stored);
  if (!parsed) return false;
  const { N, r, p } = parsed.params;
  return N !== params.N || r !== params.r || p !== params.p;
}

/** How a hash was made, for the audit log (never the hash itself). */
export function describeHash(stored: string): string {
  const parsed = parse(stored);
  return parsed ? `scrypt N=${parsed.params.N} r=${parsed.params.r} p=${parsed.params.p}` : 'unusable';
}

/** A hash no password matches, so that an unknown email costs as much time as a wrong password. */
export function unusableHash(params: ScryptParams): string {
  return `scrypt$${params.N}$${params.r}$${params.p}$${randomBytes(16).toString('base64url')}$${randomBytes(KEY_LENGTH).toString('base64url')}`;
}
