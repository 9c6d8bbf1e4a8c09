// Staff pages of the Insikt survey: results per area (chart over years with targets, table, grade
// in words), import with column mapping, manual entry, settings and targets.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, FileField, Notice, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { StaffPage } from '../../web/layout.tsx';
import { FIELD_NAMES, IMPORT_FIELDS, type ImportField, REQUIRED_FIELDS } from './insikt.import.ts';
import type { Settings } from './insikt.repo.ts';
import type { PresentedResult } from './insikt.service.ts';
import { FACTOR_NAMES, FACTORS, GRADE_NAMES } from './nki.ts';
import { n1, SatisfactionNav, type Session, show, trendText, type Values } from './satisfaction.views.tsx';

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
      <form method="post" action="/staff/satisfaction/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={session.csrfToken} />
        <FileField
          id="file"
          label="Fil (XLSX eller CSV)"
          hint="SKR:s export som Excel-arbetsbok (.xlsx) eller CSV. Högst 5 MB."
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          errors={errors}
        />
        {values.xlsx && (
          <>
            <input type="hidden" name="xlsx" value={values.xlsx} />
            <p>Den uppladdade XLSX-filen används. Välj en ny fil för att byta.</p>
          </>
        )}
        <TextField
          id="data"
          label="Eller klistra in filens innehåll (CSV)"
          value={values.data}
          errors={errors}
          textarea
          hint="SKR:s export som CSV (semikolon eller komma). En rad per område och år."
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
