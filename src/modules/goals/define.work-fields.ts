// Fields of the forms for the work under the plan: indicators (with their source), assignments,
// action plans and their activities.

import { invalid } from '../../http/errors.ts';
import { INTERVAL_NAMES, INTERVALS } from './action-plans.schemas.ts';
import { WORK_STATUS_NAMES, WORK_STATUSES } from './assignments.schemas.ts';
import { DATE_HINT, dec, int, type Lookups, list, nul, one, opt, TEXT_HINT } from './define.form.ts';
import type { FormField, FormValues, Option } from './define.views.tsx';
import { UNITS_OF_MEASURE } from './goals.schemas.ts';
import { sourceKinds } from './sources.ts';

// Indicators: the source kind is chosen from the registry, so a kind another module registers
// (satisfaction, Kolada) appears here with its own settings without a change in this file.
function sourceConfigFields(units: Option[], promises: Option[]): FormField[] {
  const seen = new Set<string>();
  const fields: FormField[] = [];
  for (const kind of sourceKinds()) {
    for (const prop of Object.keys(kind.schema.properties ?? {})) {
      if (prop === 'type' || seen.has(prop)) continue;
      seen.add(prop);
      const name = `source_${prop}`;
      if (prop === 'unitId')
        fields.push({
          kind: 'select',
          name,
          label: 'Enhet som mäts',
          options: units,
          empty: 'Ingen',
          hint: 'För källorna som beräknas från ärenden: enheten och allt under den.',
        });
      else if (prop === 'promiseId')
        fields.push({ kind: 'select', name, label: 'Servicelöfte', options: promises, empty: 'Inget', hint: 'För källan servicelöfte.' });
      else fields.push({ kind: 'text', name, label: `Inställning ${prop}`, hint: `För källorna som har inställningen ${prop}.` });
    }
  }
  return fields;
}

export function indicatorFields(l: Lookups, promises: Option[]): FormField[] {
  return [
    { kind: 'text', name: 'code', label: 'Kod (valfri)', hint: 'Fast nyckel vid import och export, till exempel 2.1.3.' },
    { kind: 'text', name: 'title', label: 'Namn' },
    {
      kind: 'select',
      name: 'level',
      label: 'Nivå',
      options: [
        { value: 'KF', label: 'Kommunfullmäktige (KF)' },
        { value: 'board', label: 'Nämnd' },
      ],
    },
    { kind: 'select', name: 'ownerUnitId', label: 'Ansvarig enhet', options: l.units, empty: 'Välj enhet' },
    { kind: 'text', name: 'unit', label: 'Enhet', hint: `${UNITS_OF_MEASURE.join(', ')} eller egen text.` },
    { kind: 'number', name: 'decimals', label: 'Antal decimaler', hint: '0–4.' },
    {
      kind: 'select',
      name: 'direction',
      label: 'Bättre är',
      options: [
        { value: 'higher', label: 'Högre' },
        { value: 'lower', label: 'Lägre' },
        { value: 'interval', label: 'Inom ett intervall' },
      ],
    },
    { kind: 'text', name: 'intervalMin', label: 'Intervallets lägsta värde', hint: 'Bara när bättre är inom ett intervall.' },
    { kind: 'text', name: 'intervalMax', label: 'Intervallets högsta värde', hint: 'Bara när bättre är inom ett intervall.' },
    {
      kind: 'text',
      name: 'tolerance',
      label: 'Tolerans i procent av målet',
      hint: 'Delvis uppfyllt inom så här många procent av målet. Tomt = kommunens standard.',
    },
    { kind: 'textarea', name: 'definition', label: 'Definition', hint: TEXT_HINT },
    { kind: 'text', name: 'dataSource', label: 'Datakälla i ord' },
    { kind: 'heading', label: 'Var utfallen kommer ifrån' },
    {
      kind: 'select',
      name: 'sourceType',
      label: 'Källa',
      options: sourceKinds().map((k) => ({ value: k.type, label: k.label })),
      hint: 'Beräknade utfall kan inte skrivas över, bara kommenteras.',
    },
    ...sourceConfigFields(l.units, promises),
    { kind: 'checkboxes', name: 'goalIds', label: 'Mål som indikatorn mäter', options: l.goals },
  ];
}

