// CSV import of a year's meetings. Every row is checked first; if any row is wrong nothing is
// stored and every problem is reported with its line number. A row for a board and date that
// already exists updates that meeting, so importing the same file twice changes nothing.
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError, invalid } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { listUnits, type OrgUnit } from '../org/org.service.ts';
import { canWriteBoard } from './meetings.access.ts';
import * as repo from './meetings.repo.ts';
import { checkMeeting, isUniqueViolation, type MeetingInput } from './meetings.service.ts';

type Column = Exclude<keyof MeetingInput, 'boardUnitId'> | 'board';

const ALIASES: Record<Column, string[]> = {
  board: ['namnd', 'board', 'board_id', 'board_unit_id', 'boardunitid', 'styrelse', 'organ', 'namnd_id'],
  meetingDate: ['datum', 'sammantradesdatum', 'sammantrade', 'meeting_date', 'meetingdate', 'date'],
  startsAt: ['tid', 'starttid', 'klockslag', 'starts_at', 'startsat', 'time'],
  title: ['rubrik', 'titel', 'title'],
  registrationNumber: ['dnr', 'diarienummer', 'registration_number', 'registrationnumber'],
  documentsPublishedAt: [
    'handlingar_publicerade',
    'handlingar_publicerad',
    'handlingar',
    'documents_published_at',
    'documentspublishedat',
    'documents_published',
    'documents',
  ],
  minutesApprovedDate: ['justerad', 'justerat', 'justering', 'justeringsdatum', 'minutes_approved_date', 'minutesapproveddate', 'approved'],
  minutesPublishedAt: [
    'protokoll_publicerat',
    'protokoll_publicerad',
    'protokoll',
    'minutes_published_at',
    'minutespublishedat',
    'minutes_published',
    'minutes',
  ],
};

const COLUMN_NAMES: Record<Column, string> = {
  board: 'nämnd',
  meetingDate: 'datum',
  startsAt: 'tid',
  title: 'rubrik',
  registrationNumber: 'dnr',
  documentsPublishedAt: 'handlingar_publicerade',
  minutesApprovedDate: 'justerad',
  minutesPublishedAt: 'protokoll_publicerat',
};

export const MAX_IMPORT_ROWS = 2000;

function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s-]+/g, '_');
}

function columnOf(header: string): Column | undefined {
  const key = normaliseHeader(header);
  return (Object.keys(ALIASES) as Column[]).find((c) => ALIASES[c].includes(key));
}

