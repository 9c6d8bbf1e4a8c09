// Staff pages: Insikt results per area (chart over years with targets, table, grade in words),
// import with column mapping, manual entry, settings and targets; own surveys (builder, link,
// invitations, results); after-contact results by unit, category and channel.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { StaffPage } from '../../web/layout.tsx';
import type { StaffContext } from '../../web/staff.ts';
import type { AfterContactDimension, AfterContactGroup } from './after-contact.service.ts';
import { FIELD_NAMES, IMPORT_FIELDS, type ImportField, REQUIRED_FIELDS } from './insikt.import.ts';
import type { Settings } from './insikt.repo.ts';
import type { PresentedResult } from './insikt.service.ts';
import { FACTOR_NAMES, FACTORS, GRADE_NAMES } from './nki.ts';
import type { SurveyRow } from './surveys.repo.ts';
import { QUESTION_TYPE_NAMES, QUESTION_TYPES, type QuestionResult } from './surveys.service.ts';

type Session = StaffContext['session'];
type Values = Record<string, string>;

const n1 = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const show = (v: number | null) => (v === null ? '–' : n1.format(v));
const trendText = (t: number | null) => (t === null ? '–' : t > 0 ? `+${t}` : String(t));

function SatisfactionNav({ current }: { current: string }) {
  const links = [
    ['/staff/satisfaction', 'Insikt-resultat'],
    ['/staff/satisfaction/import', 'Importera'],
    ['/staff/satisfaction/result', 'Registrera resultat'],
    ['/staff/satisfaction/settings', 'Inställningar och mål'],
    ['/staff/surveys', 'Egna enkäter'],
    ['/staff/satisfaction/after-contact', 'Frågan efter kontakten'],
  ];
  return (
    <nav aria-label="Nöjdhet" class="sub-nav">
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface AreaSection {
  area: string;
  name: string;
  chartSvg: string | null;
  rows: PresentedResult[];
}

export function InsiktPage({
  session,
  sections,
  settings,
  flash,
}: {
  session: Session;
  sections: AreaSection[];
  settings: Settings;
  flash?: string;
}) {
  return (
    <StaffPage title="Nöjdhet – Insikt" session={session} current="/staff/satisfaction">
      <h1>Nöjdhet: SKR:s Insikt</h1>
      <SatisfactionNav current="/staff/satisfaction" />
      {flash && <Notice>{flash}</Notice>}
      <p>
        NKI och serviceindex 0–100 per myndighetsområde. Resultat med färre än {settings.minAnswers} svar visas inte ("för få svar").
        Betyget avgörs av det avrundade indexet: mycket högt ≥ {settings.bands.veryHigh}, högt ≥ {settings.bands.high}, godkänt ≥{' '}
        {settings.bands.pass}, lågt ≥ {settings.bands.low}, annars mycket lågt. Totalt = de fyra obligatoriska områdena viktade med antal
        svar.
      </p>
      {sections.length === 0 && <p>Inga resultat ännu. Importera SKR:s fil eller registrera resultat.</p>}
      {sections.map((s) => (
        <section aria-labelledby={`area-${s.area}`}>
          <h2 id={`area-${s.area}`}>{s.name}</h2>
          {s.chartSvg && <div class="chart-box" dangerouslySetInnerHTML={{ __html: s.chartSvg }} />}
          <ScrollTable caption={`${s.name}: resultat per år`}>
            <thead>
              <tr>
                <th scope="col">År</th>
                <th scope="col">NKI</th>
                <th scope="col">Betyg</th>
                <th scope="col">Förändring</th>
                <th scope="col">Mål</th>
                {FACTORS.map((f) => (
                  <th scope="col">{FACTOR_NAMES[f]}</th>
                ))}
                <th scope="col">Bemötande totalt</th>
                <th scope="col">Antal svar</th>
                <th scope="col">Svarsfrekvens</th>
              </tr>
            </thead>
            <tbody>
              {s.rows.map((r) => (
                <tr>
                  <th scope="row">
                    {r.year}
                    {r.period ? ` ${r.period}` : ''}
                    {r.generated ? ' (genererat)' : ''}
                  </th>
                  <td>{r.shown ? show(r.rounded) : 'för få svar'}</td>
                  <td>{r.grade ? GRADE_NAMES[r.grade] : '–'}</td>
                  <td>{trendText(r.trend)}</td>
                  <td>{show(r.target)}</td>
                  {FACTORS.map((f) => (
                    <td>{show(r.factors[f])}</td>
                  ))}
                  <td>{show(r.bemotandeQuestion)}</td>
                  <td>{r.n}</td>
                  <td>{r.responseRate === null ? '–' : `${n1.format(r.responseRate)} %`}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </section>
      ))}
    </StaffPage>
  );
}

export interface ImportProps {
  session: Session;
  values: Values;
  errors: FieldError[];
  /** Headers read from the pasted file: the mapping step. */
  headers?: string[];
  mapping?: Partial<Record<ImportField, string>>;
  flash?: string;
}

export function ImportPage({ session, values, errors, headers, mapping = {}, flash }: ImportProps) {
  return (
    <StaffPage title="Importera Insikt-resultat" session={session} current="/staff/satisfaction">
      <h1>Importera Insikt-resultat</h1>
      <SatisfactionNav current="/staff/satisfaction/import" />
      {flash && <Notice>{flash}</Notice>}
      <ErrorSummary errors={errors} />
      <form method="post" action="/staff/satisfaction/import" novalidate>
        <CsrfField token={session.csrfToken} />
        <TextField
          id="data"
          label="Filens innehåll (CSV)"
          value={values.data}
          errors={errors}
          textarea
          hint="Klistra in SKR:s export som CSV (semikolon eller komma). XLSX tas emot genom API:t (/api/v1/satisfaction/insikt/import). En rad per område och år."
        />
        {headers && (
          <fieldset>
            <legend>Vilken kolumn innehåller vad?</legend>
            <p class="hint">Mappningen sparas och föreslås nästa gång. År, område och antal svar krävs.</p>
            {IMPORT_FIELDS.map((f) => (
              <SelectField
                id={`mapping.${f}`}
                label={`${FIELD_NAMES[f]}${REQUIRED_FIELDS.includes(f) ? '' : ' (frivilligt)'}`}
                value={mapping[f] ?? ''}
                errors={errors}
                empty="Ingen kolumn"
                options={headers.map((h) => ({ value: h, label: h }))}
              />
            ))}
          </fieldset>
        )}
        <div class="actions">
          <button type="submit" name="step" value="preview" class={headers ? 'secondary' : undefined}>
            Läs kolumnerna
          </button>{' '}
          {headers && (
            <button type="submit" name="step" value="import">
              Importera
            </button>
          )}
        </div>
      </form>
    </StaffPage>
  );
}

export function ResultFormPage({
  session,
  values,
  errors,
  areas,
}: {
  session: Session;
  values: Values;
  errors: FieldError[];
  areas: [string, string][];
}) {
  const fields: [string, string][] = [
    ['n', 'Antal svar'],
    ['responseRate', 'Svarsfrekvens (%) (frivilligt)'],
    ['nki', 'NKI (0–100)'],
    ...FACTORS.map((f) => [f, `${FACTOR_NAMES[f]} (frivilligt)`] as [string, string]),
    ['bemotandeQuestion', 'Delfrågan "Hur nöjd var du totalt sett med bemötandet?" (frivilligt)'],
  ];
  return (
    <StaffPage title="Registrera Insikt-resultat" session={session} current="/staff/satisfaction">
      <h1>Registrera Insikt-resultat</h1>
      <SatisfactionNav current="/staff/satisfaction/result" />
      <ErrorSummary errors={errors} />
      <form method="post" action="/staff/satisfaction/result" novalidate>
        <CsrfField token={session.csrfToken} />
        <TextField id="year" label="År" value={values.year} errors={errors} inputClass="width-5" />
        <SelectField
          id="period"
          label="Period"
          value={values.period}
          errors={errors}
          options={[{ value: '', label: 'Helår' }, ...['H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'].map((p) => ({ value: p, label: p }))]}
        />
        <SelectField
          id="area"
          label="Område"
          value={values.area}
          errors={errors}
          empty="Välj område"
          options={areas.map(([value, label]) => ({ value, label }))}
        />
        {fields.map(([id, label]) => (
          <TextField id={id} label={label} value={values[id]} errors={errors} inputClass="width-5" />
        ))}
        <button type="submit">Spara resultatet</button>
      </form>
    </StaffPage>
  );
}

export function SettingsPage({
  session,
  values,
  errors,
  targetValues,
  targetErrors,
  targets,
  areas,
  flash,
}: {
  session: Session;
  values: Values;
  errors: FieldError[];
  targetValues: Values;
  targetErrors: FieldError[];
  targets: { area: string; year: number; target: number }[];
  areas: [string, string][];
  flash?: string;
}) {
  const names = new Map(areas);
  return (
    <StaffPage title="Inställningar för nöjdhet" session={session} current="/staff/satisfaction">
      <h1>Inställningar och mål</h1>
      <SatisfactionNav current="/staff/satisfaction/settings" />
      {flash && <Notice>{flash}</Notice>}
      <ErrorSummary errors={[...errors, ...targetErrors]} />
      <form method="post" action="/staff/satisfaction/settings" novalidate>
        <CsrfField token={session.csrfToken} />
        <TextField
          id="minAnswers"
          label="Minsta antal svar för att visa ett resultat"
          value={values.minAnswers}
          errors={errors}
          inputClass="width-5"
          hint="SKR visar inga resultat med färre än 7 svar."
        />
        <fieldset>
          <legend>Betygsgränser (lägsta avrundade index)</legend>
          <TextField id="bands.veryHigh" label="Mycket högt från" value={values['bands.veryHigh']} errors={errors} inputClass="width-5" />
          <TextField id="bands.high" label="Högt från" value={values['bands.high']} errors={errors} inputClass="width-5" />
          <TextField id="bands.pass" label="Godkänt från" value={values['bands.pass']} errors={errors} inputClass="width-5" />
          <TextField
            id="bands.low"
            label="Lågt från (under: mycket lågt)"
            value={values['bands.low']}
            errors={errors}
            inputClass="width-5"
          />
        </fieldset>
        <fieldset>
          <legend>Frågan efter avslutat ärende</legend>
          <div class="field">
            <input
              type="checkbox"
              id="afterContactEnabled"
              name="afterContactEnabled"
              value="yes"
              checked={values.afterContactEnabled === 'yes'}
            />{' '}
            <label for="afterContactEnabled">Skicka frågan när ett ärende med e-postadress avslutas</label>
          </div>
          <TextField
            id="afterContactDelayHours"
            label="Fördröjning i timmar efter avslut"
            value={values.afterContactDelayHours}
            errors={errors}
            inputClass="width-5"
          />
        </fieldset>
        <button type="submit">Spara inställningarna</button>
      </form>

      <h2>Mål per område och år</h2>
      {targets.length > 0 && (
        <ScrollTable caption="Mål">
          <thead>
            <tr>
              <th scope="col">Område</th>
              <th scope="col">År</th>
              <th scope="col">Mål</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => (
              <tr>
                <td>{names.get(t.area) ?? t.area}</td>
                <td>{t.year}</td>
                <td>{n1.format(t.target)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <form method="post" action="/staff/satisfaction/targets" novalidate>
        <CsrfField token={session.csrfToken} />
        <SelectField
          id="target-area"
          name="area"
          label="Område"
          value={targetValues.area}
          errors={targetErrors}
          empty="Välj område"
          options={areas.map(([value, label]) => ({ value, label }))}
        />
        <TextField id="target-year" name="year" label="År" value={targetValues.year} errors={targetErrors} inputClass="width-5" />
        <TextField
          id="target-target"
          name="target"
          label="Mål (index 0–100)"
          value={targetValues.target}
          errors={targetErrors}
          inputClass="width-5"
        />
        <button type="submit">Spara målet</button>
      </form>
    </StaffPage>
  );
}

export function SurveysPage({ session, surveys, flash }: { session: Session; surveys: SurveyRow[]; flash?: string }) {
  return (
    <StaffPage title="Egna enkäter" session={session} current="/staff/satisfaction">
      <h1>Egna enkäter</h1>
      <SatisfactionNav current="/staff/surveys" />
      {flash && <Notice>{flash}</Notice>}
      <p>
        <a class="button" href="/staff/surveys/new">
          Ny enkät
        </a>
      </p>
      {surveys.length === 0 ? (
        <p>Inga enkäter ännu.</p>
      ) : (
        <ul>
          {surveys.map((s) => (
            <li>
              <a href={`/staff/surveys/${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      )}
    </StaffPage>
  );
}

export const QUESTION_SLOTS = 8;

export function SurveyFormPage({ session, values, errors }: { session: Session; values: Values; errors: FieldError[] }) {
  return (
    <StaffPage title="Ny enkät" session={session} current="/staff/satisfaction">
      <h1>Ny enkät</h1>
      <SatisfactionNav current="/staff/surveys" />
      <ErrorSummary errors={errors} />
      <form method="post" action="/staff/surveys/new" novalidate>
        <CsrfField token={session.csrfToken} />
        <TextField id="title" label="Titel" value={values.title} errors={errors} />
        <TextField id="titleFi" label="Titel på finska (frivilligt)" value={values.titleFi} errors={errors} />
        <TextField id="titleEn" label="Titel på engelska (frivilligt)" value={values.titleEn} errors={errors} />
        <TextField id="intro" label="Inledning (frivilligt)" value={values.intro} errors={errors} textarea />
        <p class="hint">Fyll i de frågor du behöver; tomma rader hoppas över. Svarsalternativ för "ett val av flera": ett per rad.</p>
        {Array.from({ length: QUESTION_SLOTS }, (_, i) => (
          <fieldset>
            <legend>Fråga {i + 1}</legend>
            <SelectField
              id={`questions.${i}.type`}
              label="Typ"
              value={values[`questions.${i}.type`] ?? 'scale5'}
              errors={errors}
              options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_NAMES[t] }))}
            />
            <TextField id={`questions.${i}.text`} label="Frågetext" value={values[`questions.${i}.text`]} errors={errors} />
            <TextField
              id={`questions.${i}.textFi`}
              label="Frågetext på finska (frivilligt)"
              value={values[`questions.${i}.textFi`]}
              errors={errors}
            />
            <TextField
              id={`questions.${i}.textEn`}
              label="Frågetext på engelska (frivilligt)"
              value={values[`questions.${i}.textEn`]}
              errors={errors}
            />
            <TextField
              id={`questions.${i}.options`}
              label="Svarsalternativ (ett per rad)"
              value={values[`questions.${i}.options`]}
              errors={errors}
              textarea
            />
            <div class="field">
              <input
                type="checkbox"
                id={`questions.${i}.required`}
                name={`questions.${i}.required`}
                value="yes"
                checked={values[`questions.${i}.required`] === 'yes'}
              />{' '}
              <label for={`questions.${i}.required`}>Obligatorisk</label>
            </div>
          </fieldset>
        ))}
        <div class="field">
          <input type="checkbox" id="openLink" name="openLink" value="yes" checked={values.openLink !== 'no'} />{' '}
          <label for="openLink">Öppen länk (alla som har länken kan svara)</label>
        </div>
        <button type="submit">Skapa enkäten</button>
      </form>
    </StaffPage>
  );
}

export interface SurveyDetailProps {
  session: Session;
  survey: SurveyRow;
  openUrl: string | null;
  responses: number;
  invitations: { total: number; answered: number };
  minAnswers: number;
  questions: (QuestionResult & { chartSvg: string | null })[];
  newTokens?: string[];
  baseUrl: string;
  tenantSlug: string;
  errors: FieldError[];
  flash?: string;
}

export function SurveyDetailPage(p: SurveyDetailProps) {
  return (
    <StaffPage title={p.survey.title} session={p.session} current="/staff/satisfaction">
      <h1>{p.survey.title}</h1>
      <SatisfactionNav current="/staff/surveys" />
      {p.flash && <Notice>{p.flash}</Notice>}
      <ErrorSummary errors={p.errors} />
      <p>
        {p.responses} svar. Inbjudningar: {p.invitations.total} skapade, {p.invitations.answered} besvarade.
      </p>
      {p.openUrl && (
        <p>
          Öppen länk: <a href={p.openUrl}>{p.openUrl}</a>
        </p>
      )}
      {p.newTokens && (
        <section aria-labelledby="new-tokens">
          <h2 id="new-tokens">Nya inbjudningslänkar</h2>
          <p>Länkarna visas bara nu. Varje länk ger ett svar.</p>
          <ul class="token-list">
            {p.newTokens.map((t) => (
              <li>{`${p.baseUrl}/${p.tenantSlug}/enkat/${t}`}</li>
            ))}
          </ul>
        </section>
      )}
      <form method="post" action={`/staff/surveys/${p.survey.id}/invitations`} novalidate>
        <CsrfField token={p.session.csrfToken} />
        <TextField id="count" label="Antal nya inbjudningar" value="" errors={p.errors} inputClass="width-5" />
        <button type="submit">Skapa inbjudningar</button>
      </form>
      <h2>Resultat</h2>
      <p>
        Svaren är anonyma. Frågor med färre än {p.minAnswers} svar visas inte. Index: skala 1–5 → 0, 25, 50, 75, 100; skala 1–10 → (x − 1) /
        9 × 100. Fritextsvar visas bara för personal. <a href={`/api/v1/surveys/${p.survey.id}/results?format=csv`}>Ladda ner som CSV</a>
      </p>
      {p.questions.map((q) => (
        <section aria-labelledby={`q-${q.id}`}>
          <h3 id={`q-${q.id}`}>
            {q.position}. {q.text}
          </h3>
          <p>
            {QUESTION_TYPE_NAMES[q.type]}, {q.n} svar{q.index !== null ? `, index ${n1.format(q.index)}` : ''}
            {!q.shown ? ' – för få svar för att visa resultat' : ''}
          </p>
          {q.chartSvg && <div class="chart-box" dangerouslySetInnerHTML={{ __html: q.chartSvg }} />}
          {q.distribution.length > 0 && (
            <ScrollTable caption={`Fördelning: fråga ${q.position}`}>
              <thead>
                <tr>
                  <th scope="col">Svar</th>
                  <th scope="col">Antal</th>
                </tr>
              </thead>
              <tbody>
                {q.distribution.map((d) => (
                  <tr>
                    <th scope="row">{d.label}</th>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          {q.texts.length > 0 && (
            <ul class="free-texts">
              {q.texts.map((t) => (
                <li>{t}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </StaffPage>
  );
}

export const DIMENSION_NAMES: Record<AfterContactDimension, string> = { unit: 'Enhet', category: 'Kategori', channel: 'Kanal' };

export function AfterContactPageStaff({
  session,
  by,
  from,
  to,
  total,
  groups,
  minAnswers,
}: {
  session: Session;
  by: AfterContactDimension;
  from: string;
  to: string;
  total: AfterContactGroup;
  groups: AfterContactGroup[];
  minAnswers: number;
}) {
  return (
    <StaffPage title="Frågan efter kontakten" session={session} current="/staff/satisfaction">
      <h1>Nöjdhet efter avslutat ärende</h1>
      <SatisfactionNav current="/staff/satisfaction/after-contact" />
      <p>
        "Hur nöjd är du med hur vi hanterade ditt ärende?" 1–5, index 0–100 (1 → 0, 5 → 100). Grupper med färre än {minAnswers} svar visas
        inte.
      </p>
      <form method="get" action="/staff/satisfaction/after-contact" class="filters">
        <SelectField id="by" label="Per" value={by} options={Object.entries(DIMENSION_NAMES).map(([value, label]) => ({ value, label }))} />
        <TextField id="from" label="Från" type="date" value={from} />
        <TextField id="to" label="Till" type="date" value={to} />
        <button type="submit">Visa</button>
      </form>
      <ScrollTable caption={`Nöjdhet per ${DIMENSION_NAMES[by].toLowerCase()}, ${from}–${to}`}>
        <thead>
          <tr>
            <th scope="col">{DIMENSION_NAMES[by]}</th>
            <th scope="col">Skickade</th>
            <th scope="col">Svar</th>
            <th scope="col">Medel 1–5</th>
            <th scope="col">Index</th>
          </tr>
        </thead>
        <tbody>
          {[...groups, total].map((g) => (
            <tr>
              <th scope="row">{g.name}</th>
              <td>{g.sent}</td>
              <td>{g.answered}</td>
              <td>{g.shown ? show(g.mean) : 'för få svar'}</td>
              <td>{g.shown ? show(g.index) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </StaffPage>
  );
}
