// Staff pages of the promise register (Swedish): list, the template form, workflow, measured
// values, invoked guarantees and results.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, describedBy, ErrorSummary, Field, fieldError, Notice } from '../../web/components.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { OrgUnit } from '../org/org.service.ts';
import type { MetricDef, PeriodResult } from './fulfilment.ts';
import { formatPercent, monthlyChart, monthName } from './promises.chart.ts';
import type { YearResults } from './promises.results.ts';
import { CASE_CHANNELS, CASE_TYPES, KIND_NAMES, METRIC_NAMES, PROMISE_KINDS, STATUS_NAMES } from './promises.schemas.ts';
import type { ClaimRow, EventRow, MeasurementRow, PromiseView, VersionRow } from './promises.service.ts';
import { formatSek } from './promises.texts.ts';

type Session = NonNullable<StaffPageProps['session']>;
export type FormValues = Record<string, string | string[] | undefined>;

const TYPE_NAMES: Record<string, string> = {
  question: 'Fråga',
  praise: 'Beröm',
  complaint: 'Klagomål',
  suggestion: 'Förslag',
  error_report: 'Felanmälan',
};
const CHANNEL_NAMES: Record<string, string> = {
  web: 'Webb',
  email: 'E-post',
  phone: 'Telefon',
  visit: 'Besök',
  letter: 'Brev',
  chat: 'Chatt',
  social_media: 'Sociala medier',
  self_service: 'Självservice',
};
const RESULT_STATUS: Record<string, string> = { met: 'Målet nått', not_met: 'Målet inte nått', too_few: 'För få för att bedöma' };

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);
const pct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '–' : formatPercent(x, 'sv', digits));

function Input({
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
  const error = fieldError(errors, id);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        type={type as 'text'}
        id={id}
        name={id}
        value={one(values[id])}
        class={width}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </Field>
  );
}

function TextArea({
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
  const error = fieldError(errors, id);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea id={id} name={id} aria-describedby={describedBy(id, Boolean(hint), error)} aria-invalid={error ? 'true' : undefined}>
        {one(values[id])}
      </textarea>
    </Field>
  );
}

