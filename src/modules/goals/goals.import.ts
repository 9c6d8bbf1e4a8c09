// Import of the plan template (XLSX): every row of every sheet is checked first, and an error
// names its sheet, row and column; nothing is stored while any row is wrong. Rows are matched by
// number or code, and unchanged rows are left alone, so importing the same file twice changes
// nothing. Everything is written in one transaction.
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import type { IndicatorDirection, ValueKind, WorkStatus } from '../../db/schema-goals.ts';
import { AppError, type FieldError, invalid } from '../../http/errors.ts';
import { newWorkbook } from '../../http/xlsx.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { isValidLocalDate } from '../calendar/calendar.ts';
import { listUnits } from '../org/org.service.ts';
import * as assignmentsRepo from './assignments.repo.ts';
import { WORK_STATUSES } from './assignments.schemas.ts';
import { requireDefine } from './goals.access.ts';
import * as goalsRepo from './goals.repo.ts';
import { getPlan } from './goals.service.ts';
import { SHEETS, type SheetKey } from './goals.transfer.ts';
import * as indicatorsRepo from './indicators.repo.ts';
import { isPeriod } from './periods.ts';

type Row = { n: number; cells: string[] };

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in v) return String(v.text).trim();
  if ('result' in v) return text(v.result as ExcelJS.CellValue);
  return '';
}

const letter = (col: number) => String.fromCharCode(64 + col);

export interface ImportResult {
  goalAreas: number;
  goals: number;
  indicators: number;
  values: number;
  assignments: number;
}

type Sheets = Record<SheetKey, Row[]>;

const noSheets = (): Sheets => ({ areas: [], goals: [], indicators: [], values: [], assignments: [] });

export async function importPlanXlsx(actor: Actor, planId: string, file: Buffer, { db }: { db: Db }): Promise<ImportResult> {
  requireDefine(actor);
  await getPlan(actor, planId, { db });
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new AppError('validation', 'Filen är ingen läsbar XLSX-fil.', { cause: error });
  }
  const sheets = noSheets();
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const def = SHEETS[key];
    const ws = wb.getWorksheet(def.name);
    if (!ws) continue;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cells = def.columns.map((_, i) => text(row.getCell(i + 1).value));
      if (cells.some((c) => c !== '')) sheets[key].push({ n, cells });
    });
  }
  return importSheets(actor, planId, sheets, { db });
}

/**
 * One sheet of the template as CSV (semicolon or comma separated, UTF-8, the template's header
 * row first), checked and stored exactly like that sheet of the XLSX file. What the sheet refers
 * to (a goal area's number, a goal's number, an indicator's code) may already be in the plan.
 */
