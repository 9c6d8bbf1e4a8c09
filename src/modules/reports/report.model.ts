// The one model of a report: everything the web page, DOCX, XLSX and PDF show, as plain JSON.
// It is built from the goals module's follow-up read, the promises' fulfilment and the sections
// other modules register (satisfaction). An approved report stores this model and is read from it.
import type { Db } from '../../db/database.ts';
import type { Actor } from '../accounts/actor.ts';
import { localDate } from '../calendar/calendar.ts';
import {
  ASSESSMENT_NAMES,
  ASSESSMENT_SYMBOLS,
  type AssessmentStatus,
  boardPeriodFollowUp,
  periodName,
  periodRange,
  WORK_STATUS_NAMES,
  WORK_STATUS_SYMBOLS,
} from '../goals/index.ts';
import { listUnits } from '../org/org.service.ts';
import { createResultsLoader, fulfilmentOf } from '../promises/promises.results.ts';
import { listPromises } from '../promises/promises.service.ts';
import { buildSections, type ReportSection } from './report.sections.ts';

export const MODEL_VERSION = 1;

export interface Verdict {
  status: AssessmentStatus;
  name: string;
  symbol: string;
}

export interface IndicatorLine {
  id: string;
  title: string;
  unit: string;
  decimals: number;
  /** Outcomes of the two years before the period's year, oldest first. */
  earlier: { year: number; value: number | null }[];
  outcome: number | null;
  forecast: number | null;
  targets: { year: number; value: number | null }[];
  verdict: Verdict;
  reason: string;
  /** Every value shown, with who entered it and when (null: computed from the cases): what a change since approval is read against. */
  cells: { period: string; kind: 'outcome' | 'forecast' | 'target'; value: number | null; by: string | null; at: string | null }[];
}

export interface AssignmentLine {
  title: string;
  kind: 'assignment' | 'initiative';
  responsible: string;
  endDate: string | null;
  status: string;
  statusName: string;
  statusSymbol: string;
  comment: string;
}

export interface GoalSection {
  id: string;
  number: string;
  title: string;
  boardText: string;
  computed: Verdict & { reason: string };
  written: (Verdict & { analysis: string; by: string }) | null;
  indicators: IndicatorLine[];
  assignments: AssignmentLine[];
}

export interface AreaSection {
  id: string;
  number: number;
  title: string;
  boardText: string;
  goals: GoalSection[];
  counts: Record<AssessmentStatus, number>;
}

export interface ActionPlanSection {
  title: string;
  responsible: string;
  activities: {
    number: number;
    title: string;
    responsible: string;
    endDate: string;
    statusName: string;
    statusSymbol: string;
    comment: string;
  }[];
}

export interface PromiseLine {
  title: string;
  unit: string;
  target: number | null;
  period: { ratio: number | null; measured: number; statusName: string };
  year: { ratio: number | null; measured: number; statusName: string };
}

export interface ReportModel {
  modelVersion: number;
  reportId: string;
  title: string;
  board: { id: string; name: string };
  period: string;
  periodName: string;
  periodKind: 'interim' | 'year';
  status: 'draft' | 'approved' | 'published';
  version: number;
  replaces: { reportId: string; reason: string } | null;
  decisionDate: string | null;
  registrationNumber: string | null;
  tenantName: string;
  generatedAt: string;
  /** The data is as of this day. */
  asOf: string;
  plan: { title: string; firstYear: number; lastYear: number } | null;
  introduction: string;
  closing: string;
  areas: AreaSection[];
  actionPlans: ActionPlanSection[];
  promises: PromiseLine[];
  sections: ReportSection[];
}

export interface ReportHead {
  id: string;
  boardUnitId: string;
  period: string;
  version: number;
  status: 'draft' | 'approved' | 'published';
  introduction: string;
  closing: string;
  replacesReportId: string | null;
  replaceReason: string | null;
  decisionDate: string | null;
  registrationNumber: string | null;
}

const verdict = (status: AssessmentStatus): Verdict => ({ status, name: ASSESSMENT_NAMES[status], symbol: ASSESSMENT_SYMBOLS[status] });

const FULFILMENT_NAMES = { met: 'uppfyllt', not_met: 'ej uppfyllt', too_few: 'för få mätningar' } as const;