function Select({
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
  const error = fieldError(errors, id);
  const current = one(values[id]);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select id={id} name={id} aria-describedby={describedBy(id, Boolean(hint), error)} aria-invalid={error ? 'true' : undefined}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function Checkboxes({
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
function unitOptions(units: OrgUnit[], filter?: (u: OrgUnit) => boolean): { value: string; label: string }[] {
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

const isBoard = (u: OrgUnit) => u.kind === 'board' || u.kind === 'council';

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
      return `${m.type === 'case_first_response' ? 'Första återkoppling' : 'Avslutat'} inom ${m.workingDays} arbetsdagar (${parts.join('; ')})`;
    }
    case 'meeting_documents':
      return `Handlingar publicerade minst ${m.daysBefore} dagar före sammanträdet (${names(m.boardUnitIds)})`;
    case 'meeting_minutes':
      return `Protokoll publicerat senast ${m.workingDays} arbetsdagar efter justering (${names(m.boardUnitIds)})`;
    case 'measured_series':
      return m.valueKind === 'share'
        ? `Inmatat värde per månad (andel${m.unit ? `, ${m.unit}` : ''})`
        : 'Inmatat antal per månad (klarade av mätta)';
  }
}

function PromiseNav({ p, current }: { p: PromiseView; current: string }) {
  const metric = p.current.metric as MetricDef | null;
  const links = [
    { href: `/staff/promises/${p.id}`, label: 'Översikt' },
    ...(p.status !== 'retired' ? [{ href: `/staff/promises/${p.id}/edit`, label: 'Ändra' }] : []),
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

// ---- list ------------------------------------------------------------------------------------

export function PromiseListPage({
  session,
  promises,
  units,
  canWrite,
  minCount,
  flash,
  errors,
}: {
  session: Session;
  promises: PromiseView[];
  units: OrgUnit[];
  canWrite: boolean;
  minCount: number;
  flash?: string;
  errors: FieldError[];
}) {
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '';
  return (
    <StaffPage title="Servicelöften" session={session} current="/staff/promises">
      <h1>Servicelöften</h1>
      {flash && <Notice>{flash}</Notice>}
      <p class="lead">
        Kommunens register över tjänstegarantier, servicedeklarationer och servicepolicyns löften. Alla följer samma mall och mäts
        automatiskt där det går.
      </p>
      {canWrite && (
        <p>
          <a class="button" href="/staff/promises/new">
            Nytt servicelöfte
          </a>
        </p>
      )}
      <table>
        <caption>Alla servicelöften ({promises.length})</caption>
        <thead>
          <tr>
            <th scope="col">Löfte</th>
            <th scope="col">Typ</th>
            <th scope="col">Status</th>
            <th scope="col">Ansvarig nämnd</th>
            <th scope="col">Mätetal</th>
            <th scope="col" class="num">
              Mål
            </th>
            <th scope="col" class="num">
              Version
            </th>
          </tr>
        </thead>
        <tbody>
          {promises.map((p) => (
            <tr>
              <td>
                <a href={`/staff/promises/${p.id}`}>{p.current.title}</a>
              </td>
              <td>{KIND_NAMES[p.kind]}</td>
              <td>{STATUS_NAMES[p.status]}</td>
              <td>{unitName(p.current.boardUnitId)}</td>
              <td>{metricSummary(p.current.metric, units)}</td>
              <td class="num">{pct(p.current.target)}</td>
              <td class="num">{p.current.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canWrite && (
        <form id="form" method="post" action="/staff/promises/settings" novalidate>
          <h2>Inställningar</h2>
          <ErrorSummary errors={errors} />
          <CsrfField token={session.csrfToken} />
          <Input
            id="minCount"
            label="Minsta antal för en bedömning"
            hint="Perioder med färre mätta ärenden eller sammanträden än så visas som ”för få för att bedöma”."
            errors={errors}
            values={{ minCount: String(minCount) }}
            type="number"
            width="narrow"
          />
          <button type="submit">Spara inställningen</button>
        </form>
      )}
    </StaffPage>
  );
}

// ---- template form ---------------------------------------------------------------------------

export function PromiseFormPage({
  session,
  units,
  errors,
  values,
  promise,
}: {
  session: Session;
  units: OrgUnit[];
  errors: FieldError[];
  values: FormValues;
  promise?: PromiseView;
}) {
  const draft = !promise || promise.status === 'draft';
  const title = promise ? `Ändra ${promise.current.title}` : 'Nytt servicelöfte';
  const action = promise ? `/staff/promises/${promise.id}/edit` : '/staff/promises/new';
  const boards = unitOptions(units, isBoard);
  return (
    <StaffPage title={title} session={session} current="/staff/promises">
      <p>
        <a href={promise ? `/staff/promises/${promise.id}` : '/staff/promises'}>Tillbaka</a>
      </p>
      <h1>{title}</h1>
      {promise && !draft && (
        <Notice>
          Löftet är {STATUS_NAMES[promise.status].toLowerCase()}. Ändringen sparas som version {promise.current.version + 1}, som gäller
          från det datum du anger. Tidigare resultat räknas fortsatt mot version {promise.current.version}.
        </Notice>
      )}
      <form id="form" method="post" action={action} novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField token={session.csrfToken} />
        <h2>Löftet</h2>
        <Input id="title" label="Rubrik" errors={errors} values={values} />
        <Select
          id="kind"
          label="Typ"
          errors={errors}
          values={values}
          options={PROMISE_KINDS.map((k) => ({ value: k, label: KIND_NAMES[k] }))}
          empty="Välj typ"
        />
        <TextArea id="text" label="Publik text" hint="Så som invånaren ska läsa löftet." errors={errors} values={values} />
        <TextArea
          id="promised"
          label="Vad som utlovas"
          hint="Leveransen, kort och mätbart: t.ex. ”Beslut inom 4 veckor efter komplett ansökan”."
          errors={errors}
          values={values}
        />
        <Select id="unitId" label="Ansvarig enhet" errors={errors} values={values} options={unitOptions(units)} empty="Välj enhet" />
        <Select
          id="boardUnitId"
          label="Ansvarig nämnd"
          hint="Lämna tomt för nämnden ovanför enheten."
          errors={errors}
          values={values}
          options={boards}
          empty="Nämnden ovanför enheten"
        />
        <TextArea id="remedy" label="Konsekvens om löftet inte hålls" errors={errors} values={values} />
        <TextArea
          id="counterRequirement"
          label="Motkrav"
          hint="Vad invånaren eller företaget behöver bidra med, t.ex. en komplett ansökan."
          errors={errors}
          values={values}
        />
        <h2>Mätning</h2>
        <Select
          id="metric"
          label="Mätetal"
          hint="Krävs för att löftet ska kunna beslutas."
          errors={errors}
          values={values}
          options={Object.entries(METRIC_NAMES).map(([value, label]) => ({ value, label }))}
          empty="Inget mätetal ännu"
        />
        <Input
          id="metric.workingDays"
          label="Antal arbetsdagar (ärenden och protokoll)"
          errors={errors}
          values={values}
          type="number"
          width="narrow"
        />
        <Input
          id="metric.daysBefore"
          label="Antal dagar före sammanträdet (handlingar)"
          errors={errors}
          values={values}
          type="number"
          width="narrow"
        />
        <Input
          id="metric.filter.categories"
          label="Ärendekategorier (koder, kommaseparerade)"
          hint="Tomt: alla kategorier."
          errors={errors}
          values={values}
        />
        <Checkboxes
          name="metric.filter.types"
          legend="Ärendetyper"
          hint="Inget valt: alla typer."
          values={values}
          options={CASE_TYPES.map((t) => ({ value: t, label: TYPE_NAMES[t] }))}
        />
        <Checkboxes
          name="metric.filter.channels"
          legend="Kanaler"
          hint="Inget valt: alla kanaler."
          values={values}
          options={CASE_CHANNELS.map((c) => ({ value: c, label: CHANNEL_NAMES[c] }))}
        />
        <Select
          id="metric.filter.unitId"
          label="Endast ärenden hos enheten (med underenheter)"
          errors={errors}
          values={values}
          options={unitOptions(units)}
          empty="Alla enheter"
        />
        <Checkboxes
          name="metric.boardUnitIds"
          legend="Nämnder (sammanträden)"
          hint="Inget valt: alla nämnder."
          values={values}
          options={boards.map((b) => ({ value: b.value, label: b.label }))}
        />
        <Select
          id="metric.valueKind"
          label="Inmatade värden"
          errors={errors}
          values={values}
          options={[
            { value: 'counts', label: 'Antal: klarade av mätta per månad' },
            { value: 'share', label: 'Andel per månad (t.ex. tillgänglighet)' },
          ]}
        />
        <TextArea id="measurementText" label="Hur mätningen görs" errors={errors} values={values} />
        <Input
          id="target"
          label="Målvärde (procent)"
          hint="Andel som ska klara löftet, t.ex. 95. Krävs för att löftet ska kunna beslutas."
          errors={errors}
          values={values}
          width="narrow"
        />
        <h2>Giltighet</h2>
        {draft ? (
          <Input id="validFrom" label="Gäller från (ÅÅÅÅ-MM-DD)" errors={errors} values={values} type="date" width="narrow" />
        ) : (
          <Input
            id="validFrom"
            label="Ändringen gäller från (ÅÅÅÅ-MM-DD)"
            hint={`Måste vara efter ${promise?.current.validFrom}. Tomt: i dag.`}
            errors={errors}
            values={values}
            type="date"
            width="narrow"
          />
        )}
        <Input id="validTo" label="Gäller till (ÅÅÅÅ-MM-DD, frivilligt)" errors={errors} values={values} type="date" width="narrow" />
        <h2>Översättningar (frivilligt)</h2>
        {(['fi', 'en'] as const).map((l) => (
          <fieldset class="field">
            <legend>{l === 'fi' ? 'Finska' : 'Engelska'}</legend>
            <Input id={`${l}.title`} label="Rubrik" errors={errors} values={values} />
            <TextArea id={`${l}.text`} label="Publik text" errors={errors} values={values} />
            <TextArea id={`${l}.remedy`} label="Konsekvens" errors={errors} values={values} />
            <TextArea id={`${l}.counterRequirement`} label="Motkrav" errors={errors} values={values} />
          </fieldset>
        ))}
        <button type="submit">{promise ? (draft ? 'Spara' : `Spara som version ${promise.current.version + 1}`) : 'Skapa utkast'}</button>
      </form>
    </StaffPage>
  );
}

// ---- one promise -----------------------------------------------------------------------------

function Facts({ v, units }: { v: VersionRow; units: OrgUnit[] }) {
  const name = (id: string | null) => units.find((u) => u.id === id)?.name ?? '–';
  return (
    <dl class="facts">
      <dt>Publik text</dt>
      <dd>{v.publicText || '–'}</dd>
      <dt>Vad som utlovas</dt>
      <dd>{v.promised || '–'}</dd>
      <dt>Ansvarig nämnd</dt>
      <dd>{name(v.boardUnitId)}</dd>
      <dt>Ansvarig enhet</dt>
      <dd>{name(v.unitId)}</dd>
      <dt>Mätetal</dt>
      <dd>{metricSummary(v.metric, units)}</dd>
      <dt>Hur mätningen görs</dt>
      <dd>{v.measurementText || '–'}</dd>
      <dt>Målvärde</dt>
      <dd>{pct(v.target)}</dd>
      <dt>Konsekvens</dt>
      <dd>{v.remedy || '–'}</dd>
      <dt>Motkrav</dt>
      <dd>{v.counterRequirement || '–'}</dd>
      <dt>Beslut</dt>
      <dd>{v.decisionBoard ? `${v.decisionBoard}, ${v.decisionDate}, ${v.decisionRegistrationNumber}` : 'Inget beslut ännu'}</dd>
      <dt>Gäller</dt>
      <dd>
        {v.validFrom} – {v.validTo ?? ''}
      </dd>
    </dl>
  );
}

function TransitionForms({
  session,
  p,
  units,
  errors,
  values,
}: {
  session: Session;
  p: PromiseView;
  units: OrgUnit[];
  errors: FieldError[];
  values: FormValues;
}) {
  const action = `/staff/promises/${p.id}/transitions`;
  const retire = (
    <form method="post" action={action} novalidate>
      <h3>Avsluta löftet</h3>
      <p>Ett avslutat löfte kan inte ändras, beslutas eller publiceras igen. Resultaten till och med sista dagen finns kvar.</p>
      <CsrfField token={session.csrfToken} />
      <input type="hidden" name="to" value="retired" />
      <Input id="retiredOn" label="Sista giltighetsdag (tomt: i dag)" errors={errors} values={values} type="date" width="narrow" />
      <button type="submit" class="danger">
        Avsluta löftet
      </button>
    </form>
  );
  if (p.status === 'retired') return <p>Löftet är avslutat sedan {p.retiredOn}.</p>;
  return (
    <section id="form" aria-labelledby="workflow">
      <h2 id="workflow">Status: {STATUS_NAMES[p.status]}</h2>
      <ErrorSummary errors={errors} />
      {p.status === 'draft' && (
        <form method="post" action={action} novalidate>
          <h3>Besluta</h3>
          <p>Ett löfte kan beslutas när det har mätetal och målvärde. Ange nämndens beslut.</p>
          <CsrfField token={session.csrfToken} />
          <input type="hidden" name="to" value="decided" />
          <Select
            id="decision.board"
            label="Beslutande nämnd"
            errors={errors}
            values={values}
            options={unitOptions(units, isBoard)}
            empty="Välj nämnd"
          />
          <Input id="decision.date" label="Beslutsdatum (ÅÅÅÅ-MM-DD)" errors={errors} values={values} type="date" width="narrow" />
          <Input
            id="decision.registrationNumber"
            label="Diarienummer"
            hint="T.ex. KS 2024/123"
            errors={errors}
            values={values}
            width="narrow"
          />
          <button type="submit">Registrera beslutet</button>
        </form>
      )}
      {p.status === 'decided' && (
        <form method="post" action={action}>
          <h3>Publicera</h3>
          <p>Publicerade löften och deras resultat visas för invånarna och som öppna data.</p>
          <CsrfField token={session.csrfToken} />
          <input type="hidden" name="to" value="published" />
          <button type="submit">Publicera löftet</button>
        </form>
      )}
      {retire}
    </section>
  );
}

export function PromisePage({
  session,
  p,
  events,
  units,
  canWrite,
  flash,
  errors,
  values,
}: {
  session: Session;
  p: PromiseView;
  events: EventRow[];
  units: OrgUnit[];
  canWrite: boolean;
  flash?: string;
  errors: FieldError[];
  values: FormValues;
}) {
  return (
    <StaffPage title={p.current.title} session={session} current="/staff/promises">
      <p>
        <a href="/staff/promises">Alla servicelöften</a>
      </p>
      <h1>{p.current.title}</h1>
      <p class="kind">
        {KIND_NAMES[p.kind]} · {STATUS_NAMES[p.status]} · version {p.current.version}
      </p>
      {flash && <Notice>{flash}</Notice>}
      <PromiseNav p={p} current={`/staff/promises/${p.id}`} />
      <Facts v={p.current} units={units} />
      {canWrite ? (
        <TransitionForms session={session} p={p} units={units} errors={errors} values={values} />
      ) : (
        <h2>Status: {STATUS_NAMES[p.status]}</h2>
      )}
      <table>
        <caption>Versioner</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              Version
            </th>
            <th scope="col">Gäller från</th>
            <th scope="col">Gäller till</th>
            <th scope="col">Mätetal</th>
            <th scope="col" class="num">
              Mål
            </th>
            <th scope="col">Beslut</th>
            <th scope="col">Skapad</th>
          </tr>
        </thead>
        <tbody>
          {p.versions.map((v) => (
            <tr>
              <td class="num">{v.version}</td>
              <td>{v.validFrom}</td>
              <td>{v.validTo ?? '–'}</td>
              <td>{metricSummary(v.metric, units)}</td>
              <td class="num">{pct(v.target)}</td>
              <td>
                {v.decisionBoard
                  ? `${v.decisionBoard}, ${v.decisionDate}, ${v.decisionRegistrationNumber}`
                  : v.decided
                    ? '–'
                    : 'Ej beslutad'}
              </td>
              <td>
                {formatDateTime(v.createdAt)} av {v.createdByLabel}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Statusändringar</caption>
        <thead>
          <tr>
            <th scope="col">När</th>
            <th scope="col">Från</th>
            <th scope="col">Till</th>
            <th scope="col">Vem</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.fromStatus ? STATUS_NAMES[e.fromStatus] : '–'}</td>
              <td>{STATUS_NAMES[e.toStatus]}</td>
              <td>{e.actorLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaffPage>
  );
}

// ---- measured values and claims --------------------------------------------------------------

function SubPage({
  session,
  p,
  title,
  path,
  flash,
  children,
}: {
  session: Session;
  p: PromiseView;
  title: string;
  path: string;
  flash?: string;
  children: ComponentChildren;
}) {
  return (
    <StaffPage title={`${title} – ${p.current.title}`} session={session} current="/staff/promises">
      <p>
        <a href="/staff/promises">Alla servicelöften</a>
      </p>
      <h1>
        {title}: {p.current.title}
      </h1>
      {flash && <Notice>{flash}</Notice>}
      <PromiseNav p={p} current={path} />
      {children}
    </StaffPage>
  );
}

export function MeasurementsPage({
  session,
  p,
  rows,
  canWrite,
  flash,
  errors,
  values,
}: {
  session: Session;
  p: PromiseView;
  rows: MeasurementRow[];
  canWrite: boolean;
  flash?: string;
  errors: FieldError[];
  values: FormValues;
}) {
  const series = (p.current.metric as MetricDef | null)?.type === 'measured_series';
  const share = series && (p.current.metric as { valueKind?: string }).valueKind === 'share';
  return (
    <SubPage session={session} p={p} title="Mätvärden" path={`/staff/promises/${p.id}/measurements`} flash={flash}>
      <table>
        <caption>Inmatade värden per månad</caption>
        <thead>
          <tr>
            <th scope="col">Månad</th>
            {share ? (
              <th scope="col" class="num">
                Värde
              </th>
            ) : (
              <>
                <th scope="col" class="num">
                  Klarade
                </th>
                <th scope="col" class="num">
                  Mätta
                </th>
              </>
            )}
            <th scope="col">Kommentar</th>
            <th scope="col">Inmatat</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr>
              <td>{m.period.slice(0, 7)}</td>
              {share ? (
                <td class="num">{pct(m.value, 2)}</td>
              ) : (
                <>
                  <td class="num">{m.numerator}</td>
                  <td class="num">{m.denominator}</td>
                </>
              )}
              <td>{m.comment ?? ''}</td>
              <td>
                {formatDateTime(m.enteredAt)} av {m.enteredByLabel}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!series && (
        <Notice>Löftet mäts automatiskt ur ärenden eller sammanträden. Mätvärden anges bara för löften med inmatade mätvärden.</Notice>
      )}
      {canWrite && series && (
        <form id="form" method="post" action={`/staff/promises/${p.id}/measurements`} novalidate>
          <h2>Ange värdet för en månad</h2>
          <p>Anges en månad igen ersätts det tidigare värdet (det gamla finns kvar i loggen).</p>
          <ErrorSummary errors={errors} />
          <CsrfField token={session.csrfToken} />
          <Input id="period" label="Månad (ÅÅÅÅ-MM)" errors={errors} values={values} width="narrow" />
          {share ? (
            <Input id="value" label="Värde i procent" hint="T.ex. 99,7" errors={errors} values={values} width="narrow" />
          ) : (
            <>
              <Input id="numerator" label="Antal som klarade löftet" errors={errors} values={values} type="number" width="narrow" />
              <Input id="denominator" label="Antal som mättes" errors={errors} values={values} type="number" width="narrow" />
            </>
          )}
          <TextArea id="comment" label="Kommentar (frivilligt)" errors={errors} values={values} />
          <button type="submit">Spara värdet</button>
        </form>
      )}
    </SubPage>
  );
}

export function ClaimsPage({
  session,
  p,
  rows,
  canWrite,
  flash,
  errors,
  values,
}: {
  session: Session;
  p: PromiseView;
  rows: ClaimRow[];
  canWrite: boolean;
  flash?: string;
  errors: FieldError[];
  values: FormValues;
}) {
  const total = rows.reduce((s, c) => s + c.costSek, 0);
  return (
    <SubPage session={session} p={p} title="Åberopade garantier" path={`/staff/promises/${p.id}/claims`} flash={flash}>
      <p>Varje gång en invånare eller ett företag åberopar garantin registreras det här. Antal och kostnad ingår i resultaten.</p>
      <table>
        <caption>
          Åberopade garantier ({rows.length}, sammanlagt {formatSek(total, 'sv')})
        </caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Vad hände</th>
            <th scope="col">Kompensation</th>
            <th scope="col" class="num">
              Kostnad
            </th>
            <th scope="col">Registrerad</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr>
              <td>{c.claimedOn}</td>
              <td>{c.description}</td>
              <td>{c.remedyGiven}</td>
              <td class="num">{formatSek(c.costSek, 'sv')}</td>
              <td>
                {formatDateTime(c.enteredAt)} av {c.enteredByLabel}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canWrite && (
        <form id="form" method="post" action={`/staff/promises/${p.id}/claims`} novalidate>
          <h2>Registrera en åberopad garanti</h2>
          <ErrorSummary errors={errors} />
          <CsrfField token={session.csrfToken} />
          <Input id="claimedOn" label="Datum (ÅÅÅÅ-MM-DD)" errors={errors} values={values} type="date" width="narrow" />
          <TextArea id="description" label="Vad hände" errors={errors} values={values} />
          <TextArea id="remedyGiven" label="Kompensation som gavs" errors={errors} values={values} />
          <Input id="costSek" label="Kostnad i kronor" errors={errors} values={values} type="number" width="narrow" />
          <button type="submit">Registrera</button>
        </form>
      )}
    </SubPage>
  );
}

// ---- results ---------------------------------------------------------------------------------

function periodLabel(r: PeriodResult): string {
  if (r.period.kind === 'month') return `${monthName(r.period.month ?? 1, 'sv', 'long')} ${r.period.year}`;
  if (r.period.kind === 'interim1') return `Delår 1 ${r.period.year} (jan–apr)`;
  if (r.period.kind === 'interim2') return `Delår 2 ${r.period.year} (jan–aug)`;
  return `Helår ${r.period.year}`;
}

const CHANGE: Record<string, string> = { up: 'Bättre', down: 'Sämre', same: 'Oförändrat' };

export function ResultsPage({ session, p, results, years }: { session: Session; p: PromiseView; results: YearResults; years: number[] }) {
  const { year, share } = results;
  const months = results.results.filter((r) => r.period.kind === 'month');
  const target = results.results.find((r) => r.period.kind === 'year')?.fulfilment.target ?? p.current.target;
  const svg = monthlyChart({
    lang: 'sv',
    series: [
      {
        label: String(year - 1),
        earlier: true,
        points: months.flatMap((r) => (r.trend[0]?.ratio != null ? [{ month: r.period.month ?? 1, ratio: r.trend[0].ratio }] : [])),
      },
      {
        label: String(year),
        points: months.flatMap((r) =>
          r.fulfilment.ratio !== null && !r.future ? [{ month: r.period.month ?? 1, ratio: r.fulfilment.ratio }] : [],
        ),
      },
    ],
    target,
    monthlyTargets: months.flatMap((r) =>
      r.fulfilment.target !== null && !r.future ? [{ month: r.period.month ?? 1, ratio: r.fulfilment.target }] : [],
    ),
    ariaLabel: `Diagram: andel per månad ${year} (heldragen linje, runda punkter) och ${year - 1} (streckad linje, fyrkantiga punkter), mål ${pct(target)}. Samma uppgifter finns i tabellen.`,
  });
  return (
    <SubPage session={session} p={p} title="Resultat" path={`/staff/promises/${p.id}/results`}>
      <form method="get" action={`/staff/promises/${p.id}/results`} class="inline-form">
        <label for="year">År</label>{' '}
        <select id="year" name="year">
          {years.map((y) => (
            <option value={String(y)} selected={y === year}>
              {y}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="secondary">
          Visa
        </button>
      </form>
      <p>
        Ärenden, sammanträden och månader räknas till den period där deras tidsgräns infaller. Perioder med färre än {results.minCount}{' '}
        mätta bedöms inte.
      </p>
      <figure class="promise-chart">
        {/* Generated from numbers and fixed texts only. */}
        <div class="chart-box" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption>
          Heldragen linje med runda punkter: {year}. Streckad linje med fyrkantiga punkter: {year - 1}. Prickad linje: målet.
        </figcaption>
      </figure>
      <table>
        <caption>Resultat {year} per månad, delår och helår</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col" class="num">
              {share ? 'Månader' : 'Mätta'}
            </th>
            <th scope="col" class="num">
              Klarade
            </th>
            <th scope="col" class="num">
              Missade
            </th>
            <th scope="col" class="num">
              Varav öppna försenade
            </th>
            <th scope="col" class="num">
              {share ? 'Utfall' : 'Andel'}
            </th>
            <th scope="col" class="num">
              Mål
            </th>
            <th scope="col">Bedömning</th>
            <th scope="col" class="num">
              Samma period {year - 1}
            </th>
            <th scope="col" class="num">
              Samma period {year - 2}
            </th>
            <th scope="col">Jämfört med {year - 1}</th>
            <th scope="col" class="num">
              Åberopade garantier
            </th>
          </tr>
        </thead>
        <tbody>
          {results.results.map((r) => (
            <tr class={r.period.kind === 'month' ? undefined : 'summary-row'}>
              <th scope="row">
                {periodLabel(r)}
                {r.ongoing ? ' (pågår)' : ''}
              </th>
              {r.future ? (
                <td colSpan={11}>Perioden har inte börjat.</td>
              ) : (
                <>
                  <td class="num">{r.fulfilment.measured}</td>
                  <td class="num">{r.fulfilment.met}</td>
                  <td class="num">{r.fulfilment.missed}</td>
                  <td class="num">{r.fulfilment.openOverdue}</td>
                  <td class="num">{pct(r.fulfilment.ratio)}</td>
                  <td class="num">{pct(r.fulfilment.target)}</td>
                  <td>{RESULT_STATUS[r.fulfilment.status]}</td>
                  <td class="num">{pct(r.trend[0]?.ratio)}</td>
                  <td class="num">{pct(r.trend[1]?.ratio)}</td>
                  <td>{r.change ? CHANGE[r.change] : '–'}</td>
                  <td class="num">
                    {r.claims.count}
                    {r.claims.count > 0 ? ` (${formatSek(r.claims.costSek, 'sv')})` : ''}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Öppna data: <a href={`/api/v1/promises/${p.id}/results?year=${year}`}>resultaten som JSON</a>.
      </p>
    </SubPage>
  );
}
