// Languages of the public pages: Swedish first, Finnish for the Sweden-Finnish minority
// (service policy), English. Staff pages are Swedish.
export const LANGUAGES = ['sv', 'fi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Lang, string> = { sv: 'Svenska', fi: 'Suomi', en: 'English' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A text in every public language. */
export type Translated = Record<Lang, string>;

export function pickLang(query: unknown, cookie: unknown, fallback: Lang = 'sv'): Lang {
  if (isLang(query)) return query;
  if (isLang(cookie)) return cookie;
  return fallback;
}

/** The cookie that remembers the visitor's choice of language on the public pages. */
export const LANG_COOKIE = 'insyn.lang';

/** The first of our languages in an Accept-Language header, by the client's preference (q). */
export function acceptedLang(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0 && isLang(r.lang))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const first = ranked[0]?.lang;
  return isLang(first) ? first : undefined;
}

/**
 * The lang attribute for a text written in `textLang` on a page in `pageLang` (WCAG 3.1.2),
 * only where the two differ.
 */
export function langAttr(textLang: Lang, pageLang: Lang): Lang | undefined {
  return textLang === pageLang ? undefined : textLang;
}

/** For what the municipality enters in Swedish only: its name, its units' and categories' names, its texts. */
export function swedishOn(pageLang: Lang): Lang | undefined {
  return langAttr('sv', pageLang);
}

const LONG_DATE: Record<Lang, string> = { sv: 'sv-SE', fi: 'fi-FI', en: 'en-GB' };

/** The locale of each public language. */
export const LOCALES: Record<Lang, string> = LONG_DATE;

// Building an Intl formatter costs far more than using one (≈0.1 ms vs a few µs): pages format
// hundreds of dates, so formatters are made once per locale and options.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * The one way a share or target is written on every page, staff and public: a percentage with at
 * most one decimal ("62,5 %", "90 %"), so one figure never reads differently on two pages.
 */
export function formatShare(ratio: number, lang: Lang = 'sv'): string {
  return numberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(ratio);
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** "onsdag 9 september 2026" from '2026-09-09', in the given language. */
export function formatLongDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateTimeFormat(LONG_DATE[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "23 nov. 2026 14:05" in Stockholm time. */
export function formatDateTime(instant: Date, lang: Lang = 'sv'): string {
  return dateTimeFormat(LONG_DATE[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(instant);
}

/** A number in the page's language ("1 234,5" / "1 234,5" / "1,234.5"), with a fixed number of decimals. */
export function formatDecimal(value: number, decimals: number, lang: Lang = 'sv'): string {
  return numberFormat(LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A whole number in the page's language. */
export function formatCount(value: number, lang: Lang = 'sv'): string {
  return numberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(value);
}