export function reportTitle(periodText: string, boardName: string): string {
  const r = periodRange(periodText);
  const kind = r?.kind === 'year' ? `Verksamhetsberättelse ${r.year}` : `${periodName(periodText)}, delårsrapport`;
  return `${kind} – ${boardName}`;
}

const emptyCounts = (): Record<AssessmentStatus, number> => ({ met: 0, partly: 0, not_met: 0, no_data: 0 });

/** Builds the live model of a report (a draft, or the snapshot taken at approval). */
// Outcomes computed from two years of cases take seconds; a draft's preview, its downloads and the
// comparison with an approved report share them for a minute (per municipality and day), so a
// figure computed from cases may be up to a minute old there. Approval computes afresh.
const SOURCE_TTL_MS = 60_000;
const sourceCaches = new Map<string, { at: number; cache: Map<string, Promise<number | null>> }>();

function sharedSourceCache(tenantId: string, today: string): Map<string, Promise<number | null>> {
  const now = Date.now();
  for (const [k, v] of sourceCaches) if (now - v.at >= SOURCE_TTL_MS) sourceCaches.delete(k);
  const key = `${tenantId}|${today}`;
  let hit = sourceCaches.get(key);
  if (!hit) {
    hit = { at: now, cache: new Map() };
    sourceCaches.set(key, hit);
  }
  return hit.cache;
}

/** Forgets the shared computed outcomes (the benchmark measures a draft's first view with it). */
export function clearSharedSources(): void {
  sourceCaches.clear();
}

