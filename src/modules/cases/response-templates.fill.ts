// Placeholders in response templates and in what an officer sends: the ones Insyn knows are
// filled from the case; any other left in the text (such as "[datum]") stops the message from
// being sent, so a resident never receives a half-finished template. Pure.

/** The placeholders Insyn fills, written {name} or [name]. */
export const PLACEHOLDERS = {
  ärendenummer: 'ärendets nummer',
  kommun: 'kommunens namn',
  svarsdatum: 'sista dag för första återkoppling',
  'nästa återkoppling': 'utlovad dag för nästa återkoppling',
  handläggare: 'ditt namn',
  enhet: 'ärendets enhet',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

export type PlaceholderValues = Partial<Record<Placeholder, string | null>>;

// {word} or [word words]: a letter first, at most 40 characters, no digits-only "[1]" references.
const TOKEN = /\{(\p{L}[\p{L}\p{N} ._-]{0,39})\}|\[(\p{L}[\p{L}\p{N} ._-]{0,39})\]/gu;

/** The text with every known placeholder that has a value replaced (case-insensitive name). */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(TOKEN, (match, curly: string | undefined, square: string | undefined) => {
    const name = (curly ?? square ?? '').trim().toLowerCase() as Placeholder;
    const value = Object.hasOwn(PLACEHOLDERS, name) ? values[name] : undefined;
    return value ? value : match;
  });
}

/** The placeholders still in the text, as written, each once. */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[0]))];
}

/** The sentence shown when a message still has placeholders. */
export function unfilledMessage(tokens: string[]): string {
  const list = tokens.slice(0, 5).join(', ');
  return tokens.length === 1
    ? `Texten innehåller ${list}, som inte har fyllts i. Skriv in rätt uppgift i stället innan du skickar.`
    : `Texten innehåller ${list}, som inte har fyllts i. Skriv in rätt uppgifter i stället innan du skickar.`;
}
