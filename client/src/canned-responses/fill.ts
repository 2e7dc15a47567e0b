// The reply box's side of canned responses: finding "/shortcode" at the caret, and filling in placeholders.

/** What stands in for {{name}} when the ticket has no name for the person. */
export const NAME_FALLBACK = 'there';

/** Every {{name}} (spaces inside the braces allowed) becomes the person's name, or a neutral word when unknown. */
export function fillPlaceholders(body: string, values: { name: string | null | undefined }): string {
  const name = values.name?.trim() || NAME_FALLBACK;
  return body.replace(/\{\{\s*name\s*\}\}/g, () => name);
}

export interface SlashQuery {
  /** Where the "/" is, and where the word it starts ends: what a chosen reply replaces. */
  start: number;
  end: number;
  /** What follows the "/" up to the caret: the picker's search. */
  search: string;
}

/** "/ref" typed at the start of the box or after a space, with the caret in it; null otherwise. */
export function slashQuery(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([a-z0-9-]*)$/i.exec(before);
  if (!match) return null;
  const start = match.index + match[1]!.length;
  const rest = /^[a-z0-9-]*/i.exec(text.slice(caret))![0];
  return { start, end: caret + rest.length, search: match[2]!.toLowerCase() };
}

/** The text with the "/shortcode" replaced by the reply, and where the caret goes: after it. */
export function insertReply(text: string, query: SlashQuery, reply: string): { text: string; caret: number } {
  return { text: text.slice(0, query.start) + reply + text.slice(query.end), caret: query.start + reply.length };
}