export async function buildReportModel(
  actor: Actor,
  head: ReportHead,
  options: { db: Db; today?: string; now?: Date; fresh?: boolean },
): Promise<ReportModel> {
  const { db } = options;
  const today = options.today ?? localDate(options.now ?? new Date());
  const range = periodRange(head.period);
  if (!range) throw new Error(`not a period: ${head.period}`);
  const units = new Map((await listUnits(db, actor.tenantId)).map((u) => [u.id, u]));
  const unitName = (id: string) => units.get(id)?.name ?? '';
  const board = { id: head.boardUnitId, name: unitName(head.boardUnitId) };
  const isRoot = units.get(head.boardUnitId)?.parentId === null;
  const cache = options.fresh ? undefined : sharedSourceCache(actor.tenantId, today);
  const data = await boardPeriodFollowUp(actor, { boardUnitId: head.boardUnitId, period: head.period }, { db, today, cache });
  const year = range.year;
  const indicatorsById = new Map(data.indicators.map((i) => [i.id, i]));
  const boardTextOf = (texts: { boardUnitId: string; year: number; text: string }[]) =>
    texts.find((t) => t.boardUnitId === head.boardUnitId && t.year === year)?.text ?? texts.find((t) => t.year === year)?.text ?? '';

  const indicatorLine = (id: string): IndicatorLine | null => {
    const i = indicatorsById.get(id);
    if (!i) return null;
    const value = (period: string, kind: 'outcome' | 'forecast' | 'target') =>
      i.values.find((v) => v.period === period && v.kind === kind) ?? null;
    const outcome = value(head.period, 'outcome');
    const a = i.assessments.find((x) => x.period === head.period);
    const plan = data.plan;
    const targetYears = plan ? Array.from({ length: plan.lastYear - plan.firstYear + 1 }, (_, k) => plan.firstYear + k) : [year];
    const forecast = value(head.period, 'forecast') ?? value(String(year), 'forecast');
    const shown = [
      value(String(year - 2), 'outcome'),
      value(String(year - 1), 'outcome'),
      outcome,
      forecast,
      ...targetYears.map((y) => value(String(y), 'target')),
    ].filter((v) => v !== null);
    return {
      id: i.id,
      title: i.title,
      unit: i.unit,
      decimals: i.decimals,
      earlier: [year - 2, year - 1].map((y) => ({ year: y, value: value(String(y), 'outcome')?.value ?? null })),
      outcome: outcome?.value ?? null,
      forecast: forecast?.value ?? null,
      targets: targetYears.map((y) => ({ year: y, value: value(String(y), 'target')?.value ?? null })),
      verdict: verdict(a?.status ?? 'no_data'),
      reason: a?.reason ?? '',
      cells: shown.map((v) => ({ period: v.period, kind: v.kind, value: v.value, by: v.enteredBy, at: v.enteredAt })),
    };
  };

  const assignmentsById = new Map(data.assignments.map((a) => [a.id, a]));
  const assignmentLine = (id: string): AssignmentLine | null => {
    const a = assignmentsById.get(id);
    if (!a) return null;
    const update = a.updates.find((u) => u.period === head.period);
    const status = update?.status ?? a.status;
    return {
      title: a.title,
      kind: a.kind,
      responsible: unitName(a.responsibleUnitId),
      endDate: a.endDate,
      status,
      statusName: WORK_STATUS_NAMES[status],
      statusSymbol: WORK_STATUS_SYMBOLS[status],
      comment: update?.comment ?? '',
    };
  };

  const areas: AreaSection[] = data.goalAreas.map((area) => {
    const counts = emptyCounts();
    const goals = area.goals.map((g): GoalSection => {
      const s = g.summaries.find((x) => x.period === head.period);
      const computed = s?.status ?? 'no_data';
      const written = s?.written ?? null;
      counts[written?.status ?? computed] += 1;
      const ids = [...g.indicatorIds, ...g.children.flatMap((c) => c.indicatorIds)];
      const assignmentIds = [...g.assignmentIds, ...g.children.flatMap((c) => c.assignmentIds)];
      return {
        id: g.id,
        number: g.number,
        title: g.title,
        boardText: boardTextOf(g.boardTexts),
        computed: { ...verdict(computed), reason: s?.reason ?? 'Inga indikatorer eller uppdrag för perioden.' },
        written: written ? { ...verdict(written.status ?? computed), analysis: written.analysis, by: written.by } : null,
        indicators: [...new Set(ids)].map(indicatorLine).filter((x): x is IndicatorLine => x !== null),
        assignments: [...new Set(assignmentIds)].map(assignmentLine).filter((x): x is AssignmentLine => x !== null),
      };
    });
    return { id: area.id, number: area.number, title: area.title, boardText: boardTextOf(area.boardTexts), goals, counts };
  });

  const actionPlans: ActionPlanSection[] = data.actionPlans.map((p) => ({
    title: p.title,
    responsible: unitName(p.responsibleUnitId),
    activities: p.activities.map((a) => {
      const progress = a.progress.find((x) => x.period === head.period);
      const status = progress?.status ?? a.status;
      return {
        number: a.number,
        title: a.title,
        responsible: unitName(a.responsibleUnitId),
        endDate: a.endDate,
        statusName: WORK_STATUS_NAMES[status],
        statusSymbol: WORK_STATUS_SYMBOLS[status],
        comment: progress?.comment ?? '',
      };
    }),
  }));

  const loader = createResultsLoader(db, actor.tenantId, today);
  const promises: PromiseLine[] = [];
  for (const p of await listPromises(db, actor.tenantId, { statuses: ['decided', 'published'] })) {
    if (!isRoot && p.current.boardUnitId !== head.boardUnitId) continue;
    const inPeriod = await fulfilmentOf(loader, p, range.from, range.to);
    const inYear = range.kind === 'year' ? inPeriod : await fulfilmentOf(loader, p, `${year}-01-01`, `${year}-12-31`);
    const line = (f: typeof inPeriod) => ({ ratio: f.ratio, measured: f.measured, statusName: FULFILMENT_NAMES[f.status] });
    promises.push({
      title: p.current.title,
      unit: unitName(p.current.unitId),
      target: inYear.target,
      period: line(inPeriod),
      year: line(inYear),
    });
  }

  return {
    modelVersion: MODEL_VERSION,
    reportId: head.id,
    title: reportTitle(head.period, board.name),
    board,
    period: head.period,
    periodName: range.kind === 'year' ? `År ${year}` : periodName(head.period),
    periodKind: range.kind === 'year' ? 'year' : 'interim',
    status: head.status,
    version: head.version,
    replaces: head.replacesReportId ? { reportId: head.replacesReportId, reason: head.replaceReason ?? '' } : null,
    decisionDate: head.decisionDate,
    registrationNumber: head.registrationNumber,
    tenantName: actor.tenantName,
    generatedAt: (options.now ?? new Date()).toISOString(),
    asOf: today,
    plan: data.plan ? { title: data.plan.title, firstYear: data.plan.firstYear, lastYear: data.plan.lastYear } : null,
    introduction: head.introduction,
    closing: head.closing,
    areas,
    actionPlans,
    promises,
    sections: await buildSections(actor, { boardUnitId: head.boardUnitId, period: head.period }, { db, today }),
  };
}
