// LIKE patterns from what a person typed: their % and _ are text, not wildcards.

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches the text anywhere. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
