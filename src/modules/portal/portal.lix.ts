// LIX (läsbarhetsindex, Björnsson 1968): words per sentence + the percentage of long words (more
// than six letters). Under 30 is very easy, 30–40 easy (everyday news), over 50 hard. The
// portal's fixed Swedish texts are kept at 40 or below (portal.lix.test.ts).

export interface Lix {
  words: number;
  sentences: number;
  longWords: number;
  score: number;
}

/** Placeholders ({name}) are not words; a text without closing punctuation (a heading, a label) is one sentence. */
export function lix(texts: readonly string[]): Lix {
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  for (const raw of texts) {
    const text = raw.replace(/\{\w+\}/g, '');
    const tokens = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
    if (tokens.length === 0) continue;
    words += tokens.length;
    longWords += tokens.filter((w) => w.replace(/[-'’]/g, '').length > 6).length;
    const ends = text.match(/[.!?:]+(?=\s|$)/g)?.length ?? 0;
    sentences += Math.max(1, ends + (/[.!?:]\s*$/.test(text) ? 0 : 1));
  }
  const score = words === 0 ? 0 : words / sentences + (100 * longWords) / words;
  return { words, sentences, longWords, score };
}
