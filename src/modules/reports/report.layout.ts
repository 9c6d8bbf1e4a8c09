// The report model laid out as a sequence of blocks (headings 1–3 in order, paragraphs, tables,
// the summary chart): the web page, the DOCX and the XLSX all render these, so the formats never
// disagree. Pure.
import type { ReportModel } from './report.model.ts';

export const REPORT_STATUS_NAMES = { draft: 'Utkast', approved: 'Fastställd', published: 'Fastställd och publicerad' } as const;
const reportStatusName = (s: ReportModel['status']) => REPORT_STATUS_NAMES[s];

export type Cell = string | number | null;

export interface Column {
  label: string;
  /** 'number': decimals from the column or the row; 'percent': a share 0..1; 'date': 'YYYY-MM-DD'. */
  kind: 'text' | 'number' | 'percent' | 'date';
  decimals?: number;
}

export interface LayoutTable {
  id: string;
  /** The XLSX sheet's name (≤ 31 characters, unique in the report). */
  sheet: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** Decimals of a row's number cells when the column does not say (an indicator's own). */
  rowDecimals?: number[];
}

export interface SummaryBar {
  label: string;
  met: number;
  partly: number;
  notMet: number;
  noData: number;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; id: string }
  | { type: 'paragraph'; text: string; label?: string }
  | { type: 'table'; table: LayoutTable }
  | { type: 'chart'; id: string; alt: string; bars: SummaryBar[]; tableId: string };

export interface TitlePage {
  title: string;
  facts: [string, string][];
}

const NUMBER_FORMAT = new Map<number, Intl.NumberFormat>();
/** Swedish display of a number with at most `decimals` decimals. */
export function formatNumber(value: number, decimals: number): string {
  let f = NUMBER_FORMAT.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
    NUMBER_FORMAT.set(decimals, f);
  }
  return f.format(value);
}

const PERCENT = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

export function formatCell(cell: Cell, column: Column, rowDecimals = 0): string {
  if (cell === null || cell === '') return '–';
  if (typeof cell === 'string') return cell;
  if (column.kind === 'percent') return PERCENT.format(cell);
  return formatNumber(cell, column.decimals ?? rowDecimals);
}

