// The public face of the goals module for the portal ("Kvalitet och resultat"): decided plans
// only (a plan with a deciding body is a public document), built from the read models
// planTree / goalDetail / indicatorDetail with what only staff may see left out (who entered a
// value, comments, the written analyses' authors, the change history).
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../accounts/actor.ts';
import type { ComparisonSeries } from '../kolada/index.ts';
import type { AssessmentStatus } from './assessment.ts';
import { goalDetail, indicatorDetail, planTree } from './goals.read.ts';
import { listPlans } from './goals.service.ts';

export interface PublicTenantRef {
  id: string;
  slug: string;
  name: string;
}

/** The public reads as a reader of the whole tenant; it never writes. */
function publicReader(tenant: PublicTenantRef): Actor {
  return {
    userId: null,
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    tenantName: tenant.name,
    label: 'allmänheten',
    name: 'allmänheten',
    grants: [{ role: 'reader', unitId: null }],
  };
}

export interface PublicValue {
  period: string;
  kind: 'outcome' | 'forecast' | 'target';
  value: number | null;
  preliminary: boolean;
}

export interface PublicIndicator {
  id: string;
  code: string | null;
  title: string;
  unit: string;
  decimals: number;
  direction: 'higher' | 'lower' | 'interval';
  definition: string;
  dataSource: string;
  sourceText: string;
  ownerUnitId: string;
  goalIds: string[];
  values: PublicValue[];
  assessments: { period: string; status: AssessmentStatus; reason: string }[];
  /** Kolada-fed indicators: the municipality against its comparisons, and where and when the figures came from. */
  comparison: { comparisons: ComparisonSeries[]; sourceNote: string } | null;
}

export interface PublicGoal {
  id: string;
  number: string;
  title: string;
  text: string;
  boardUnitId: string | null;
  indicatorIds: string[];
  assignmentIds: string[];
  /** The computed summary of the latest period that has one. */
  latest: { period: string; status: AssessmentStatus; reason: string } | null;
  children: { id: string; number: string; title: string; boardUnitId: string | null }[];
}

export interface PublicGoalArea {
  id: string;
  number: number;
  title: string;
  ambition: string;
  inPractice: string;
  goals: PublicGoal[];
}

export interface PublicPlan {
  id: string;
  title: string;
  firstYear: number;
  lastYear: number;
  decidedBy: string | null;
  decisionDate: string | null;
  goalAreas: PublicGoalArea[];
  indicators: PublicIndicator[];
  assignments: { id: string; title: string; kind: string; status: string; endDate: string | null; responsibleUnitId: string }[];
}

function publicIndicator(d: Awaited<ReturnType<typeof indicatorDetail>>): PublicIndicator {
  return {
    id: d.id,
    code: d.code,
    title: d.title,
    unit: d.unit,
    decimals: d.decimals,
    direction: d.direction,
    definition: d.definition,
    dataSource: d.dataSource,
    sourceText: d.sourceText,
    ownerUnitId: d.ownerUnitId,
    goalIds: d.goalIds,
    values: d.values.map((v) => ({ period: v.period, kind: v.kind, value: v.value, preliminary: v.preliminary })),
    assessments: d.assessments.map((a) => ({ period: a.period, status: a.status, reason: a.reason })),
    comparison: d.kolada && d.comparisons.length > 0 ? { comparisons: d.comparisons, sourceNote: d.kolada.sourceNote } : null,
  };
}

/** Every decided plan with its areas, direction goals (with the latest computed summary), indicators and assignments. */
export async function publicPlans(db: Db, tenant: PublicTenantRef, today: string): Promise<PublicPlan[]> {
  const actor = publicReader(tenant);
  const plans = (await listPlans(actor, { db })).filter((p) => p.decided_by !== null && p.decided_by.trim() !== '');
  const cache = new Map<string, Promise<number | null>>();
  const out: PublicPlan[] = [];
  for (const p of plans) {
    const tree = await planTree(actor, p.id, {}, { db, today, cache });
    const indicators: PublicIndicator[] = [];
    for (const i of tree.indicators) indicators.push(publicIndicator(await indicatorDetail(actor, i.id, { db, today, cache })));
    const goalAreas: PublicGoalArea[] = [];
    for (const a of tree.goalAreas) {
      const goals: PublicGoal[] = [];
      for (const g of a.goals) {
        const detail = await goalDetail(actor, g.id, { db, today, cache });
        const withData = detail.summaries.filter((s) => s.status !== 'no_data');
        const last = withData.at(-1) ?? detail.summaries.at(-1);
        goals.push({
          id: g.id,
          number: g.number,
          title: g.title,
          text: g.text,
          boardUnitId: g.boardUnitId,
          indicatorIds: g.indicatorIds,
          assignmentIds: g.assignmentIds,
          latest: last ? { period: last.period, status: last.status, reason: last.reason } : null,
          children: g.children.map((c) => ({ id: c.id, number: c.number, title: c.title, boardUnitId: c.boardUnitId })),
        });
      }
      goalAreas.push({ id: a.id, number: a.number, title: a.title, ambition: a.ambition, inPractice: a.inPractice, goals });
    }
    out.push({
      id: p.id,
      title: p.title,
      firstYear: p.first_year,
      lastYear: p.last_year,
      decidedBy: p.decided_by,
      decisionDate: p.decision_date,
      goalAreas,
      indicators,
      assignments: tree.assignments,
    });
  }
  return out;
}

/**
 * Changes whenever anything the public goal pages show changes (plans, areas, goals, indicators,
 * their links, values, assignments and their updates): the portal's caches are keyed by it.
 */
export async function goalsFingerprint(db: Db, tenantId: string): Promise<string> {
  const row = await sql<{ f: string }>`
    select md5(concat_ws('|',
      (select string_agg(concat_ws(',', id, title, first_year, last_year, decided_by, decision_date), ';' order by id) from goal_plans where tenant_id = ${tenantId}),
      (select string_agg(concat_ws(',', id, title, number, ambition, in_practice, position), ';' order by id) from goal_areas where tenant_id = ${tenantId}),
      (select string_agg(concat_ws(',', id, title, number, text, position, board_unit_id, parent_goal_id), ';' order by id) from goals where tenant_id = ${tenantId}),
      (select concat_ws(',', count(*), max(updated_at)) from indicators where tenant_id = ${tenantId}),
      (select count(*) from indicator_goals where tenant_id = ${tenantId}),
      (select concat_ws(',', count(*), max(entered_at)) from indicator_values where tenant_id = ${tenantId}),
      (select concat_ws(',', count(*), max(replaced_at)) from indicator_value_history where tenant_id = ${tenantId}),
      (select concat_ws(',', count(*), max(updated_at)) from goal_assignments where tenant_id = ${tenantId}),
      (select concat_ws(',', count(*), max(at)) from goal_assignment_updates where tenant_id = ${tenantId}),
      (select string_agg(concat_ws(',', partly_rule, default_tolerance), ';') from goal_settings where tenant_id = ${tenantId})
    )) as f`.execute(db);
  return row.rows[0]?.f ?? '';
}
