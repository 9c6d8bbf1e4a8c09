// The accent colour's contrast (WCAG relative luminance) and the logo's type by magic bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accentContrast, checkAccent, contrastRatio, darkerShade, logoType, parseHex, TEXT_CONTRAST, toHex } from './portal.theme.ts';

describe('accent colour contrast', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([255, 255, 255], [255, 255, 255])).toBe(1);
    // #767676 on white is the classic 4.54:1.
    expect(contrastRatio(parseHex('#767676') as number[], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('keeps a dark enough colour as it is and darkens a light one to at least 4.5:1 on every background', () => {
    expect(checkAccent('#1A5B8F')).toMatchObject({ ok: true, colour: '#1a5b8f' });
    const yellow = checkAccent('#ffcc00');
    expect(yellow.ok).toBe(false);
    if (!yellow.ok) {
      expect(yellow.contrast).toBeLessThan(2);
      expect(accentContrast(yellow.suggestion)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });

  it('any colour comes out with at least 4.5:1, and its header shade too (white text)', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)), (rgb) => {
        const c = checkAccent(toHex(rgb));
        const used = c.ok ? c.colour : c.suggestion;
        expect(accentContrast(used)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
        expect(contrastRatio(parseHex(darkerShade(used)) as number[], [255, 255, 255])).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }),
    );
  });
});

describe('logo type by magic bytes', () => {
  it('takes PNG and JPEG, refuses SVG, GIF and a PNG name on other bytes', () => {
    expect(logoType(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(logoType(Buffer.from('ffd8ffe000104a464946ffd9', 'hex'))).toBe('image/jpeg');
    expect(logoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(logoType(Buffer.from('GIF89a'))).toBeNull();
    expect(logoType(Buffer.alloc(0))).toBeNull();
  });
});
