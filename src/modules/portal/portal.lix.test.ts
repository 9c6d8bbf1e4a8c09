// Plain language: the portal's fixed public texts in Swedish have LIX ≤ 40 (the public start and
// result pages, the accessibility statement, the words of verdicts and statuses).
import { describe, expect, it } from 'vitest';
import { lix } from './portal.lix.ts';
import { A11Y, STATUS_WORDS, T, WORK_STATUS } from './portal.texts.ts';

const swedish = (texts: Record<string, { sv: string }>) => Object.values(texts).map((x) => x.sv);

describe('LIX of the fixed public texts', () => {
  it('computes LIX as words per sentence plus the share of long words', () => {
    // 8 words, 2 sentences, 2 long words ("kommunen", "arbetsdagar"): 4 + 25 = 29.
    expect(lix(['Vi svarar inom två arbetsdagar. Kommunen lovar det.'])).toEqual({ words: 8, sentences: 2, longWords: 2, score: 29 });
    expect(lix(['Mål och resultat'])).toMatchObject({ words: 3, sentences: 1 });
    expect(lix(['I år har vi hållit {met} av {total} löften.']).words).toBe(7);
    // A hard official sentence scores far above 40, so the check can fail.
    const hard = lix([
      'Tillgänglighetsredogörelsen avseende verksamhetsövergripande digitaliseringsinitiativ uppdateras kontinuerligt enligt myndighetsföreskrifterna.',
    ]);
    expect(hard.score).toBeGreaterThan(60);
  });

  it('the portal pages’ texts are at most 40', () => {
    const score = lix([...swedish(T), ...swedish(STATUS_WORDS), ...swedish(WORK_STATUS)]).score;
    expect(score).toBeLessThanOrEqual(40);
  });

  it('the accessibility statement is at most 40', () => {
    expect(lix(swedish(A11Y)).score).toBeLessThanOrEqual(40);
  });

  it('every paragraph of 15 words or more is at most 40 on its own', () => {
    for (const [key, text] of Object.entries({ ...T, ...A11Y })) {
      const one = lix([text.sv]);
      if (one.words >= 15) expect(one.score, `${key}: ${text.sv}`).toBeLessThanOrEqual(40);
    }
  });
});
