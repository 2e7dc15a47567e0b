import { describe, expect, it } from 'vitest';
import { luminance, textColorOn } from '../../client/src/labels/colors';

describe('label chips', () => {
  it('write dark text on light colours and white on dark ones', () => {
    expect(textColorOn('#ffffff')).toBe('#1b2430');
    expect(textColorOn('#ffe066')).toBe('#1b2430');
    expect(textColorOn('#000000')).toBe('#ffffff');
    expect(textColorOn('#1f6feb')).toBe('#ffffff');
    expect(textColorOn('#B42318')).toBe('#ffffff');
  });

  it('fall back to dark text for a colour they cannot read', () => {
    expect(luminance('red')).toBeNull();
    expect(textColorOn('red')).toBe('#1b2430');
  });
});
