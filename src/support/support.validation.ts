// Rules for what the desk accepts, shared by the API and the WhatsApp channel.
import { badInput } from '../errors.js';
import { splitText } from '../text/split-text.js';
import { MAX_BODY_LENGTH, MAX_NOTE_LENGTH, MAX_REPLY_PARTS } from './message.entity.js';

/**
 * A business-scoped user id (BSUID): how WhatsApp names a person who shares no phone number (a username user).
 * Two letters of country, a dot, up to 128 letters and digits; a parent id has "ENT." after the country.
 */
const BUSINESS_SCOPED_USER_ID = /^[A-Za-z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

export const isBusinessScopedUserId = (raw: string): boolean => BUSINESS_SCOPED_USER_ID.test(raw);

/**
 * How the desk names a person on WhatsApp (tickets, contacts, the outbox): their number, digits only, as WhatsApp
 * writes numbers ("+44 7700-900123" becomes "447700900123"); or, for a person who shares no number, their
 * business-scoped user id exactly as WhatsApp sent it.
 */
export function normalizePhoneNumber(raw: string): string {
  const trimmed = raw.trim();
  if (isBusinessScopedUserId(trimmed)) return trimmed;
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 0) throw badInput('A phone number needs digits');
  if (digits.length > 20) throw badInput('A phone number has at most 20 digits');
  return digits;
}

/**
 * The digits of a search that reads as a phone number ("+44 7700 900123", "7700-900123", "(94) 77 123"), since
 * numbers are kept as digits only; null when it holds anything else.
 */
export function phoneDigits(search: string): string | null {
  const digits = search.replace(/[\s+\-().]/g, '');
  return /^\d+$/.test(digits) ? digits : null;
}

export function validateBody(raw: string, what = 'A message'): string {
  const body = raw.trim();
  if (body.length === 0) throw badInput(`${what} cannot be empty`);
  if (body.length > MAX_BODY_LENGTH)
    throw badInput(`${what} is at most ${MAX_BODY_LENGTH} characters (WhatsApp's limit), got ${body.length}`);
  return body;
}

/**
 * A free-form reply, cut into the WhatsApp messages it goes as (see splitText): refused when it would need more
 * than MAX_REPLY_PARTS, so that a paste by mistake does not flood the person.
 */
export function validateReplyParts(raw: string): string[] {
  const body = raw.trim();
  if (body.length === 0) throw badInput('A reply cannot be empty');
  const parts = body.length > MAX_BODY_LENGTH * MAX_REPLY_PARTS * 2 ? null : splitText(body, MAX_BODY_LENGTH);
  if (!parts || parts.length > MAX_REPLY_PARTS)
    throw badInput(
      `A reply goes as at most ${MAX_REPLY_PARTS} WhatsApp messages of ${MAX_BODY_LENGTH} characters; this one has ${body.length} characters${parts ? ` and would need ${parts.length} messages` : ''}. Shorten it, or send it as a file`,
    );
  return parts;
}

/** A note stays in the desk, so WhatsApp's limit does not apply; the bound is what the column holds on MariaDB. */
export function validateNote(raw: string): string {
  const body = raw.trim();
  if (body.length === 0) throw badInput('A note cannot be empty');
  if (body.length > MAX_NOTE_LENGTH)
    throw badInput(`A note is at most ${MAX_NOTE_LENGTH} characters, got ${body.length}`);
  return body;
}

export function validateName(raw: string | null | undefined, max = 255): string | null {
  const name = raw?.trim() ?? '';
  if (name.length > max) throw badInput(`A name is at most ${max} characters`);
  return name.length > 0 ? name : null;
}

/** Ids come from clients as strings; anything that is not a positive integer cannot name a row. */
export function parseId(raw: string | number): number | null {
  const text = String(raw);
  if (!/^[1-9]\d{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}
