// What a new password must be: long enough, not absurdly long, and not one of the passwords attackers try first.
import { readFileSync } from 'node:fs';
import { badInput } from '../errors.js';

/** NIST SP 800-63B asks for at least 8 and allows more; 12 keeps passphrases easy and guessing hard. */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; short enough that hashing it costs nothing extra. */
export const MAX_PASSWORD_LENGTH = 256;

/** Beside this module, in src/auth or dist/src/auth (the build copies it), so that dist/ runs on its own. */
const LIST_FILE = new URL('./common-passwords.txt', import.meta.url);
let commonPasswords: Set<string> | null = null;

function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.trim().toLowerCase()),
  );
  return commonPasswords;
}

/**
 * Whether the password is on the list, in any case, or is a listed one with digits or symbols added at the end
 * ("Password2024!", "qwerty123456"): the variations that guessing tools try right after the list itself.
 */
export function isCommonPassword(password: string): boolean {
  const list = loadCommonPasswords();
  const lower = password.trim().toLowerCase();
  if (list.has(lower)) return true;
  const stem = lower.replace(/[^\p{L}]+$/u, '');
  return stem.length >= 4 && stem !== lower && list.has(stem);
}

/** The reason a password may not be used, or null when it may. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `A password has at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `A password has at most ${MAX_PASSWORD_LENGTH} characters`;
  if (isCommonPassword(password))
    return 'This password is one of the most common ones, which attackers try first; choose another';
  return null;
}

export function assertUsablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw badInput(problem);
}
