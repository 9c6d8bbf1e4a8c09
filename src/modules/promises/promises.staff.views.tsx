// Staff pages of the promise register (Swedish): the list, the template form and one promise with
// its workflow. Measured values, claims and results are in promises.staff.results.views.tsx.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice } from '../../web/components.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import { StaffPage } from '../../web/layout.tsx';
import type { OrgUnit } from '../org/org.service.ts';
import type { Fulfilment } from './fulfilment.ts';
import { CASE_CHANNELS, CASE_TYPES, KIND_NAMES, METRIC_NAMES, PROMISE_KINDS, STATUS_NAMES } from './promises.schemas.ts';
import type { EventRow, PromiseView, VersionRow } from './promises.service.ts';
import {
  CHANNEL_NAMES,
  Checkboxes,
  type FormValues,
  Input,
  isBoard,
  metricSummary,
  PromiseNav,
  pct,
  RESULT_STATUS,
  Select,
  type Session,
  TextArea,
  TYPE_NAMES,
  unitOptions,
} from './promises.staff.components.tsx';

// ---- list ------------------------------------------------------------------------------------

export function PromiseListPage({
  session,
  promises,
  units,
  canWrite,
  minCount,
  thisYear,
  flash,
  errors,
}: {
  session: Session;
  promises: PromiseView[];
  units: OrgUnit[];
  canWrite: boolean;
  minCount: number;
  /** This year's fulfilment so far, per promise id (decided promises only). */
  thisYear: Map<string, Fulfilment>;
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
            <th scope="col" class="num">
              Utfall i år
            </th>
            <th scope="col">Bedömning i år</th>
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
              <td class="num">
                {thisYear.get(p.id) ? <a href={`/staff/promises/${p.id}/results`}>{pct(thisYear.get(p.id)?.ratio)}</a> : '–'}
              </td>
              <td>
                {(() => {
                  const f = thisYear.get(p.id);
                  return f ? `${RESULT_STATUS[f.status]} (${f.measured.toLocaleString('sv-SE')} mätta)` : 'Mäts inte (inte beslutat)';
                })()}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">Utfallen i tabellen kan vara upp till en minut gamla; resultatsidan för ett löfte räknas alltid om.</p>
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
        {promise && <input type="hidden" name="expectedVersion" value={String(values.expectedVersion ?? promise.current.version)} />}
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
      <PromiseNav p={p} current={`/staff/promises/${p.id}`} canWrite={canWrite} />
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
