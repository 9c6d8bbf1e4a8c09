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

/** A cell of an open-data CSV: text, a number (written with a decimal comma) or empty. */
export type OpenDataCell = string | number | boolean | null | undefined;

/**
 * The one open-data CSV format of every public figure (documented on each tenant's data
 * catalogue page): UTF-8 with a byte-order mark (so Excel reads å, ä, ö), `;` between fields,
 * a decimal comma and no thousands separator, CRLF line ends, the first row names the columns.
 */
export function toOpenDataCsv(rows: readonly (readonly OpenDataCell[])[]): string {
  const cells = rows.map((row) =>
    row.map((cell) => {
      if (cell === null || cell === undefined) return '';
      if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell).replace('.', ',') : '';
      if (typeof cell === 'boolean') return cell ? 'true' : 'false';
      return neutraliseCell(cell);
    }),
  );
  // Text cells were neutralised above; numbers (also negative ones) are written as they are.
  return `\uFEFF${stringify(cells, { delimiter: ';', record_delimiter: 'windows' })}`;
}
