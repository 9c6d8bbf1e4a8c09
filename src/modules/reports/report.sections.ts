// Sections other modules add to every report (the satisfaction results of the NKI issue). A
// module registers a section builder when its routes are registered; until one is registered the
// report keeps the section's place with a sentence saying what will appear there.
import type { Db } from '../../db/database.ts';
import type { Actor } from '../accounts/actor.ts';

export interface SectionTable {
  caption: string;
  columns: { label: string; kind: 'text' | 'number' | 'percent'; decimals?: number }[];
  rows: (string | number | null)[][];
}

export interface ReportSection {
  id: string;
  title: string;
  paragraphs: string[];
  tables: SectionTable[];
}

export interface SectionQuery {
  boardUnitId: string;
  period: string;
}

export interface ReportSectionBuilder {
  id: string;
  title: string;
  /** Lower first. */
  order: number;
  build(actor: Actor, q: SectionQuery, ctx: { db: Db; today: string }): Promise<Omit<ReportSection, 'id' | 'title'>>;
}

const PLACEHOLDERS: ReportSectionBuilder[] = [
  {
    id: 'satisfaction',
    title: 'Nöjdhet',
    order: 10,
    build: async () => ({
      paragraphs: ['Resultaten av nöjdhetsmätningarna (NKI) visas här när modulen för nöjdhet är på plats.'],
      tables: [],
    }),
  },
];

const builders = new Map<string, ReportSectionBuilder>();

/** A module fills a report section (by id, e.g. 'satisfaction'); a later registration replaces an earlier one. */
export function registerReportSection(builder: ReportSectionBuilder): void {
  builders.set(builder.id, builder);
}

export async function buildSections(actor: Actor, q: SectionQuery, ctx: { db: Db; today: string }): Promise<ReportSection[]> {
  const all = new Map(PLACEHOLDERS.map((p) => [p.id, p]));
  for (const [id, b] of builders) all.set(id, b);
  const out: ReportSection[] = [];
  for (const b of [...all.values()].sort((x, y) => x.order - y.order)) {
    out.push({ id: b.id, title: b.title, ...(await b.build(actor, q, ctx)) });
  }
  return out;
}
