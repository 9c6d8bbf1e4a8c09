// Import of Insikt results from SKR's portal export (CSV or XLSX). The exports differ between
// years, so the columns are mapped when the file is uploaded: the mapping sent along, else the one
// remembered from the last import, else headers recognised by name. Every row is checked first;
// errors name the row and the column, and nothing is stored while any row is wrong.

import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import type { InsiktPeriod } from '../../db/schema-satisfaction.ts';
import { type FieldError, invalid } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import { newWorkbook } from '../../http/xlsx.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import type { ResultValues } from './insikt.repo.ts';
import { areaNames, getSettings, PERIODS, rememberMapping, saveResults, WRITE_ROLES } from './insikt.service.ts';
import { FACTORS, MEASURES } from './nki.ts';

export const IMPORT_FIELDS = ['year', 'period', 'area', 'n', 'responseRate', 'nki', ...FACTORS, 'bemotandeQuestion'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: ImportField[] = ['year', 'area', 'n'];

export const FIELD_NAMES: Record<ImportField, string> = {
  year: 'År',
  period: 'Period (tom = helår, H1, H2, Q1–Q4)',
  area: 'Område',
  n: 'Antal svar',
  responseRate: 'Svarsfrekvens (%)',
  nki: 'NKI',
  information: 'Information',
  tillganglighet: 'Tillgänglighet',
  bemotande: 'Bemötande',
  kompetens: 'Kompetens',
  rattssakerhet: 'Rättssäkerhet',
  effektivitet: 'Effektivitet',
  bemotandeQuestion: 'Delfrågan bemötande totalt',
};

/** Normalised text: lower case, å/ä → a, ö → o, anything else → '-'. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const ALIASES: Record<ImportField, string[]> = {
  year: ['ar', 'year', 'matar', 'undersokningsar'],
  period: ['period', 'halvar', 'kvartal'],
  area: ['omrade', 'myndighetsomrade', 'area', 'verksamhetsomrade'],
  n: ['antal-svar', 'antal', 'n', 'svar', 'antal-svarande'],
  responseRate: ['svarsfrekvens', 'svarsfrekvens-procent', 'response-rate'],
  nki: ['nki', 'nki-totalt', 'nojd-kund-index'],
  information: ['information'],
  tillganglighet: ['tillganglighet'],
  bemotande: ['bemotande'],
  kompetens: ['kompetens'],
  rattssakerhet: ['rattssakerhet'],
  effektivitet: ['effektivitet'],
  bemotandeQuestion: ['bemotande-totalt', 'delfraga-bemotande', 'hur-nojd-var-du-totalt-sett-med-bemotandet'],
};

export const ImportInput = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
    data: Type.String({ minLength: 1, maxLength: 5_000_000, description: 'CSV text, or the XLSX file in base64' }),
    mapping: Type.Optional(Type.Partial(Type.Object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, Type.String({ maxLength: 200 })]))))),
    preview: Type.Optional(Type.Boolean({ description: 'Only read the headers and suggest a mapping; store nothing' })),
  },
  { additionalProperties: false },
);

export interface Table {
  headers: string[];
  rows: string[][];
}

export async function readTable(format: 'csv' | 'xlsx', data: string): Promise<Table> {
  if (format === 'csv') {
    const text = data.replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    let records: string[][];
    try {
      records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
    } catch (error) {
      throw invalid([{ field: 'data', message: `Filen går inte att läsa som CSV: ${(error as Error).message}` }]);
    }
    const [headers = [], ...rows] = records;
    return { headers, rows };
  }
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(Buffer.from(data, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw invalid([{ field: 'data', message: 'Filen går inte att läsa som XLSX. Spara den som Excel-arbetsbok (.xlsx) och försök igen.' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid([{ field: 'data', message: 'Arbetsboken har inget blad.' }]);
  const cell = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'object' && 'result' in v) return cell(v.result as ExcelJS.CellValue);
    if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
    if (v instanceof Date) return String(v.getUTCFullYear());
    return String(v).trim();
  };
  const all: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) values.push(cell(row.getCell(c).value));
    all.push(values);
  });
  const [headers = [], ...rows] = all;
  return { headers, rows };
}

/** The mapping to use: the one sent, else the remembered one, else recognised headers; only headers present. */
export function suggestMapping(headers: string[], remembered: Record<string, string>): Partial<Record<ImportField, string>> {
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const f of IMPORT_FIELDS) {
    if (remembered[f] && headers.includes(remembered[f])) mapping[f] = remembered[f];
    else {
      const found = headers.find((h) => ALIASES[f].includes(slugify(h)));
      if (found) mapping[f] = found;
    }
  }
  return mapping;
}

