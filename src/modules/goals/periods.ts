// Follow-up periods: a year ("2025"), the cumulative interim periods ("2025-D1" = Jan–Apr,
// "2025-D2" = Jan–Aug) and months ("2025-03"). Pure.

export const PERIOD_PATTERN = '^[0-9]{4}(-D[12]|-(0[1-9]|1[0-2]))?$';
const PERIOD_RE = new RegExp(PERIOD_PATTERN);

export type PeriodKind = 'year' | 'interim' | 'month';

export interface PeriodRange {
  period: string;
  kind: PeriodKind;
  year: number;
  from: string;
  to: string;
}

export function isPeriod(s: string): boolean {
  return PERIOD_RE.test(s);
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The dates a period covers; null when the text is no period. */
export function periodRange(period: string): PeriodRange | null {
  if (!isPeriod(period)) return null;
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  if (rest === '') return { period, kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31` };
  if (rest === 'D1') return { period, kind: 'interim', year, from: `${year}-01-01`, to: `${year}-04-30` };
  if (rest === 'D2') return { period, kind: 'interim', year, from: `${year}-01-01`, to: `${year}-08-31` };
  const month = Number(rest);
  return { period, kind: 'month', year, from: `${year}-${rest}-01`, to: lastDayOfMonth(year, month) };
}

/** Swedish name of a period: "2025", "Delår 1 2025", "mars 2025". */
export function periodName(period: string): string {
  const r = periodRange(period);
  if (!r) return period;
  if (r.kind === 'year') return String(r.year);
  if (r.kind === 'interim') return `Delår ${period.endsWith('D1') ? 1 : 2} ${r.year}`;
  const month = new Intl.DateTimeFormat('sv-SE', { month: 'long', timeZone: 'UTC' }).format(new Date(`${r.from}T00:00:00Z`));
  return `${month} ${r.year}`;
}

/** Sort key: a year sorts after its interim periods and months. */
export function periodSortKey(period: string): string {
  const r = periodRange(period);
  if (!r) return period;
  if (r.kind === 'year') return `${r.year}-99`;
  if (r.kind === 'interim') return `${r.year}-${period.endsWith('D1') ? '04' : '08'}z`;
  return period;
}

export function comparePeriods(a: string, b: string): number {
  const ka = periodSortKey(a);
  const kb = periodSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
