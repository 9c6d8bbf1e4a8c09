// The XLSX template of a plan (and CSV per sheet): goal areas, direction goals, indicators, their
// values and assignments. Exporting the current plan gives the same template filled in, so an
// exported file imported again changes nothing.
import type ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import { newWorkbook } from '../../http/xlsx.ts';
import type { Actor } from '../accounts/actor.ts';
import { listUnits } from '../org/org.service.ts';
import * as assignmentsRepo from './assignments.repo.ts';
import { planTree } from './goals.read.ts';
import { storedValues } from './indicators.service.ts';
import { comparePeriods } from './periods.ts';

export const SHEETS = {
  areas: { name: 'Målområden', columns: ['Nummer', 'Titel', 'Ambition 2035', 'I praktiken'] },
  goals: { name: 'Inriktningsmål', columns: ['Nummer', 'Titel', 'Text'] },
  indicators: { name: 'Indikatorer', columns: ['Kod', 'Titel', 'Nivå', 'Ansvarig enhet', 'Enhet', 'Decimaler', 'Riktning', 'Mål'] },
  values: { name: 'Värden', columns: ['Indikatorkod', 'Period', 'Slag', 'Värde', 'Kommentar', 'Importerad'] },
  assignments: { name: 'Uppdrag', columns: ['Kod', 'Slag', 'Titel', 'Mål', 'Ansvarig enhet', 'Slutdatum', 'Status', 'Beskrivning'] },
} as const;

export type SheetKey = keyof typeof SHEETS;
type Cell = string | number | null;

export async function exportPlanRows(actor: Actor, planId: string, { db }: { db: Db }): Promise<Record<SheetKey, Cell[][]>> {
  const tree = await planTree(actor, planId, {}, { db });
  const units = new Map((await listUnits(db, actor.tenantId)).map((u) => [u.id, u.name]));
  const goals = tree.goalAreas.flatMap((a) => a.goals);
  const goalNumber = new Map(goals.map((g) => [g.id, g.number]));
  const indicators = tree.indicators.filter((i) => i.code);
  const values = await storedValues(
    db,
    actor.tenantId,
    indicators.map((i) => i.id),
  );
  const code = new Map(indicators.map((i) => [i.id, i.code]));
  const assignments = (await assignmentsRepo.listAssignments(db, actor.tenantId, { goalIds: goals.map((g) => g.id) })).filter(
    (a) => a.code,
  );
  return {
    areas: tree.goalAreas.map((a) => [a.number, a.title, a.ambition, a.inPractice]),
    goals: goals.map((g) => [g.number, g.title, g.text]),
    indicators: indicators.map((i) => [
      i.code,
      i.title,
      i.level,
      units.get(i.ownerUnitId) ?? '',
      i.unit,
      i.decimals,
      i.direction,
      i.goalIds
        .map((id) => goalNumber.get(id))
        .filter(Boolean)
        .join(', '),
    ]),
    values: values
      .filter((v) => v.value !== null || v.comment)
      .sort(
        (a, b) =>
          (code.get(a.indicator_id) ?? '').localeCompare(code.get(b.indicator_id) ?? '') ||
          comparePeriods(a.period, b.period) ||
          a.kind.localeCompare(b.kind),
      )
      .map((v) => [code.get(v.indicator_id) ?? '', v.period, v.kind, v.value, v.comment ?? '', v.imported ? 'ja' : 'nej']),
    assignments: assignments.map((a) => [
      a.code,
      a.kind,
      a.title,
      a.goal_id ? (goalNumber.get(a.goal_id) ?? '') : '',
      units.get(a.responsible_unit_id) ?? '',
      a.end_date ?? '',
      a.status,
      a.description,
    ]),
  };
}

export async function workbookOf(rows: Record<SheetKey, Cell[][]>): Promise<ExcelJS.Workbook> {
  const wb = await newWorkbook();
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const sheet = wb.addWorksheet(SHEETS[key].name);
    sheet.addRow([...SHEETS[key].columns]);
    sheet.getRow(1).font = { bold: true };
    for (const r of rows[key]) sheet.addRow(r);
  }
  return wb;
}

/** The template filled with `rows`, as an XLSX file. */
export async function xlsxOf(rows: Record<SheetKey, Cell[][]>): Promise<Buffer> {
  return Buffer.from(await (await workbookOf(rows)).xlsx.writeBuffer());
}

export async function exportPlanXlsx(actor: Actor, planId: string, ctx: { db: Db }): Promise<Buffer> {
  return xlsxOf(await exportPlanRows(actor, planId, ctx));
}

export async function exportPlanCsv(actor: Actor, planId: string, sheet: SheetKey, ctx: { db: Db }): Promise<Buffer> {
  const wb = await workbookOf(await exportPlanRows(actor, planId, ctx));
  return Buffer.from(await wb.csv.writeBuffer({ sheetName: SHEETS[sheet].name, formatterOptions: { delimiter: ';' } }));
}
