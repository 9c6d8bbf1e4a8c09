// The one CSV writer of every export. Security-relevant: a cell that starts with = + - @, a tab
// or a carriage return is run as a formula by Excel, LibreOffice and Google Sheets when the file
// is opened (CSV injection). Such text cells get a leading apostrophe, as OWASP recommends, so
// they are shown as the text that was typed; numbers are written as they are.
import { type Input, type Options, stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet will show it as text, never run it. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV text of `records` (csv-stringify options), with every text cell neutralised. */
export function toCsv(records: Input, options: Omit<Options, 'cast'> = {}): string {
  return stringify(records, { ...options, cast: { string: (value) => neutraliseCell(value) } });
}
