// A long WhatsApp text cut into messages WhatsApp accepts, at the most natural places, losing nothing.
// The client keeps a copy (client/src/tickets/split-text.ts: it may not import server code); a test holds the two
// to the same answers.

/**
 * Where a part may end, best first: after a blank line (a paragraph), after a sentence (a line break counts as
 * one), after a space (a word). A cut of a kind is taken only when it keeps at least half a part, so that a short
 * first paragraph does not cost a message of its own; the last resort is the last whole grapheme that fits.
 */
const KINDS = ['paragraph', 'sentence', 'word'] as const;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** Room after the limit given to the segmenters, so that the text just past a cut still informs it. */
const LOOKAHEAD = 256;

/**
 * The parts of `text`, each at most `max` UTF-16 code units (never more code points, so it holds however WhatsApp
 * counts), cut only between graphemes (a flag, a family emoji or a surrogate pair stays whole). Joined, the parts
 * are `text` exactly: nothing is trimmed, the space or blank line at a cut ends the part before it.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = bestCut(rest.slice(0, max + LOOKAHEAD), max);
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

function bestCut(window: string, max: number): number {
  const allowed = new Set<number>();
  for (const { index } of graphemes.segment(window)) if (index > 0 && index <= max) allowed.add(index);
  const enough = Math.floor(max / 2);
  for (const kind of KINDS) {
    const cut = lastCut(window, max, kind, allowed);
    if (cut >= enough) return cut;
  }
  const lastGrapheme = Math.max(0, ...allowed);
  if (lastGrapheme > 0) return lastGrapheme;
  // One grapheme longer than a whole part (hundreds of combining marks): cut between code points.
  return /[\uD800-\uDBFF]/.test(window.charAt(max - 1)) ? max - 1 : max;
}

function lastCut(window: string, max: number, kind: (typeof KINDS)[number], allowed: ReadonlySet<number>): number {
  let best = 0;
  if (kind === 'sentence') {
    for (const { index } of sentences.segment(window)) if (allowed.has(index)) best = index;
    return best;
  }
  const pattern = kind === 'paragraph' ? /\n[ \t]*\n\s*/g : /\s+/g;
  for (const match of window.matchAll(pattern)) {
    const end = match.index + match[0].length;
    if (end > max) break;
    if (allowed.has(end)) best = end;
  }
  return best;
}
