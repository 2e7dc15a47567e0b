// What a label may be called and coloured.
import { badInput } from '../errors.js';

export const MAX_LABEL_NAME_LENGTH = 40;

/** Trimmed, with runs of spaces made one; 1 to 40 characters. */
export function normalizeLabelName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw badInput('A label needs a name');
  const length = [...name].length;
  if (length > MAX_LABEL_NAME_LENGTH)
    throw badInput(`A label name is at most ${MAX_LABEL_NAME_LENGTH} characters, got ${length}`);
  return name;
}

/** What makes two names the same label: case does not count. */
export const labelNameKey = (name: string) => name.toLowerCase();

/** #rrggbb, stored in lower case. */
export function normalizeColor(raw: string): string {
  const color = raw.trim().toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(color))
    throw badInput(`"${raw.trim()}" is not a colour: write it as #rrggbb, e.g. #1f6feb`);
  return color;
}
