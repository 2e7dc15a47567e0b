// Rules for what the desk accepts, shared by the API and the WhatsApp channel.
import { badInput } from '../errors.js';
import { MAX_BODY_LENGTH } from './message.entity.js';

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

export function validateBody(raw: string, what = 'A message'): string {
  const body = raw.trim();
  if (body.length === 0) throw badInput(`${what} cannot be empty`);
  if (body.length > MAX_BODY_LENGTH)
    throw badInput(`${what} is at most ${MAX_BODY_LENGTH} characters (WhatsApp's limit), got ${body.length}`);
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
