import { describe, expect, it } from 'vitest';
import { splitText as clientSplit } from '../../client/src/tickets/split-text';
import { splitText } from '../../src/text/split-text';

const graphemesOf = (text: string) => [...new Intl.Segmenter().segment(text)].map((part) => part.segment);

describe('splitting a long reply', () => {
  const cases: [string, string][] = [
    ['paragraphs', `${'One sentence here. '.repeat(150)}\n\n${'Two sentences there. '.repeat(150)}`],
    ['sentences', 'Is this fine? It is. '.repeat(500)],
    ['words', 'word '.repeat(2_000)],
    ['no spaces, emoji at the cut', `${'x'.repeat(4095)}👨‍👩‍👧‍👦${'y'.repeat(100)}`],
    ['short', 'hello'],
  ];

  it.each(cases)('%s: every part fits, none splits a grapheme, joined they are the text', (_, text) => {
    const parts = splitText(text, 4096);
    expect(parts.join('')).toBe(text);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.flatMap(graphemesOf)).toEqual(graphemesOf(text));
    expect(clientSplit(text, 4096)).toEqual(parts);
  });

  it('prefers a blank line, then a sentence end, then a space', () => {
    const paragraph = `${'One sentence here. '.repeat(150)}\n\n`;
    expect(splitText(`${paragraph}${'More. '.repeat(400)}`, 4096)[0]).toBe(paragraph);
    expect(splitText('Is this fine? It is. '.repeat(500), 4096)[0]!.endsWith('It is. ')).toBe(true);
    expect(splitText('word '.repeat(2_000), 4096)[0]!.endsWith('word ')).toBe(true);
  });
});
