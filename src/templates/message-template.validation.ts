// What a template and its parameters may hold, by WhatsApp's rules: checked here so that WhatsApp never refuses them (error 132000 and kin).
import { badInput } from '../errors.js';

/** WhatsApp's limits: a template name, a template body, and one body parameter. */
export const MAX_TEMPLATE_NAME_LENGTH = 512;
export const MAX_TEMPLATE_BODY_LENGTH = 1024;
export const MAX_PARAMETER_LENGTH = 1024;

const NAME = /^[a-z0-9_]+$/;
const LANGUAGE = /^[a-z]{2,3}(?:_[A-Z]{2,4})?$/;
const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

export function validateTemplateName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0) throw badInput('A template name cannot be empty');
  if (name.length > MAX_TEMPLATE_NAME_LENGTH)
    throw badInput(`A template name is at most ${MAX_TEMPLATE_NAME_LENGTH} characters, got ${name.length}`);
  if (!NAME.test(name))
    throw badInput(
      `"${name}" is not a WhatsApp template name: use lower-case letters, digits and underscores (e.g. ticket_follow_up)`,
    );
  return name;
}

export function validateLanguageCode(raw: string): string {
  const code = raw.trim();
  if (!LANGUAGE.test(code)) throw badInput(`"${code}" is not a WhatsApp language code: write it like en or en_US`);
  return code;
}

/** The body within WhatsApp's limit, with placeholders {{1}}..{{n}} all present; returns it with n. */
export function validateTemplateBody(raw: string): { body: string; parameterCount: number } {
  const body = raw.trim();
  if (body.length === 0) throw badInput('A template body cannot be empty');
  if (body.length > MAX_TEMPLATE_BODY_LENGTH)
    throw badInput(`A template body is at most ${MAX_TEMPLATE_BODY_LENGTH} characters, got ${body.length}`);
  const numbers = new Set([...body.matchAll(PLACEHOLDER)].map((match) => Number(match[1])));
  const rest = body.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}'))
    throw badInput('A template placeholder is written {{1}}, {{2}}, …: a number between two braces on each side');
  const parameterCount = numbers.size === 0 ? 0 : Math.max(...numbers);
  for (let n = 1; n <= parameterCount; n++) {
    if (!numbers.has(n))
      throw badInput(`Template placeholders are numbered 1 to ${parameterCount} without gaps: {{${n}}} is missing`);
  }
  return { body, parameterCount };
}

/** Exactly as many parameters as the template has, each non-empty, on one line, and within WhatsApp's limit. */
export function validateParameters(
  raw: readonly string[],
  template: { name: string; parameterCount: number },
): string[] {
  if (raw.length !== template.parameterCount) {
    throw badInput(
      `The template ${template.name} takes ${template.parameterCount} parameter${template.parameterCount === 1 ? '' : 's'}, got ${raw.length}`,
    );
  }
  return raw.map((value, index) => {
    const text = value.trim();
    const which = `Parameter {{${index + 1}}}`;
    if (text.length === 0) throw badInput(`${which} cannot be empty`);
    if (text.length > MAX_PARAMETER_LENGTH)
      throw badInput(`${which} is at most ${MAX_PARAMETER_LENGTH} characters, got ${text.length}`);
    // WhatsApp refuses these in a parameter (error 132018).
    if (/[\n\t]| {5,}/.test(text))
      throw badInput(`${which} must be one line, without tabs or more than four spaces in a row`);
    return text;
  });
}

/** The text the person reads: the body with each {{n}} replaced by its parameter. */
export function renderTemplate(body: string, parameters: readonly string[]): string {
  return body.replace(PLACEHOLDER, (_match, n: string) => parameters[Number(n) - 1] ?? '');
}
