// The note box's side of mentions: finding "@na" at the caret, and putting the chosen "@Name " in its place.

export interface AtQuery {
  start: number;
  end: number;
  search: string;
}

/** "@ana" (a name may hold spaces) typed at the start or after a space, with the caret at its end; null otherwise. */
export function atQuery(text: string, caret: number): AtQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}_.' -]{0,40})$/u.exec(before);
  if (!match) return null;
  const start = match.index + match[1]!.length;
  return { start, end: caret, search: match[2]!.toLocaleLowerCase() };
}

export function matchingAgents<T extends { name: string }>(agents: readonly T[], search: string): T[] {
  const text = search.trim();
  return agents.filter((agent) => {
    const name = agent.name.toLocaleLowerCase();
    return name.startsWith(text) || name.split(/\s+/).some((word) => word.startsWith(text));
  });
}

export function insertMention(text: string, query: AtQuery, name: string): { text: string; caret: number } {
  const mention = `@${name} `;
  return { text: text.slice(0, query.start) + mention + text.slice(query.end), caret: query.start + mention.length };
}
