// Where an indicator's outcomes come from: a registry of source kinds. `manual` is typed in (or
// imported); the computed kinds ask the cases and promises modules' services for the same numbers
// their own pages and APIs show. A later module (satisfaction/NKI, Kolada) adds a kind with
// registerSourceKind() — nothing else in the goals module needs to change.
import { type TObject, Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import type { FieldError } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { firstResponseStats } from '../cases/stats.service.ts';
import { getUnit } from '../org/org.service.ts';
import { promiseFulfilment } from '../promises/promises.results.ts';
import { getPromise } from '../promises/promises.service.ts';
import type { PeriodRange } from './periods.ts';

export interface SourceContext {
  db: Db;
  /** Whose view the numbers are computed in (its tenant). */
  actor: Actor;
  /** Shared by the computations of one read: kinds that measure the same thing compute it once. */
  shared?: Map<string, Promise<unknown>>;
}

export interface SourceKind {
  type: string;
  /** Swedish, for pages: "Mediantid till första återkoppling (beräknas från ärenden)". */
  label: string;
  /** JSON schema of `{ type, …config }`; goes into the API's input union and the OpenAPI document. */
  schema: TObject;
  /** Computed kinds' outcomes cannot be typed over (only annotated). */
  computed: boolean;
  /** The unit of measure a computed value is in. */
  unit?: string;
  /** What the schema cannot check: that referenced things exist in the tenant. */
  check?(ctx: SourceContext, config: Record<string, unknown>): Promise<FieldError[]>;
  /** The outcome of one period; null when there is nothing to measure. */
  compute?(ctx: SourceContext, config: Record<string, unknown>, range: PeriodRange): Promise<number | null>;
  /** Plain text shown as the indicator's source. */
  describe(config: Record<string, unknown>, names: { unit(id: string): string | undefined }): string;
}

const kinds = new Map<string, SourceKind>();

export function registerSourceKind(kind: SourceKind): void {
  kinds.set(kind.type, kind);
}

export function sourceKind(type: string): SourceKind | undefined {
  return kinds.get(type);
}

export function sourceKinds(): SourceKind[] {
  return [...kinds.values()];
}

/** The API's input schema of a source: one of the registered kinds. */
export function sourceSchema() {
  return Type.Union(sourceKinds().map((k) => k.schema));
}

const unitConfig = (type: string, description: string) =>
  Type.Object(
    { type: Type.Literal(type), unitId: Type.String({ format: 'uuid', description: 'The unit whose subtree is measured' }) },
    { additionalProperties: false, description },
  );

async function unitExists({ db, actor }: SourceContext, config: Record<string, unknown>): Promise<FieldError[]> {
  try {
    await getUnit(db, actor.tenantId, String(config.unitId));
    return [];
  } catch {
    return [{ field: 'source.unitId', message: 'Enheten som ska mätas finns inte.' }];
  }
}

const percent = (ratio: number | null) => (ratio === null ? null : ratio * 100);

// The three case kinds of one unit and period read the same statistics: computed once per read.
function caseMeasures({ db, actor, shared }: SourceContext, config: Record<string, unknown>, range: PeriodRange) {
  const query = { unitId: String(config.unitId), from: range.from, to: range.to };
  const key = `cases:${actor.tenantId}/${query.unitId}/${query.from}/${query.to}`;
  let stats = shared?.get(key) as ReturnType<typeof firstResponseStats> | undefined;
  if (!stats) {
    stats = firstResponseStats(actor, query, { db });
    shared?.set(key, stats);
    stats.catch(() => shared?.delete(key));
  }
  return stats.then((s) => s.total);
}

registerSourceKind({
  type: 'manual',
  label: 'Registreras av ansvarig (eller importeras)',
  schema: Type.Object({ type: Type.Literal('manual') }, { additionalProperties: false, description: 'Entered by the owner' }),
  computed: false,
  describe: () => 'Registreras av ansvarig enhet',
});

registerSourceKind({
  type: 'first_response_median',
  label: 'Mediantid i arbetsdagar till första återkoppling (beräknas från ärenden)',
  schema: unitConfig('first_response_median', 'Median working days to first feedback of the cases of a unit subtree'),
  computed: true,
  unit: 'arbetsdagar',
  check: unitExists,
  compute: async (ctx, config, range) => (await caseMeasures(ctx, config, range)).medianWorkingDays,
  describe: (c, n) => `Beräknas från ärendena i ${n.unit(String(c.unitId)) ?? 'enheten'}: median arbetsdagar till första återkoppling`,
});

registerSourceKind({
  type: 'first_contact_resolution',
  label: 'Andel kontakter lösta vid första kontakten (beräknas från ärenden)',
  schema: unitConfig('first_contact_resolution', 'Share (%) of contacts resolved at first contact in a unit subtree'),
  computed: true,
  unit: '%',
  check: unitExists,
  compute: async (ctx, config, range) => percent((await caseMeasures(ctx, config, range)).firstContactRate),
  describe: (c, n) => `Beräknas från kontakterna i ${n.unit(String(c.unitId)) ?? 'enheten'}: andel lösta vid första kontakten`,
});

registerSourceKind({
  type: 'on_time_rate',
  label: 'Andel ärenden med första återkoppling i tid (beräknas från ärenden)',
  schema: unitConfig('on_time_rate', 'Share (%) of cases with first feedback within the deadline; open overdue count as missed'),
  computed: true,
  unit: '%',
  check: unitExists,
  compute: async (ctx, config, range) => percent((await caseMeasures(ctx, config, range)).onTimeRate),
  describe: (c, n) =>
    `Beräknas från ärendena i ${n.unit(String(c.unitId)) ?? 'enheten'}: andel återkopplade i tid (öppna försenade räknas som missade)`,
});

registerSourceKind({
  type: 'promise_fulfilment',
  label: 'Hur väl ett servicelöfte hålls (beräknas från löftet)',
  schema: Type.Object(
    { type: Type.Literal('promise_fulfilment'), promiseId: Type.String({ format: 'uuid' }) },
    { additionalProperties: false, description: 'Share (%) of a service promise fulfilled' },
  ),
  computed: true,
  unit: '%',
  check: async ({ db, actor }, config) => {
    try {
      await getPromise(db, actor.tenantId, String(config.promiseId));
      return [];
    } catch {
      return [{ field: 'source.promiseId', message: 'Servicelöftet finns inte.' }];
    }
  },
  compute: async ({ db, actor }, config, range) =>
    percent((await promiseFulfilment(db, actor.tenantId, String(config.promiseId), { from: range.from, to: range.to })).ratio),
  describe: () => 'Beräknas från servicelöftets uppfyllelse',
});
