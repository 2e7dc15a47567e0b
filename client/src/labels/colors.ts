// Readable text on a label's colour: dark on light chips, white on dark ones.

const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance of #rrggbb (0 black, 1 white); null for anything else. */
export function luminance(hex: string): number | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((part) => channel(parseInt(part, 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const DARK_TEXT = '#1b2430';
const DARK_TEXT_LUMINANCE = luminance(DARK_TEXT)!;

/** The text colour (dark or white) with the higher contrast on this background. */
export function textColorOn(background: string): string {
  const lum = luminance(background);
  if (lum === null) return DARK_TEXT;
  const onWhite = 1.05 / (lum + 0.05);
  const onDark = (lum + 0.05) / (DARK_TEXT_LUMINANCE + 0.05);
  return onDark >= onWhite ? DARK_TEXT : '#ffffff';
}