/** ';' or ',' — whichever the header line uses more. */
function detectSeparator(text: string): ';' | ',' {
  const header = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export interface CsvRecord {
  line: number;
  fieldCount: number;
  cells: Partial<Record<Column, string>>;
}

const fileError = (message: string) => invalid([{ field: 'csv', message }], message);

/** Splits the file into records keyed by column; throws a validation error for a malformed file. */
export function readMeetingsCsv(text: string): { columns: Column[]; records: CsvRecord[] } {
  if (text.trim() === '') throw fileError('Klistra in innehållet i CSV-filen.');
  let raw: { record: string[]; info: { lines: number } }[];
  try {
    raw = parse(text, {
      delimiter: detectSeparator(text),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      bom: true,
    }) as unknown as typeof raw;
  } catch (error) {
    throw invalid([{ field: 'csv', message: `Filen går inte att läsa som CSV: ${(error as Error).message}` }], 'Filen går inte att läsa.');
  }
  const [header, ...rows] = raw;
  if (!header) throw fileError('Filen saknar rubrikrad.');
  const columns: Column[] = [];
  const problems: string[] = [];
  for (const name of header.record) {
    const column = columnOf(name);
    if (!column) problems.push(`okänd kolumn "${name}"`);
    else if (columns.includes(column)) problems.push(`kolumnen "${name}" finns två gånger`);
    else columns.push(column);
  }
  for (const required of ['board', 'meetingDate'] as const) {
    if (!columns.includes(required)) problems.push(`kolumnen "${COLUMN_NAMES[required]}" saknas`);
  }
  if (problems.length > 0) throw fileError(`Rad 1 (rubrikraden): ${problems.join('; ')}.`);
  if (rows.length === 0) throw fileError('Filen har inga sammanträden under rubrikraden.');
  if (rows.length > MAX_IMPORT_ROWS) throw fileError(`Filen har fler än ${MAX_IMPORT_ROWS} rader. Dela upp den.`);
  const records = rows.map(({ record, info }) => {
    const cells: Partial<Record<Column, string>> = {};
    columns.forEach((c, i) => {
      cells[c] = record[i] ?? '';
    });
    return { line: info.lines, fieldCount: record.length, cells };
  });
  return { columns, records };
}

export interface ImportResult {
  created: number;
  updated: number;
}

function findBoard(text: string, boards: readonly OrgUnit[]): OrgUnit | undefined {
  const wanted = text.trim().toLocaleLowerCase('sv');
  return boards.find((b) => b.id === wanted || b.name.toLocaleLowerCase('sv') === wanted);
}

/** Imports meetings from CSV text (role secretary for the boards in the file, or admin). */
export async function importMeetingsCsv(actor: Actor, text: string, { db }: { db: Db }): Promise<ImportResult> {
  requireAnyRole(actor, ['secretary', 'admin']);
  const { columns, records } = readMeetingsCsv(text);
  const units = await listUnits(db, actor.tenantId);
  const boards = units.filter((u) => u.kind === 'board');
  const existing = new Map((await repo.listMeetings(db, actor.tenantId)).map((m) => [`${m.boardUnitId}|${m.meetingDate}`, m]));
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const rows: { existing?: repo.Meeting; boardUnitId: string; meetingDate: string; values: repo.MeetingValues }[] = [];

  for (const { line, fieldCount, cells } of records) {
    const rowError = (message: string) => errors.push({ field: 'csv', message: `Rad ${line}: ${message}` });
    if (fieldCount !== columns.length) {
      rowError(`raden har ${fieldCount} kolumner men rubrikraden ${columns.length}.`);
      continue;
    }
    const board = findBoard(cells.board ?? '', boards);
    if (!board) {
      rowError(`nämnden "${cells.board ?? ''}" finns inte (ange namnet eller id för en styrelse eller nämnd).`);
      continue;
    }
    if (!canWriteBoard(actor, board.id, units)) {
      rowError(`du får inte registrera sammanträden för ${board.name}.`);
      continue;
    }
    const meetingDate = cells.meetingDate ?? '';
    const key = `${board.id}|${meetingDate}`;
    const before = existing.get(key);
    if (seen.has(key)) {
      rowError(`${board.name} ${meetingDate} finns redan på rad ${seen.get(key)}.`);
      continue;
    }
    seen.set(key, line);
    // Columns missing from the file keep what is stored; present but empty cells clear a value.
    const input: MeetingInput = {
      boardUnitId: board.id,
      meetingDate,
      startsAt: before?.startsAt ?? null,
      title: before?.title ?? null,
      registrationNumber: before?.registrationNumber ?? null,
      documentsPublishedAt: before?.documentsPublishedAt?.toISOString() ?? null,
      minutesApprovedDate: before?.minutesApprovedDate ?? null,
      minutesPublishedAt: before?.minutesPublishedAt?.toISOString() ?? null,
    };
    for (const column of columns) {
      if (column !== 'board' && column !== 'meetingDate') input[column] = cells[column] ?? '';
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(meetingDate)) {
      rowError(`datumet "${meetingDate}" ska skrivas ÅÅÅÅ-MM-DD.`);
      continue;
    }
    if ((input.title?.length ?? 0) > 200) rowError('rubriken får ha högst 200 tecken.');
    if ((input.registrationNumber?.length ?? 0) > 60) rowError('diarienumret får ha högst 60 tecken.');
    const checked = checkMeeting(input, boards);
    for (const e of checked.errors) rowError(e.message);
    if (checked.value) rows.push({ existing: before, boardUnitId: board.id, meetingDate, values: checked.value.values });
  }
  if (errors.length > 0) {
    throw new AppError('validation', `Filen har ${errors.length} fel. Inget har sparats.`, { fields: errors });
  }

  try {
    return await storeImport(actor, rows, db);
  } catch (error) {
    // Another import or form registered one of the new meetings meanwhile: nothing was stored.
    if (isUniqueViolation(error)) {
      throw new AppError(
        'conflict',
        'Ett av sammanträdena i filen registrerades samtidigt av någon annan. Inget har sparats. Importera filen igen.',
        {
          fields: [{ field: 'csv', message: 'Ett av sammanträdena registrerades samtidigt av någon annan. Importera filen igen.' }],
          cause: error,
        },
      );
    }
    throw error;
  }
}

type ImportRow = { existing?: repo.Meeting; boardUnitId: string; meetingDate: string; values: repo.MeetingValues };

function storeImport(actor: Actor, rows: ImportRow[], db: Db): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    const result: ImportResult = { created: 0, updated: 0 };
    const ids: string[] = [];
    for (const row of rows) {
      if (row.existing) {
        await repo.updateMeeting(trx, actor.tenantId, row.existing.id, row.values);
        ids.push(row.existing.id);
        result.updated++;
      } else {
        ids.push(await repo.insertMeeting(trx, actor.tenantId, row, row.values));
        result.created++;
      }
    }
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'import',
      entity: 'meeting',
      data: { ...result, meetingIds: ids },
    });
    return result;
  });
}
