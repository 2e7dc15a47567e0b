// One normalisation for every string that comes from outside (webhook bodies and GraphQL input alike), and
// the length rules the columns they land in need, the same on SQLite and MariaDB.

/**
 * C0 controls but tab (U+0009) and newline (U+000A), DEL, and C1 controls. A carriage return is not
 * removed but becomes a newline (CRLF one newline), so text from Windows keeps its lines.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point, to strip them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text as the desk keeps it: controls removed (CR as newline), lone surrogates replaced with U+FFFD.
 * Characters outside the BMP (4-byte emoji) are kept whole.
 */
export function cleanText(text: string): string {
  let clean = text;
  if (clean.includes('\r')) clean = clean.replace(/\r\n?/g, '\n');
  clean = clean.replace(CONTROL, '');
  return clean.isWellFormed() ? clean : clean.toWellFormed();
}

/** Every string inside a JSON-like value cleaned, in place for objects and arrays; other values untouched. */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = cleanDeep(value[index]);
    return value;
  }
  if (isPlainObject(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = cleanDeep(record[key]);
  }
  return value;
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Display text that fits `max` UTF-16 code units (the JavaScript length, never less than the characters
 * MariaDB counts): longer text ends with a visible "…", and the cut never splits a surrogate pair.
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

export function capNullable(text: string | null, max: number): string | null {
  return text === null ? null : capText(text, max);
}

/** Column lengths for text written from outside data, named once. */
export const TEXT_LIMITS = {
  /** Contact, ticket and message sender names. */
  name: 120,
  /** WhatsApp's limit on a text message's body; also message bodies, issue descriptions and captions. */
  body: 4096,
  filename: 255,
  mimeType: 128,
  /** WhatsApp message ids, media ids. */
  whatsappId: 128,
  /** Digits of a sender's number. */
  phoneDigits: 32,
  sha256: 64,
  /** Error texts kept beside a row (delivery errors, media errors). */
  error: 512,
} as const;
