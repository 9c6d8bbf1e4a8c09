// Judging an indicator's outcome against its target for a period. Pure: the rule (a tenant
// setting), the indicator's direction and tolerance in, a verdict with its reason in words out.

import type { IndicatorDirection } from '../../db/schema-goals.ts';

export type AssessmentStatus = 'met' | 'partly' | 'not_met' | 'no_data';

export const ASSESSMENT_NAMES: Record<AssessmentStatus, string> = {
  met: 'uppfyllt',
  partly: 'delvis uppfyllt',
  not_met: 'ej uppfyllt',
  no_data: 'kan inte bedömas',
};

/** Shown beside the words, so colour is never the only cue. */
export const ASSESSMENT_SYMBOLS: Record<AssessmentStatus, string> = {
  met: '✓',
  partly: '◐',
  not_met: '✗',
  no_data: '–',
};

export interface AssessmentRule {
  /** 'tolerance': a miss within the tolerance is 'partly'; 'strict': met or not met. */
  partlyRule: 'tolerance' | 'strict';
  /** Share of the target used when the indicator has none of its own. */
  defaultTolerance: number;
}

export const DEFAULT_RULE: AssessmentRule = { partlyRule: 'tolerance', defaultTolerance: 0.1 };

export interface AssessmentInput {
  direction: IndicatorDirection;
  outcome: number | null;
  /** The target of the period (higher/lower). */
  target: number | null;
  /** The accepted interval (direction 'interval'). */
  intervalMin?: number | null;
  intervalMax?: number | null;
  /** The indicator's own tolerance (share of the target); null = the rule's default. */
  tolerance?: number | null;
  unit: string;
  decimals: number;
}

export interface Assessment {
  status: AssessmentStatus;
  reason: string;
}

const formats = new Map<number, Intl.NumberFormat>();
export function formatNumber(value: number, decimals: number): string {
  let f = formats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
    formats.set(decimals, f);
  }
  return f.format(value);
}

export function formatValue(value: number, unit: string, decimals: number): string {
  return `${formatNumber(value, decimals)} ${unit}`.trim();
}

// Values are typed and computed in decimals; a difference below this is equality.
const EPS = 1e-9;
const atLeast = (v: number, bound: number) => v >= bound - EPS * Math.max(1, Math.abs(bound));
const atMost = (v: number, bound: number) => v <= bound + EPS * Math.max(1, Math.abs(bound));

export function assess(input: AssessmentInput, rule: AssessmentRule = DEFAULT_RULE): Assessment {
  const { direction, outcome, unit, decimals } = input;
  const fmt = (v: number) => formatValue(v, unit, decimals);
  const tol = rule.partlyRule === 'strict' ? 0 : (input.tolerance ?? rule.defaultTolerance);
  let goalText: string;
  let met: boolean;
  let partly: boolean;
  if (direction === 'interval') {
    const min = input.intervalMin ?? null;
    const max = input.intervalMax ?? null;
    if (min === null || max === null) return { status: 'no_data', reason: 'Inget målintervall för indikatorn.' };
    goalText = `mål mellan ${formatNumber(min, decimals)} och ${fmt(max)}`;
    if (outcome === null) return { status: 'no_data', reason: `Inget utfall för perioden (${goalText}).` };
    met = atLeast(outcome, min) && atMost(outcome, max);
    partly = atLeast(outcome, min - tol * Math.abs(min)) && atMost(outcome, max + tol * Math.abs(max));
  } else {
    const target = input.target;
    if (target === null) {
      return { status: 'no_data', reason: outcome === null ? 'Inget utfall och inget mål för perioden.' : 'Inget mål för perioden.' };
    }
    goalText = `mål ${direction === 'higher' ? 'minst' : 'högst'} ${fmt(target)}`;
    if (outcome === null) return { status: 'no_data', reason: `Inget utfall för perioden (${goalText}).` };
    const slack = tol * Math.abs(target);
    met = direction === 'higher' ? atLeast(outcome, target) : atMost(outcome, target);
    partly = direction === 'higher' ? atLeast(outcome, target - slack) : atMost(outcome, target + slack);
  }
  const status: AssessmentStatus = met ? 'met' : partly && tol > 0 ? 'partly' : 'not_met';
  const tolText = status === 'partly' ? ` (inom ${formatNumber(tol * 100, 1)} % av målet)` : '';
  return { status, reason: `Utfall ${fmt(outcome)}, ${goalText} — ${ASSESSMENT_NAMES[status]}${tolText}` };
}

export interface GoalSummary {
  met: number;
  partly: number;
  notMet: number;
  noData: number;
  assignmentsDone: number;
  assignmentsDelayed: number;
  assignmentsTotal: number;
  /**
   * The computed overall verdict: the indicators' commonest judged status (ties go to 'partly'),
   * lowered from 'met' to 'partly' by a delayed assignment; without judged indicators the
   * assignments decide (all done: met; most delayed: not met; some done or delayed: partly).
   */
  status: AssessmentStatus;
  reason: string;
}

/** A direction goal's computed summary of its indicators' verdicts and its assignments' statuses. */
export function summarizeGoal(verdicts: readonly AssessmentStatus[], assignmentStatuses: readonly string[]): GoalSummary {
  const count = (s: AssessmentStatus) => verdicts.filter((v) => v === s).length;
  const met = count('met');
  const partly = count('partly');
  const notMet = count('not_met');
  const noData = count('no_data');
  const judged = met + partly + notMet;
  const done = assignmentStatuses.filter((s) => s === 'done').length;
  const delayed = assignmentStatuses.filter((s) => s === 'delayed').length;
  const active = assignmentStatuses.filter((s) => s !== 'cancelled').length;
  let status: AssessmentStatus = 'no_data';
  if (judged > 0) {
    if (met * 2 > judged) status = 'met';
    else if (notMet * 2 > judged) status = 'not_met';
    else status = 'partly';
    // A delayed assignment keeps the goal from being fully met.
    if (status === 'met' && delayed > 0) status = 'partly';
  } else if (active > 0) {
    // No indicator to judge by: the assignments decide, once they say something.
    if (done === active) status = 'met';
    else if (delayed * 2 > active) status = 'not_met';
    else if (delayed > 0 || done > 0) status = 'partly';
  }
  const parts = [`${met} av ${verdicts.length} indikatorer uppfyllda`];
  if (partly) parts.push(`${partly} delvis`);
  if (notMet) parts.push(`${notMet} ej uppfyllda`);
  if (noData) parts.push(`${noData} utan underlag`);
  if (assignmentStatuses.length)
    parts.push(`${done} av ${assignmentStatuses.length} uppdrag klara${delayed ? `, ${delayed} försenade` : ''}`);
  return {
    met,
    partly,
    notMet,
    noData,
    assignmentsDone: done,
    assignmentsDelayed: delayed,
    assignmentsTotal: assignmentStatuses.length,
    status,
    reason: `${parts.join(', ')}.`,
  };
}