/** Sheet names: unique, at most 31 characters, none of []:*?/\ . */
function sheetNamer() {
  const used = new Set<string>();
  return (name: string) => {
    const base =
      name
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 28) || 'Tabell';
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 27 - String(n).length)} (${n})`;
    used.add(candidate.toLowerCase());
    return candidate;
  };
}

export function titlePage(m: ReportModel): TitlePage {
  const facts: [string, string][] = [
    ['Nämnd', m.board.name],
    ['Period', m.periodName],
    ['Status', reportStatusName(m.status)],
    ['Version', String(m.version)],
  ];
  if (m.decisionDate) facts.push(['Beslutsdatum', m.decisionDate]);
  if (m.registrationNumber) facts.push(['Diarienummer', m.registrationNumber]);
  if (m.plan) facts.push(['Plan', m.plan.title]);
  facts.push(['Uppgifterna avser', `läget ${m.asOf}`]);
  if (m.replaces) facts.push(['Ersätter', `en tidigare version. Skäl: ${m.replaces.reason}`]);
  return { title: m.title, facts };
}

export function layoutReport(m: ReportModel): Block[] {
  const sheet = sheetNamer();
  const blocks: Block[] = [];
  const h = (level: 1 | 2 | 3, text: string, id: string) => blocks.push({ type: 'heading', level, text, id });
  const p = (text: string, label?: string) => {
    if (text.trim()) blocks.push({ type: 'paragraph', text, label });
  };
  const year = Number(m.period.slice(0, 4));

  if (m.introduction.trim()) {
    h(1, 'Inledning', 'inledning');
    for (const para of m.introduction.split(/\n\s*\n/)) p(para);
  }

  h(1, 'Sammanfattning', 'sammanfattning');
  const bars: SummaryBar[] = m.areas.map((a) => ({
    label: `${a.number}. ${a.title}`,
    met: a.counts.met,
    partly: a.counts.partly,
    notMet: a.counts.not_met,
    noData: a.counts.no_data,
  }));
  const total = bars.reduce((s, b) => s + b.met + b.partly + b.notMet + b.noData, 0);
  p(
    total === 0
      ? 'Planen har inga inriktningsmål för perioden.'
      : `Av ${total} inriktningsmål bedöms ${sum(bars, 'met')} som uppfyllda, ${sum(bars, 'partly')} som delvis uppfyllda, ${sum(bars, 'notMet')} som ej uppfyllda och ${sum(bars, 'noData')} kan inte bedömas.`,
  );
  const summaryTable: LayoutTable = {
    id: 'summary',
    sheet: sheet('Sammanfattning'),
    caption: `Bedömning av inriktningsmålen per målområde, ${m.periodName}`,
    columns: [
      { label: 'Målområde', kind: 'text' },
      { label: 'Uppfyllt', kind: 'number', decimals: 0 },
      { label: 'Delvis uppfyllt', kind: 'number', decimals: 0 },
      { label: 'Ej uppfyllt', kind: 'number', decimals: 0 },
      { label: 'Kan inte bedömas', kind: 'number', decimals: 0 },
    ],
    rows: bars.map((b) => [b.label, b.met, b.partly, b.notMet, b.noData]),
  };
  if (bars.length > 0) {
    blocks.push({
      type: 'chart',
      id: 'summary-chart',
      tableId: summaryTable.id,
      bars,
      alt: `Liggande staplar per målområde med antal inriktningsmål som är uppfyllda, delvis uppfyllda, ej uppfyllda och som inte kan bedömas. ${bars
        .map((b) => `${b.label}: ${b.met} uppfyllda, ${b.partly} delvis, ${b.notMet} ej uppfyllda, ${b.noData} kan inte bedömas`)
        .join('; ')}. Samma uppgifter finns i tabellen.`,
    });
  }
  blocks.push({ type: 'table', table: summaryTable });

  for (const area of m.areas) {
    h(1, `Målområde ${area.number}: ${area.title}`, `omrade-${area.number}`);
    p(area.boardText, 'Nämndens text');
    for (const goal of area.goals) {
      h(2, `${goal.number} ${goal.title}`, `mal-${goal.number}`);
      p(goal.boardText, `Nämndens text ${year}`);
      p(`${goal.computed.symbol} ${goal.computed.name}. ${goal.computed.reason}`, 'Beräknad bedömning');
      if (goal.written) {
        p(`${goal.written.symbol} ${goal.written.name}`, 'Skriven bedömning');
        p(goal.written.analysis, `Analys (${goal.written.by})`);
      } else {
        p('Ingen skriven bedömning för perioden.', 'Skriven bedömning');
      }
      if (goal.indicators.length > 0) {
        h(3, `Indikatorer för mål ${goal.number}`, `ind-${goal.number}`);
        const first = goal.indicators[0];
        const targetYears = first ? first.targets.map((t) => t.year) : [];
        blocks.push({
          type: 'table',
          table: {
            id: `ind-${goal.number}`,
            sheet: sheet(`Indikatorer ${goal.number}`),
            caption: `Indikatorer för mål ${goal.number}, ${m.periodName}`,
            columns: [
              { label: 'Indikator', kind: 'text' },
              { label: 'Enhet', kind: 'text' },
              { label: `Utfall ${year - 2}`, kind: 'number' },
              { label: `Utfall ${year - 1}`, kind: 'number' },
              { label: `Utfall ${m.periodName}`, kind: 'number' },
              { label: `Prognos ${year}`, kind: 'number' },
              ...targetYears.map((y): Column => ({ label: `Mål ${y}`, kind: 'number' })),
              { label: 'Bedömning', kind: 'text' },
            ],
            rows: goal.indicators.map((i) => [
              i.title,
              i.unit,
              i.earlier[0]?.value ?? null,
              i.earlier[1]?.value ?? null,
              i.outcome,
              i.forecast,
              ...targetYears.map((y) => i.targets.find((t) => t.year === y)?.value ?? null),
              `${i.verdict.symbol} ${i.verdict.name}`,
            ]),
            rowDecimals: goal.indicators.map((i) => i.decimals),
          },
        });
      }
      if (goal.assignments.length > 0) {
        h(3, `Uppdrag och initiativ för mål ${goal.number}`, `uppdrag-${goal.number}`);
        blocks.push({
          type: 'table',
          table: {
            id: `uppdrag-${goal.number}`,
            sheet: sheet(`Uppdrag ${goal.number}`),
            caption: `Uppdrag och initiativ för mål ${goal.number}, ${m.periodName}`,
            columns: [
              { label: 'Titel', kind: 'text' },
              { label: 'Typ', kind: 'text' },
              { label: 'Ansvarig', kind: 'text' },
              { label: 'Slutdatum', kind: 'date' },
              { label: 'Status', kind: 'text' },
              { label: 'Kommentar', kind: 'text' },
            ],
            rows: goal.assignments.map((a) => [
              a.title,
              a.kind === 'initiative' ? 'Nämndinitiativ' : 'Uppdrag',
              a.responsible,
              a.endDate,
              `${a.statusSymbol} ${a.statusName}`,
              a.comment,
            ]),
          },
        });
      }
    }
  }

  if (m.actionPlans.length > 0) {
    h(1, 'Handlingsplaner', 'handlingsplaner');
    m.actionPlans.forEach((plan, n) => {
      h(2, plan.title, `handlingsplan-${n + 1}`);
      p(`Ansvarig: ${plan.responsible}`);
      blocks.push({
        type: 'table',
        table: {
          id: `handlingsplan-${n + 1}`,
          sheet: sheet(`Handlingsplan ${n + 1}`),
          caption: `Aktiviteter i ${plan.title}, ${m.periodName}`,
          columns: [
            { label: 'Nr', kind: 'number', decimals: 0 },
            { label: 'Aktivitet', kind: 'text' },
            { label: 'Ansvarig', kind: 'text' },
            { label: 'Slutdatum', kind: 'date' },
            { label: 'Status', kind: 'text' },
            { label: 'Kommentar', kind: 'text' },
          ],
          rows: plan.activities.map((a) => [a.number, a.title, a.responsible, a.endDate, `${a.statusSymbol} ${a.statusName}`, a.comment]),
        },
      });
    });
  }

  h(1, 'Servicelöften', 'serviceloften');
  if (m.promises.length === 0) p('Nämnden har inga beslutade servicelöften för perioden.');
  else
    blocks.push({
      type: 'table',
      table: {
        id: 'loften',
        sheet: sheet('Servicelöften'),
        caption: `Servicelöftenas uppfyllelse, ${m.periodName} och helår ${year}`,
        columns: [
          { label: 'Löfte', kind: 'text' },
          { label: 'Enhet', kind: 'text' },
          { label: 'Mål', kind: 'percent' },
          { label: `Uppfyllt ${m.periodName}`, kind: 'percent' },
          { label: `Mätta ${m.periodName}`, kind: 'number', decimals: 0 },
          { label: `Bedömning ${m.periodName}`, kind: 'text' },
          { label: `Uppfyllt helår ${year}`, kind: 'percent' },
          { label: `Bedömning helår ${year}`, kind: 'text' },
        ],
        rows: m.promises.map((x) => [
          x.title,
          x.unit,
          x.target,
          x.period.ratio,
          x.period.measured,
          x.period.statusName,
          x.year.ratio,
          x.year.statusName,
        ]),
      },
    });

  for (const s of m.sections) {
    h(1, s.title, `del-${s.id}`);
    for (const para of s.paragraphs) p(para);
    s.tables.forEach((t, n) => {
      blocks.push({ type: 'table', table: { id: `${s.id}-${n + 1}`, sheet: sheet(`${s.title} ${n + 1}`), ...t } });
    });
  }

  if (m.closing.trim()) {
    h(1, 'Sammanfattande analys', 'avslutning');
    for (const para of m.closing.split(/\n\s*\n/)) p(para);
  }
  return blocks;
}

function sum(bars: SummaryBar[], key: 'met' | 'partly' | 'notMet' | 'noData'): number {
  return bars.reduce((s, b) => s + b[key], 0);
}

export function tablesOf(blocks: Block[]): LayoutTable[] {
  return blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));
}