const SOURCE_MISSING: Record<string, string> = {
  unitId: 'Välj vilken enhet som ska mätas för den valda källan.',
  promiseId: 'Välj vilket servicelöfte som ska mätas för den valda källan.',
};

export function indicatorInput(v: FormValues) {
  const kind = sourceKinds().find((k) => k.type === one(v.sourceType));
  const missing = (kind?.schema.required ?? []).filter((prop: string) => prop !== 'type' && !opt(v[`source_${prop}`]));
  if (missing.length)
    throw invalid(
      missing.map((prop: string) => ({
        field: `source_${prop}`,
        message: SOURCE_MISSING[prop] ?? `Fyll i ${prop} för den valda källan.`,
      })),
    );
  const source = kind
    ? Object.fromEntries(
        Object.keys(kind.schema.properties ?? {}).flatMap((prop) =>
          prop === 'type' ? [['type', kind.type]] : opt(v[`source_${prop}`]) ? [[prop, one(v[`source_${prop}`])]] : [],
        ),
      )
    : undefined;
  const tolerance = dec(v.tolerance, 'tolerance');
  if (tolerance !== null && (tolerance < 0 || tolerance > 100))
    throw invalid([{ field: 'tolerance', message: 'Ange toleransen i procent av målet, 0–100.' }]);
  const direction = one(v.direction);
  return {
    code: nul(v.code),
    title: one(v.title),
    level: one(v.level),
    ownerUnitId: one(v.ownerUnitId),
    unit: one(v.unit),
    decimals: int(v.decimals) ?? 0,
    direction,
    intervalMin: direction === 'interval' ? dec(v.intervalMin, 'intervalMin') : null,
    intervalMax: direction === 'interval' ? dec(v.intervalMax, 'intervalMax') : null,
    tolerance: tolerance === null ? null : tolerance / 100,
    definition: one(v.definition),
    dataSource: one(v.dataSource),
    source,
    goalIds: list(v.goalIds),
  };
}

export function assignmentFields(l: Lookups): FormField[] {
  return [
    {
      kind: 'select',
      name: 'kind',
      label: 'Slag',
      options: [
        { value: 'assignment', label: 'Uppdrag' },
        { value: 'initiative', label: 'Nämndinitiativ' },
      ],
    },
    { kind: 'text', name: 'code', label: 'Kod (valfri)', hint: 'Fast nyckel vid import och export.' },
    { kind: 'text', name: 'title', label: 'Uppdraget' },
    { kind: 'text', name: 'originBody', label: 'Från', hint: 'Vilket organ gav uppdraget, till exempel Kommunfullmäktige.' },
    { kind: 'date', name: 'originDecisionDate', label: 'Beslutsdatum', hint: DATE_HINT },
    { kind: 'text', name: 'originRegistrationNumber', label: 'Diarienummer' },
    { kind: 'select', name: 'goalId', label: 'Inriktningsmål som uppdraget tjänar', options: l.goals, empty: 'Inget' },
    { kind: 'select', name: 'responsibleUnitId', label: 'Ansvarig enhet', options: l.units, empty: 'Välj enhet' },
    { kind: 'checkbox', name: 'isNew', label: 'Nytt uppdrag (inte kvar från en tidigare plan)' },
    { kind: 'date', name: 'endDate', label: 'Slutdatum', hint: DATE_HINT },
    { kind: 'text', name: 'decisionInstance', label: 'Beslutsinstans' },
    { kind: 'date', name: 'boardReportDate', label: 'Återrapport till nämnden', hint: DATE_HINT },
    { kind: 'date', name: 'secretariatDate', label: 'Inlämning till sekretariatet', hint: DATE_HINT },
    { kind: 'textarea', name: 'description', label: 'Egen beskrivning', hint: TEXT_HINT },
    { kind: 'textarea', name: 'doneCriteria', label: 'Vad ska ha hänt för att uppdraget ska räknas som klart?', hint: TEXT_HINT },
    { kind: 'select', name: 'status', label: 'Status', options: WORK_STATUSES.map((s) => ({ value: s, label: WORK_STATUS_NAMES[s] })) },
  ];
}

