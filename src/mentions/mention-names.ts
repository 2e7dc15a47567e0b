// Finding @name in a note's text: the longest active agent's name right after an @ that starts a word.

export interface Mentionable {
  id: number;
  name: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * The agents a text mentions, each once. "@Ana Lima" mentions Ana Lima rather than Ana when both work here; a
 * name must end where a word ends ("@Anabel" does not mention Ana). Anything else after an @ is plain text.
 */
export function findMentions(text: string, agents: readonly Mentionable[]): number[] {
  const byLength = agents
    .map((agent) => ({ id: agent.id, name: agent.name.trim().toLocaleLowerCase() }))
    .filter((agent) => agent.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLocaleLowerCase();
  const found = new Set<number>();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(lower[at - 1]!)) continue;
    const after = lower.slice(at + 1);
    const match = byLength.find((agent) => after.startsWith(agent.name) && !WORD.test(after.charAt(agent.name.length)));
    if (match) found.add(match.id);
  }
  return [...found];
}