const number = (raw: string): number | null => {
  const t = raw.replace(/\s|%/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

/** Rows → results, or every problem as "Rad r, kolumn 'X': …". */
export function rowsToResults(
  table: Table,
  mapping: Partial<Record<ImportField, string>>,
  areas: Map<string, string>,
): { results: ResultValues[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const f of REQUIRED_FIELDS) {
    if (!mapping[f]) errors.push({ field: `mapping.${f}`, message: `Välj vilken kolumn som innehåller ${FIELD_NAMES[f].toLowerCase()}.` });
  }
  for (const [f, header] of Object.entries(mapping)) {
    if (header && !table.headers.includes(header))
      errors.push({ field: `mapping.${f}`, message: `Kolumnen "${header}" finns inte i filen.` });
  }
  if (errors.length > 0) return { results: [], errors };
  if (table.rows.length === 0) return { results: [], errors: [{ field: 'data', message: 'Filen har inga rader under rubrikraden.' }] };
  const col = (f: ImportField) => (mapping[f] ? table.headers.indexOf(mapping[f] as string) : -1);
  const areaByName = new Map<string, string>();
  for (const [code, name] of areas) {
    areaByName.set(code, code);
    areaByName.set(slugify(name), code);
  }
  areaByName.set('totalt', 'total');
  areaByName.set('total', 'total');
  areaByName.set('totalt-de-fyra-obligatoriska-omradena', 'total');
  const results: ResultValues[] = [];
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    const line = i + 2;
    const value = (f: ImportField) => (col(f) >= 0 ? (row[col(f)] ?? '').trim() : '');
    const err = (f: ImportField, message: string) =>
      errors.push({ field: `rows.${line}.${f}`, message: `Rad ${line}, kolumn "${mapping[f]}": ${message}` });
    const year = value('year');
    if (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2200) err('year', 'ange året som fyra siffror, till exempel 2025.');
    const periodRaw = value('period')
      .toUpperCase()
      .replace(/^HELÅR$|^HELAR$/, '');
    if (!(PERIODS as string[]).includes(periodRaw)) err('period', 'ange perioden som tom (helår), H1, H2 eller Q1–Q4.');
    const area = areaByName.get(slugify(value('area')));
    if (!area) err('area', `området "${value('area')}" är okänt; använd en områdeskod eller ett områdesnamn.`);
    const nRaw = value('n');
    const n = number(nRaw);
    if (n === null || !Number.isInteger(n) || n < 0) err('n', 'ange antal svar som ett heltal 0 eller större.');
    const index = (f: ImportField): number | null => {
      const raw = value(f);
      if (raw === '' || raw === '-' || raw === '–' || /^\*+$/.test(raw)) return null;
      const v = number(raw);
      if (v === null || v < 0 || v > 100) {
        err(f, `"${raw}" är inte ett tal 0–100.`);
        return null;
      }
      return v;
    };
    const r = {
      year: Number(year),
      period: periodRaw as InsiktPeriod,
      area: area ?? '',
      n: n ?? 0,
      responseRate: index('responseRate'),
    } as ResultValues;
    for (const m of MEASURES) r[m] = index(m === 'bemotande_question' ? 'bemotandeQuestion' : m);
    const key = `${r.year}|${r.period}|${r.area}`;
    if (area && seen.has(key)) err('area', `samma område och period finns redan på en tidigare rad.`);
    seen.add(key);
    results.push(r);
  });
  return { results, errors };
}

export async function importInsikt(actor: Actor, input: unknown, { db }: { db: Db }) {
  requireAnyRole(actor, WRITE_ROLES);
  const v = validate(ImportInput, input, {
    format: 'Ange formatet: csv eller xlsx.',
    data: 'Bifoga filens innehåll (CSV som text, XLSX som base64).',
    mapping: 'Ange kolumnmappningen som fält → kolumnrubrik.',
  });
  const table = await readTable(v.format, v.data);
  const settings = await getSettings(db, actor.tenantId);
  const suggested = suggestMapping(table.headers, settings.importMapping);
  const mapping = Object.fromEntries(Object.entries(v.mapping ?? suggested).filter(([, h]) => h)) as Partial<Record<ImportField, string>>;
  if (v.preview) return { stored: 0, headers: table.headers, mapping, rows: table.rows.length };
  const { results, errors } = rowsToResults(table, mapping, await areaNames(db, actor.tenantId));
  if (errors.length > 0) throw invalid(errors, `Inget har sparats: ${errors.length} fel i filen.`);
  await db.transaction().execute(async (trx) => {
    await saveResults(trx, actor, results, 'import');
    await rememberMapping(trx, actor.tenantId, mapping as Record<string, string>);
  });
  return { stored: results.length, headers: table.headers, mapping, rows: table.rows.length };
}
