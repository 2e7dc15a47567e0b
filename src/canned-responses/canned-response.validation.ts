// What a canned response may hold: a shortcode, a title and a body with only known placeholders.
import { badInput } from '../errors.js';
import { validateBody } from '../support/support.validation.js';

export const MAX_SHORTCODE_LENGTH = 32;
export const MAX_TITLE_LENGTH = 80;

/** Placeholders a body may use, and what each stands for; the agent's reply box fills them in. */
export const PLACEHOLDERS = { name: "the person's name" } as const;

const SHORTCODE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

const knownList = () =>
  Object.keys(PLACEHOLDERS)
    .map((key) => `{{${key}}}`)
    .join(', ');

/** "Refund " becomes "refund"; anything but lower-case letters, digits and inner dashes is refused. */
export function normalizeShortcode(raw: string): string {
  const shortcode = raw.trim().toLowerCase();
  if (shortcode.length === 0) throw badInput('A shortcode cannot be empty');
  if (shortcode.length > MAX_SHORTCODE_LENGTH)
    throw badInput(`A shortcode is at most ${MAX_SHORTCODE_LENGTH} characters, got ${shortcode.length}`);
  if (!SHORTCODE.test(shortcode)) {
    throw badInput(
      `"${raw.trim()}" is not a shortcode: use lower-case letters, digits and dashes, starting and ending with a letter or digit (e.g. refund-policy)`,
    );
  }
  return shortcode;
}

export function validateTitle(raw: string): string {
  const title = raw.trim();
  if (title.length === 0) throw badInput('A title cannot be empty');
  const length = [...title].length;
  if (length > MAX_TITLE_LENGTH) throw badInput(`A title is at most ${MAX_TITLE_LENGTH} characters, got ${length}`);
  return title;
}

/** The body within WhatsApp's limit, with every {{placeholder}} one we know and no stray braces. */
export function validateCannedBody(raw: string): string {
  const body = validateBody(raw, 'A canned response');
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (!(name in PLACEHOLDERS))
      throw badInput(`Unknown placeholder {{${name}}}: a canned response may use ${knownList()}`);
  }
  const rest = body.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}'))
    throw badInput(`A placeholder is not closed: write ${knownList()} with two braces on each side`);
  return body;
}
