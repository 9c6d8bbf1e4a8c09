// Pure: the accent colour's contrast (WCAG 2.x relative luminance) and the nearest colour of the
// same hue that is dark enough, and the logo's file type read from its first bytes.

/** The backgrounds the accent is drawn on: white pages and the soft grey of cards. */
export const ACCENT_BACKGROUNDS = ['#ffffff', '#f3f5f7'] as const;
/** Text (links) in the accent needs 4.5:1 (WCAG 1.4.3); UI components 3:1 (1.4.11) follow from it. */
export const TEXT_CONTRAST = 4.5;
export const UI_CONTRAST = 3;

export function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = Number.parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b]
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(rgb: readonly number[]): number {
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The lowest contrast of the colour against every background it is drawn on. */
export function accentContrast(hex: string): number {
  const rgb = parseHex(hex);
  if (!rgb) return 0;
  return Math.min(...ACCENT_BACKGROUNDS.map((bg) => contrastRatio(rgb, parseHex(bg) as [number, number, number])));
}

export type AccentCheck =
  | { ok: true; colour: string; contrast: number }
  | { ok: false; colour: string; contrast: number; suggestion: string; suggestionContrast: number };

/** The colour as it is if it has 4.5:1 on every background; otherwise the same hue darkened until it has. */
export function checkAccent(hex: string): AccentCheck {
  const rgb = parseHex(hex);
  if (!rgb) throw new Error('checkAccent: not a #rrggbb colour');
  const colour = toHex(rgb);
  const contrast = accentContrast(colour);
  if (contrast >= TEXT_CONTRAST) return { ok: true, colour, contrast };
  // Mix towards black in small steps: hue and saturation are kept, only lightness goes down.
  for (let k = 1; k <= 100; k++) {
    const f = 1 - k / 100;
    const candidate = toHex(rgb.map((c) => Math.floor(c * f)));
    const c = accentContrast(candidate);
    if (c >= TEXT_CONTRAST) return { ok: false, colour, contrast, suggestion: candidate, suggestionContrast: c };
  }
  return { ok: false, colour, contrast, suggestion: '#000000', suggestionContrast: accentContrast('#000000') };
}

/** A darker shade for the header background (white text on it): 35 % towards black. */
export function darkerShade(hex: string): string {
  const rgb = parseHex(hex) ?? [26, 91, 143];
  return toHex(rgb.map((c) => Math.floor(c * 0.65)));
}

export const LOGO_MAX_BYTES = 200 * 1024;

/** PNG or JPEG by the file's magic bytes (never by its name or claimed type); SVG is refused. */
export function logoType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && bytes.at(-2) === 0xff && bytes.at(-1) === 0xd9) {
    return 'image/jpeg';
  }
  return null;
}
