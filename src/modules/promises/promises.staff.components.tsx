// Building blocks of the staff pages of the promise register: form fields, option lists, names.
import type { FieldError } from '../../http/errors.ts';
import { SelectField, TextField } from '../../web/components.tsx';
import type { StaffPageProps } from '../../web/layout.tsx';
import { CASE_CHANNEL_NAMES, CASE_TYPE_NAMES, formatWorkingDays } from '../cases/cases.service.ts';
import type { OrgUnit } from '../org/org.service.ts';
import type { MetricDef } from './fulfilment.ts';
import { formatPercent } from './promises.chart.ts';
import type { PromiseView } from './promises.service.ts';

export type Session = NonNullable<StaffPageProps['session']>;
export type FormValues = Record<string, string | string[] | undefined>;

// The cases module's names, so a promise's filter reads as the cases it measures do.
export const TYPE_NAMES: Record<string, string> = CASE_TYPE_NAMES;
export const CHANNEL_NAMES: Record<string, string> = CASE_CHANNEL_NAMES;
export const RESULT_STATUS: Record<string, string> = { met: 'Målet nått', not_met: 'Målet inte nått', too_few: 'För få för att bedöma' };

export const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
export const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : formatPercent(x, 'sv'));

/** A text input bound to the form's values (the shared TextField does the markup). */
export function Input({
  id,
  label,
  hint,
  errors,
  values,
  type = 'text',
  width,
}: {
  id: string;
  label: string;
  hint?: string;
  errors: FieldError[];
  values: FormValues;
  type?: 'text' | 'number' | 'date';
  width?: string;
}) {
  return <TextField id={id} label={label} hint={hint} errors={errors} value={one(values[id])} type={type} inputClass={width} />;
}

export function TextArea({
  id,
  label,
  hint,
  errors,
  values,
}: {
  id: string;
  label: string;
  hint?: string;
  errors: FieldError[];
  values: FormValues;
}) {
  return <TextField id={id} label={label} hint={hint} errors={errors} value={one(values[id])} textarea />;
}

export function Select({
  id,
  label,
  hint,
  errors,
  values,
  options,
  empty,
}: {
  id: string;
  label: string;
  hint?: string;
  errors: FieldError[];
  values: FormValues;
  options: { value: string; label: string }[];
  empty?: string;
}) {
  return <SelectField id={id} label={label} hint={hint} errors={errors} value={one(values[id])} options={options} empty={empty} />;
}

export function Checkboxes({
  name,
  legend,
  hint,
  options,
  values,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  values: FormValues;
}) {
  const checked = new Set(many(values[name]));
  return (
    <fieldset class="field" id={name}>
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      {options.map((o) => (
        <div class="checkbox">
          <input type="checkbox" id={`${name}-${o.value}`} name={name} value={o.value} checked={checked.has(o.value)} />{' '}
          <label for={`${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Units as options, indented by depth. */
export function unitOptions(units: OrgUnit[], filter?: (u: OrgUnit) => boolean): { value: string; label: string }[] {
  const byParent = new Map<string | null, OrgUnit[]>();
  for (const u of units) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u]);
  const out: { value: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of byParent.get(parent) ?? []) {
      if (!filter || filter(u)) out.push({ value: u.id, label: `${'\u2003'.repeat(filter ? 0 : depth)}${u.name}` });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export const isBoard = (u: OrgUnit) => u.kind === 'board' || u.kind === 'council';

export function metricSummary(metric: unknown, units?: OrgUnit[]): string {
  const m = metric as MetricDef | null;
  if (!m) return 'Inget mätetal valt';
  const names = (ids: string[] | undefined) =>
    ids?.length ? ids.map((id) => units?.find((u) => u.id === id)?.name ?? id).join(', ') : 'alla nämnder';
  switch (m.type) {
    case 'case_first_response':
    case 'case_resolution': {
      const f = m.filter ?? {};
      const parts = [
        f.categories?.length ? `kategorier ${f.categories.join(', ')}` : 'alla kategorier',
        f.types?.length ? f.types.map((t) => TYPE_NAMES[t] ?? t).join('/') : '',
        f.channels?.length ? f.channels.map((c) => CHANNEL_NAMES[c] ?? c).join('/') : '',
        f.unitId ? `enhet ${units?.find((u) => u.id === f.unitId)?.name ?? f.unitId}` : '',
      ].filter(Boolean);
      return `${m.type === 'case_first_response' ? 'Första återkoppling' : 'Avslutat'} inom ${formatWorkingDays(m.workingDays)} (${parts.join('; ')})`;
    }
    case 'meeting_documents':
      return `Handlingar publicerade minst ${m.daysBefore} dagar före sammanträdet (${names(m.boardUnitIds)})`;
    case 'meeting_minutes':
      return `Protokoll publicerat senast ${formatWorkingDays(m.workingDays)} efter justering (${names(m.boardUnitIds)})`;
    case 'measured_series':
      return m.valueKind === 'share'
        ? `Inmatat värde per månad (andel${m.unit ? `, ${m.unit}` : ''})`
        : 'Inmatat antal per månad (klarade av mätta)';
  }
}

/** The promise's sub-pages; "Ändra" only for someone who may change this promise. */
export function PromiseNav({ p, current, canWrite }: { p: PromiseView; current: string; canWrite: boolean }) {
  const metric = p.current.metric as MetricDef | null;
  const links = [
    { href: `/staff/promises/${p.id}`, label: 'Översikt' },
    ...(canWrite && p.status !== 'retired' ? [{ href: `/staff/promises/${p.id}/edit`, label: 'Ändra' }] : []),
    { href: `/staff/promises/${p.id}/results`, label: 'Resultat' },
    ...(metric?.type === 'measured_series' ? [{ href: `/staff/promises/${p.id}/measurements`, label: 'Mätvärden' }] : []),
    { href: `/staff/promises/${p.id}/claims`, label: 'Åberopade garantier' },
  ];
  return (
    <nav aria-label="Löftets sidor" class="sub-nav">
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.href === current ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