export const assignmentInput = (v: FormValues) => ({
  kind: one(v.kind),
  code: nul(v.code),
  title: one(v.title),
  originBody: one(v.originBody),
  originDecisionDate: nul(v.originDecisionDate),
  originRegistrationNumber: nul(v.originRegistrationNumber),
  goalId: nul(v.goalId),
  responsibleUnitId: one(v.responsibleUnitId),
  isNew: one(v.isNew) === 'true',
  endDate: nul(v.endDate),
  decisionInstance: one(v.decisionInstance),
  boardReportDate: nul(v.boardReportDate),
  secretariatDate: nul(v.secretariatDate),
  description: one(v.description),
  doneCriteria: one(v.doneCriteria),
  status: opt(v.status),
});

export function actionPlanFields(l: Lookups, indicators: Option[]): FormField[] {
  return [
    { kind: 'text', name: 'title', label: 'Namn' },
    { kind: 'textarea', name: 'purpose', label: 'Syfte', hint: TEXT_HINT },
    { kind: 'select', name: 'responsibleUnitId', label: 'Ansvarig enhet', options: l.units, empty: 'Välj enhet' },
    { kind: 'date', name: 'periodFrom', label: 'Period från', hint: DATE_HINT },
    { kind: 'date', name: 'periodTo', label: 'Period till', hint: DATE_HINT },
    { kind: 'textarea', name: 'goalsText', label: 'Mål', hint: TEXT_HINT },
    { kind: 'checkboxes', name: 'indicatorIds', label: 'Indikatorer som mäter målen', options: indicators },
    {
      kind: 'textarea',
      name: 'budget',
      label: 'Budget per år i kronor',
      hint: 'Ett år per rad: år, kolon, belopp. Till exempel 2025: 450 000',
    },
    {
      kind: 'select',
      name: 'followUpInterval',
      label: 'Uppföljning',
      options: INTERVALS.map((i) => ({ value: i, label: INTERVAL_NAMES[i] })),
    },
  ];
}

/** "2025: 450 000" per line → {"2025": 450000}; a line that is not that is a field error. */
export function parseBudget(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [n, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4})\s*[:=]\s*(\d[\d\s]*)(\s*kr)?$/i.exec(line);
    if (!m) throw invalid([{ field: 'budget', message: `Rad ${n + 1} i budgeten ska se ut som 2025: 450 000.` }]);
    if (m[1] in out) throw invalid([{ field: 'budget', message: `Året ${m[1]} står två gånger i budgeten.` }]);
    out[m[1]] = Number(m[2].replace(/\s/g, ''));
  }
  return out;
}

/** {"2025": 450000} → "2025: 450 000" per line, the form's text that parseBudget reads back. */
export function budgetText(budget: Record<string, number>): string {
  return Object.entries(budget)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, kr]) => `${year}: ${String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`)
    .join('\n');
}

export const actionPlanInput = (v: FormValues) => ({
  title: one(v.title),
  purpose: one(v.purpose),
  responsibleUnitId: one(v.responsibleUnitId),
  periodFrom: one(v.periodFrom),
  periodTo: one(v.periodTo),
  goalsText: one(v.goalsText),
  indicatorIds: list(v.indicatorIds),
  budget: parseBudget(one(v.budget)),
  followUpInterval: one(v.followUpInterval),
});

export function activityFields(l: Lookups): FormField[] {
  return [
    { kind: 'number', name: 'number', label: 'Nummer', hint: '1–999.' },
    { kind: 'text', name: 'title', label: 'Aktivitet' },
    { kind: 'textarea', name: 'purpose', label: 'Syfte', hint: TEXT_HINT },
    { kind: 'textarea', name: 'steps', label: 'Steg', hint: 'Ett steg per rad, med "- " först.' },
    { kind: 'date', name: 'startDate', label: 'Start', hint: DATE_HINT },
    { kind: 'date', name: 'endDate', label: 'Slut', hint: DATE_HINT },
    { kind: 'select', name: 'responsibleUnitId', label: 'Ansvarig enhet', options: l.units, empty: 'Välj enhet' },
    { kind: 'select', name: 'status', label: 'Status', options: WORK_STATUSES.map((s) => ({ value: s, label: WORK_STATUS_NAMES[s] })) },
  ];
}
export const activityInput = (v: FormValues) => ({
  number: int(v.number),
  title: one(v.title),
  purpose: one(v.purpose),
  steps: one(v.steps),
  startDate: one(v.startDate),
  endDate: one(v.endDate),
  responsibleUnitId: one(v.responsibleUnitId),
  status: opt(v.status),
});
