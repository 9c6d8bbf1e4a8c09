// Turns the staff form (flat fields, percent targets) into the API's input shape and back.
import { type FieldError, invalid } from '../../http/errors.ts';
import type { MetricDef } from './fulfilment.ts';
import type { Translations } from './promises.schemas.ts';
import type { PromiseView } from './promises.service.ts';
import type { FormValues } from './promises.staff.components.tsx';

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []).filter(Boolean);

/** "95", "95,5", "95 %" → 0.95 / 0.955; undefined when not a percentage 0–100. */
export function parsePercent(text: string): number | undefined {
  const n = Number(text.replace('%', '').replace(',', '.').trim());
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) return undefined;
  return Math.round(n * 100) / 10000;
}

function intOf(text: string): number | undefined {
  return /^\d{1,4}$/.test(text) ? Number(text) : undefined;
}

/** The template form → input for createPromise / updatePromise. Throws field errors for what the form alone can tell. */
export function formToInput(values: FormValues, mode: 'create' | 'edit-draft' | 'edit-decided'): Record<string, unknown> {
  const errors: FieldError[] = [];
  const type = one(values.metric);
  let metric: MetricDef | null = null;
  if (type) {
    const wd = intOf(one(values['metric.workingDays']));
    const needsDays = type === 'case_first_response' || type === 'case_resolution' || type === 'meeting_minutes';
    if (needsDays && wd === undefined)
      errors.push({ field: 'metric.workingDays', message: 'Ange antal arbetsdagar som ett heltal, t.ex. 2.' });
    const filter = {
      ...(one(values['metric.filter.categories'])
        ? {
            categories: one(values['metric.filter.categories'])
              .split(/[,\s]+/)
              .filter(Boolean),
          }
        : {}),
      ...(many(values['metric.filter.types']).length ? { types: many(values['metric.filter.types']) } : {}),
      ...(many(values['metric.filter.channels']).length ? { channels: many(values['metric.filter.channels']) } : {}),
      ...(one(values['metric.filter.unitId']) ? { unitId: one(values['metric.filter.unitId']) } : {}),
    };
    const boards = many(values['metric.boardUnitIds']);
    if (type === 'case_first_response' || type === 'case_resolution') {
      metric = { type, workingDays: wd ?? 0, ...(Object.keys(filter).length ? { filter } : {}) } as MetricDef;
    } else if (type === 'meeting_minutes') {
      metric = { type, workingDays: wd ?? 0, ...(boards.length ? { boardUnitIds: boards } : {}) };
    } else if (type === 'meeting_documents') {
      const days = intOf(one(values['metric.daysBefore']));
      if (days === undefined)
        errors.push({ field: 'metric.daysBefore', message: 'Ange antal dagar före sammanträdet som ett heltal, t.ex. 6.' });
      metric = { type, daysBefore: days ?? 0, ...(boards.length ? { boardUnitIds: boards } : {}) };
    } else if (type === 'measured_series') {
      metric = { type, valueKind: one(values['metric.valueKind']) === 'share' ? 'share' : 'counts' };
    } else {
      errors.push({ field: 'metric', message: 'Välj ett mätetal i listan.' });
    }
  }
  const targetText = one(values.target);
  const target = targetText ? parsePercent(targetText) : null;
  if (target === undefined) errors.push({ field: 'target', message: 'Ange målvärdet i procent, 0–100 (t.ex. 95).' });
  if (errors.length) throw invalid(errors);
  const translations: Translations = {};
  for (const l of ['fi', 'en'] as const) {
    const t = Object.fromEntries(
      (['title', 'text', 'remedy', 'counterRequirement'] as const).map((f) => [f, one(values[`${l}.${f}`])]).filter(([, v]) => v),
    );
    if (Object.keys(t).length) translations[l] = t;
  }
  const validTo = one(values.validTo);
  const validFrom = one(values.validFrom);
  return {
    title: one(values.title),
    text: one(values.text),
    kind: one(values.kind) || undefined,
    boardUnitId: one(values.boardUnitId) || null,
    unitId: one(values.unitId) || undefined,
    promised: one(values.promised),
    metric,
    measurementText: one(values.measurementText),
    target,
    remedy: one(values.remedy),
    counterRequirement: one(values.counterRequirement),
    ...(validFrom || mode !== 'edit-decided' ? { validFrom } : {}),
    validTo: validTo || null,
    translations,
  };
}

/** A promise's current version as form values. */
export function promiseToForm(p: PromiseView): FormValues {
  const v = p.current;
  const m = v.metric as MetricDef | null;
  const t = (v.translations ?? {}) as Translations;
  const values: FormValues = {
    title: v.title,
    text: v.publicText,
    kind: p.kind,
    boardUnitId: v.boardUnitId,
    unitId: v.unitId,
    promised: v.promised,
    metric: m?.type ?? '',
    measurementText: v.measurementText,
    target: v.target === null ? '' : String(Math.round(v.target * 10000) / 100).replace('.', ','),
    remedy: v.remedy,
    counterRequirement: v.counterRequirement,
    validFrom: p.status === 'draft' ? v.validFrom : '',
    validTo: v.validTo ?? '',
  };
  if (m && 'workingDays' in m) values['metric.workingDays'] = String(m.workingDays);
  if (m?.type === 'meeting_documents') values['metric.daysBefore'] = String(m.daysBefore);
  if (m && 'filter' in m && m.filter) {
    values['metric.filter.categories'] = (m.filter.categories ?? []).join(', ');
    values['metric.filter.types'] = m.filter.types ?? [];
    values['metric.filter.channels'] = m.filter.channels ?? [];
    values['metric.filter.unitId'] = m.filter.unitId ?? '';
  }
  if (m && 'boardUnitIds' in m) values['metric.boardUnitIds'] = m.boardUnitIds ?? [];
  if (m?.type === 'measured_series') values['metric.valueKind'] = m.valueKind;
  for (const l of ['fi', 'en'] as const) {
    for (const f of ['title', 'text', 'remedy', 'counterRequirement'] as const) values[`${l}.${f}`] = t[l]?.[f] ?? '';
  }
  return values;
}

/** Service field names → form field ids, where they differ. */
export function formErrors(errors: FieldError[]): FieldError[] {
  return errors.map((e) => {
    const field = e.field.startsWith('translations.')
      ? e.field.replace(/^translations\./, '')
      : e.field === 'metric.type'
        ? 'metric'
        : e.field;
    const message =
      field === 'target' && /andel mellan 0 och 1/.test(e.message) ? 'Ange målvärdet i procent, 0–100 (t.ex. 95).' : e.message;
    return { field, message };
  });
}