export async function importPlanCsv(
  actor: Actor,
  planId: string,
  sheet: SheetKey,
  file: Buffer,
  { db }: { db: Db },
): Promise<ImportResult> {
  requireDefine(actor);
  await getPlan(actor, planId, { db });
  const def = SHEETS[sheet];
  const content = file.toString('utf8').replace(/^\uFEFF/, '');
  if (content.includes('\u0000'))
    throw new AppError('validation', `Blad ${def.name}: filen innehåller ett NUL-tecken. Spara den som CSV (UTF-8).`);
  const header = content.split(/\r?\n/, 1)[0] ?? '';
  let records: string[][];
  try {
    records = parse(content, { delimiter: header.includes(';') ? ';' : ',', relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new AppError(
      'validation',
      `Blad ${def.name}: CSV-filen kan inte läsas. Kontrollera citattecknen och spara den som CSV (UTF-8).`,
      {
        cause: error,
      },
    );
  }
  const head = (records[0] ?? []).map((c) => c.trim());
  if (def.columns.some((c, i) => head[i] !== c))
    throw invalid(
      [{ field: `${def.name}!A1`, message: `Blad ${def.name}, rad 1: rubrikraden ska vara ${def.columns.join(';')}.` }],
      'Filen har 1 fel. Inget har sparats.',
    );
  const sheets = noSheets();
  for (const [i, cells] of records.slice(1).entries()) {
    const row = { n: i + 2, cells: def.columns.map((_, c) => (cells[c] ?? '').trim()) };
    if (row.cells.some((c) => c !== '')) sheets[sheet].push(row);
  }
  return importSheets(actor, planId, sheets, { db });
}

/** Checks every row of every sheet, then stores them all in one transaction (or nothing). */
async function importSheets(actor: Actor, planId: string, sheets: Sheets, { db }: { db: Db }): Promise<ImportResult> {
  const errors: FieldError[] = [];
  // What the plan already holds, so a sheet may refer to it (CSV imports one sheet at a time).
  const existingAreas = await goalsRepo.listGoalAreas(db, actor.tenantId, planId);
  const existingGoals = await goalsRepo.listGoals(
    db,
    actor.tenantId,
    existingAreas.map((a) => a.id),
  );
  const existingIndicators = (await indicatorsRepo.listIndicators(db, actor.tenantId)).filter((i) => i.code);
  const fail = (key: SheetKey, row: number, col: number, message: string) => {
    const def = SHEETS[key];
    errors.push({
      field: `${def.name}!${letter(col + 1)}${row}`,
      message: `Blad ${def.name}, rad ${row}, kolumn ${letter(col + 1)} (${def.columns[col]}): ${message}`,
    });
  };
  const units = new Map((await listUnits(db, actor.tenantId)).map((u) => [u.name, u.id]));

  const areas = sheets.areas.map(({ n, cells: [num, title, ambition, practice] }) => {
    if (!/^\d{1,2}$/.test(num)) fail('areas', n, 0, 'ange målområdets nummer (1–99).');
    if (!title) fail('areas', n, 1, 'ange en titel.');
    return { number: Number(num), title, ambition, practice };
  });
  const areaNumbers = new Set([...areas.map((a) => a.number), ...existingAreas.map((a) => a.number)]);
  const goals = sheets.goals.map(({ n, cells: [num, title, body] }) => {
    if (!/^\d+(\.\d+){1,3}$/.test(num)) fail('goals', n, 0, 'ange målets nummer, t.ex. 1.1.');
    else if (!areaNumbers.has(Number(num.split('.')[0])))
      fail('goals', n, 0, `målområde ${num.split('.')[0]} finns inte på bladet ${SHEETS.areas.name}.`);
    if (!title) fail('goals', n, 1, 'ange en titel.');
    return { number: num, title, text: body };
  });
  const goalNumbers = new Set([...goals.map((g) => g.number), ...existingGoals.map((g) => g.number)]);
  const goalList = (key: SheetKey, n: number, col: number, s: string) => {
    const list = s.split(/[,;]\s*/).filter(Boolean);
    for (const g of list) if (!goalNumbers.has(g)) fail(key, n, col, `målet ${g} finns inte på bladet ${SHEETS.goals.name}.`);
    return list;
  };
  const indicators = sheets.indicators.map(({ n, cells: [code, title, level, unitName, unit, decimals, direction, goalNos] }) => {
    if (!code) fail('indicators', n, 0, 'ange en kod.');
    if (!title) fail('indicators', n, 1, 'ange en titel.');
    if (level !== 'KF' && level !== 'board') fail('indicators', n, 2, 'ange KF eller board.');
    if (!units.has(unitName)) fail('indicators', n, 3, `enheten "${unitName}" finns inte.`);
    if (!unit) fail('indicators', n, 4, 'ange enhet, t.ex. %.');
    if (!/^[0-4]$/.test(decimals)) fail('indicators', n, 5, 'ange antal decimaler (0–4).');
    if (direction !== 'higher' && direction !== 'lower') fail('indicators', n, 6, 'ange higher eller lower.');
    return {
      code,
      title,
      level: level as 'KF' | 'board',
      ownerUnitId: units.get(unitName) ?? '',
      unit,
      decimals: Number(decimals),
      direction: direction as IndicatorDirection,
      goals: goalList('indicators', n, 7, goalNos),
    };
  });
  const codes = new Set([...indicators.map((i) => i.code), ...existingIndicators.map((i) => i.code ?? '')]);
  const seenValues = new Set<string>();
  const values = sheets.values.map(({ n, cells: [code, period, kind, value, comment, imported] }) => {
    if (!codes.has(code)) fail('values', n, 0, `indikatorn ${code} finns inte på bladet ${SHEETS.indicators.name}.`);
    if (!isPeriod(period)) fail('values', n, 1, 'perioden ska vara 2025, 2025-D1, 2025-D2 eller 2025-03.');
    if (!['outcome', 'forecast', 'target'].includes(kind)) fail('values', n, 2, 'ange outcome, forecast eller target.');
    const num = value.replace(',', '.').replace(/\s/g, '');
    if (num !== '' && !/^-?\d+(\.\d+)?$/.test(num)) fail('values', n, 3, 'ange ett tal eller lämna tomt.');
    if (seenValues.has(`${code}/${period}/${kind}`))
      fail('values', n, 1, 'samma indikator, period och slag finns redan på en tidigare rad.');
    seenValues.add(`${code}/${period}/${kind}`);
    return {
      code,
      period,
      kind: kind as ValueKind,
      value: num === '' ? null : Number(num),
      comment: comment || null,
      imported: imported === 'ja',
    };
  });
  const assignments = sheets.assignments.map(({ n, cells: [code, kind, title, goalNo, unitName, endDate, status, description] }) => {
    if (!code) fail('assignments', n, 0, 'ange en kod.');
    if (kind !== 'assignment' && kind !== 'initiative') fail('assignments', n, 1, 'ange assignment eller initiative.');
    if (!title) fail('assignments', n, 2, 'ange en titel.');
    if (goalNo) goalList('assignments', n, 3, goalNo);
    if (!units.has(unitName)) fail('assignments', n, 4, `enheten "${unitName}" finns inte.`);
    if (endDate && !isValidLocalDate(endDate)) fail('assignments', n, 5, 'ange datum som ÅÅÅÅ-MM-DD.');
    if (!(WORK_STATUSES as readonly string[]).includes(status)) fail('assignments', n, 6, `ange ${WORK_STATUSES.join(', ')}.`);
    return {
      code,
      kind: kind as 'assignment' | 'initiative',
      title,
      goalNo,
      unitId: units.get(unitName) ?? '',
      endDate: endDate || null,
      status: status as WorkStatus,
      description,
    };
  });
  if (errors.length) throw invalid(errors, `Filen har ${errors.length} fel. Inget har sparats.`);

  try {
    return await db.transaction().execute(async (trx) => {
      const result: ImportResult = { goalAreas: 0, goals: 0, indicators: 0, values: 0, assignments: 0 };
      const areaIds = new Map<number, string>(existingAreas.map((a) => [a.number, a.id]));
      for (const a of areas) {
        const old = existingAreas.find((x) => x.number === a.number);
        if (!old) {
          const row = await goalsRepo.insertGoalArea(trx, {
            tenant_id: actor.tenantId,
            plan_id: planId,
            number: a.number,
            title: a.title,
            ambition: a.ambition,
            in_practice: a.practice,
            position: a.number,
          });
          areaIds.set(a.number, row.id);
          result.goalAreas++;
        } else {
          areaIds.set(a.number, old.id);
          if (old.title !== a.title || old.ambition !== a.ambition || old.in_practice !== a.practice) {
            await goalsRepo.updateGoalArea(trx, actor.tenantId, old.id, { title: a.title, ambition: a.ambition, in_practice: a.practice });
            result.goalAreas++;
          }
        }
      }
      const byNumber = new Map(existingGoals.map((g) => [g.number, g]));
      const goalIds = new Map<string, string>([...byNumber].map(([number, g]) => [number, g.id]));
      for (const g of goals) {
        const old = byNumber.get(g.number);
        if (!old) {
          const row = await goalsRepo.insertGoal(trx, {
            tenant_id: actor.tenantId,
            goal_area_id: areaIds.get(Number(g.number.split('.')[0])) ?? '',
            kind: 'direction',
            number: g.number,
            title: g.title,
            text: g.text,
          });
          goalIds.set(g.number, row.id);
          result.goals++;
        } else {
          goalIds.set(g.number, old.id);
          if (old.title !== g.title || old.text !== g.text) {
            await goalsRepo.updateGoal(trx, actor.tenantId, old.id, { title: g.title, text: g.text });
            result.goals++;
          }
        }
      }
      const indicatorIds = new Map<string, string>(existingIndicators.map((i) => [i.code ?? '', i.id]));
      for (const i of indicators) {
        const old = await indicatorsRepo.findIndicatorByCode(trx, actor.tenantId, i.code);
        const cols = {
          title: i.title,
          level: i.level,
          owner_unit_id: i.ownerUnitId,
          unit: i.unit,
          decimals: i.decimals,
          direction: i.direction,
        };
        const links = i.goals.map((g) => goalIds.get(g) ?? '').filter(Boolean);
        let id = old?.id;
        if (!old) {
          id = (
            await indicatorsRepo.insertIndicator(trx, {
              tenant_id: actor.tenantId,
              code: i.code,
              ...cols,
              source: JSON.stringify({ type: 'manual' }),
            })
          ).id;
          result.indicators++;
        } else if (Object.entries(cols).some(([k, v]) => old[k as keyof typeof cols] !== v)) {
          await indicatorsRepo.updateIndicator(trx, actor.tenantId, old.id, cols);
          result.indicators++;
        }
        const current = (await indicatorsRepo.listGoalLinks(trx, actor.tenantId, { indicatorIds: [id ?? ''] }))
          .map((l) => l.goal_id)
          .sort();
        if (id && current.join() !== [...links].sort().join()) await indicatorsRepo.setGoalLinks(trx, actor.tenantId, id, links);
        if (id) indicatorIds.set(i.code, id);
      }
      for (const v of values) {
        const id = indicatorIds.get(v.code) ?? '';
        const old = await indicatorsRepo.findValueForUpdate(trx, actor.tenantId, id, v.period, v.kind);
        if (old && old.value === v.value && old.comment === v.comment && old.imported === v.imported) continue;
        const set = {
          value: v.value,
          comment: v.comment,
          imported: v.imported,
          entered_by_user_id: actor.userId,
          entered_by_label: actor.label,
          entered_at: new Date(),
        };
        if (old) await indicatorsRepo.replaceValue(trx, old, set, actor.label);
        else await indicatorsRepo.insertValue(trx, { tenant_id: actor.tenantId, indicator_id: id, period: v.period, kind: v.kind, ...set });
        result.values++;
      }
      for (const a of assignments) {
        const old = await assignmentsRepo.findAssignmentByCode(trx, actor.tenantId, a.code);
        const cols = {
          kind: a.kind,
          title: a.title,
          goal_id: a.goalNo ? (goalIds.get(a.goalNo) ?? null) : null,
          responsible_unit_id: a.unitId,
          end_date: a.endDate,
          status: a.status,
          description: a.description,
        };
        if (!old) {
          await assignmentsRepo.insertAssignment(trx, { tenant_id: actor.tenantId, code: a.code, ...cols });
          result.assignments++;
        } else if (Object.entries(cols).some(([k, v]) => old[k as keyof typeof cols] !== v)) {
          await assignmentsRepo.updateAssignment(trx, actor.tenantId, old.id, cols);
          result.assignments++;
        }
      }
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'goal_plan.imported',
        entity: 'goal_plan',
        entityId: planId,
        data: { ...result },
      });
      return result;
    });
  } catch (error) {
    // Another import (or a person) added the same number or code meanwhile: nothing of this one is stored.
    if ((error as { code?: string }).code === '23505')
      throw new AppError('conflict', 'Planen ändrades under importen. Inget har sparats – importera filen igen.', { cause: error });
    throw error;
  }
}
