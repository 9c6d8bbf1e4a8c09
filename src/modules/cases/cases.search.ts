// What an officer typed in the inbox search, read as the things it can be: a case number, the
// serial part of one, an e-mail address, a phone number, words of the text or name. Pure; the
// query (cases.inbox.repo.ts) matches any of them. Bounded: 200 characters, 8 words.

export const MAX_SEARCH_LENGTH = 200;
const MAX_WORDS = 8;

/** A serial typed alone ("42") is looked up in this many recent years (an indexed IN list). */
const SERIAL_YEARS = 10;

export interface CaseSearch {
  /** "2026-00042" (typed so, or as "2026-42"), or "42" in each of the recent years. */
  caseNumbers: string[];
  /** Lower-case e-mail address (exact). */
  email: string | null;
  /** The last nine digits of a phone number (see the index cases_contact_phone). */
  phoneKey: string | null;
  /** A tsquery of the words, each as a prefix: only letters and digits, so no query syntax gets through. */
  textQuery: string | null;
}

/** Null when there is nothing to search for. `year` is the current year (for a serial typed alone). */
export function parseCaseSearch(input: string, year = new Date().getFullYear()): CaseSearch | null {
  const q = input.normalize('NFC').trim().slice(0, MAX_SEARCH_LENGTH);
  if (!q) return null;
  const number = /^(\d{4})-(\d{1,7})$/.exec(q);
  const serial = /^\d{1,7}$/.test(q) ? q.padStart(5, '0') : null;
  const caseNumbers = number
    ? [`${number[1]}-${number[2].padStart(5, '0')}`]
    : serial
      ? Array.from({ length: SERIAL_YEARS + 1 }, (_, i) => `${year + 1 - i}-${serial}`)
      : [];
  const digits = q.replace(/[\s()+-]/g, '');
  const phoneKey = /^\d{7,15}$/.test(digits) ? digits.slice(-9) : null;
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  return {
    caseNumbers,
    email: q.includes('@') ? q.toLowerCase() : null,
    phoneKey,
    textQuery: words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : null,
  };
}
