import { describe, expect, it } from 'vitest';
import { fillPlaceholders, insertReply, NAME_FALLBACK, slashQuery } from '../../client/src/canned-responses/fill';

describe('filling in a canned response', () => {
  it('puts the person’s name for every {{name}}, spaces inside the braces or not', () => {
    expect(fillPlaceholders('Hi {{name}}! Thanks, {{ name }}.', { name: ' Tola Ade ' })).toBe(
      'Hi Tola Ade! Thanks, Tola Ade.',
    );
  });

  it('uses a neutral word when the ticket has no name', () => {
    expect(fillPlaceholders('Hi {{name}},', { name: null })).toBe(`Hi ${NAME_FALLBACK},`);
    expect(fillPlaceholders('Hi {{name}},', { name: '  ' })).toBe('Hi there,');
  });

  it('keeps a name with $ signs as it is written', () => {
    expect(fillPlaceholders('Hi {{name}}', { name: 'Ca$h $1' })).toBe('Hi Ca$h $1');
  });
});

describe('"/" in the reply box', () => {
  it('opens on a slash at the start or after a space, up to the caret', () => {
    expect(slashQuery('/ref', 4)).toEqual({ start: 0, end: 4, search: 'ref' });
    expect(slashQuery('Hello /Ref', 10)).toEqual({ start: 6, end: 10, search: 'ref' });
    expect(slashQuery('/', 1)).toEqual({ start: 0, end: 1, search: '' });
  });

  it('stays shut inside words, after a space, and with the caret elsewhere', () => {
    expect(slashQuery('and/or', 6)).toBeNull();
    expect(slashQuery('/ref ', 5)).toBeNull();
    expect(slashQuery('/ref and more', 13)).toBeNull();
    expect(slashQuery('no slash', 8)).toBeNull();
  });

  it('replaces the whole word, also what follows the caret, and puts the caret after the reply', () => {
    const query = slashQuery('Hi! /refund thanks', 8)!;
    expect(query).toEqual({ start: 4, end: 11, search: 'ref' });
    expect(insertReply('Hi! /refund thanks', query, 'Your refund is on its way.')).toEqual({
      text: 'Hi! Your refund is on its way. thanks',
      caret: 30,
    });
  });
});
