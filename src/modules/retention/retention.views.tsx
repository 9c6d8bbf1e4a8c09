// The staff page of retention (gallring), in Swedish: why and what is cleared, the rules with the
// decision each rests on, a preview of a run on a chosen day, and every run's report.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { CASE_TYPE_NAMES } from '../cases/cases.schemas.ts';
import { SCOPE_NAMES } from './retention.schemas.ts';
import type { PreviewView, RuleView, RunView } from './retention.service.ts';

type Session = NonNullable<StaffPageProps['session']>;
export const RETENTION_PAGE = '/staff/retention';

export interface RetentionPageProps {
  session: Session;
  rules: RuleView[];
  runs: RunView[];
  categories: { code: string; name: string }[];
  today: string;
  flash?: string;
  ruleErrors?: FieldError[];
  ruleValues?: Record<string, string>;
  previewErrors?: FieldError[];
  previewValues?: Record<string, string>;
  preview?: PreviewView;
}

/** "1 ärende", "2 ärenden". */
export const casesText = (n: number) => `${n} ${n === 1 ? 'ärende' : 'ärenden'}`;

const typeName = (t: string | null) => (t ? (CASE_TYPE_NAMES[t as keyof typeof CASE_TYPE_NAMES] ?? t) : 'Alla typer');

function selector(r: RuleView, categories: { code: string; name: string }[]): string {
  const category = r.categoryCode ? (categories.find((c) => c.code === r.categoryCode)?.name ?? r.categoryCode) : 'alla kategorier';
  return `${typeName(r.caseType)}, ${category}`;
}

function RulesTable({ rules, categories, csrf }: { rules: RuleView[]; categories: { code: string; name: string }[]; csrf: string }) {
  if (rules.length === 0) return <p>Det finns inga gallringsregler ännu. Inga personuppgifter gallras förrän en regel finns.</p>;
  return (
    <ScrollTable caption="Gallringsregler">
      <thead>
        <tr>
          <th scope="col">Gäller</th>
          <th scope="col">Gallras efter avslut</th>
          <th scope="col">Vad som gallras</th>
          <th scope="col">Beslut</th>
          <th scope="col">Gäller från</th>
          <th scope="col">Status</th>
          <th scope="col">Åtgärd</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr>
            <td>{selector(r, categories)}</td>
            <td>{r.monthsAfterClosure} månader</td>
            <td>{SCOPE_NAMES[r.scope]}</td>
            <td>{r.decisionReference}</td>
            <td>{r.effectiveFrom}</td>
            <td>{r.active ? 'Gällande' : 'Avslutad'}</td>
            <td>
              {r.active && (
                <form method="post" action={`${RETENTION_PAGE}/rules/${r.id}/deactivate`}>
                  <CsrfField token={csrf} />
                  <button type="submit" class="secondary">
                    Avsluta regeln
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function PreviewResult({ preview }: { preview: PreviewView }) {
  return (
    <section aria-labelledby="preview-result" aria-live="polite">
      <h3 id="preview-result">{preview.summary}</h3>
      {preview.byRule.length > 0 && (
        <ul>
          {preview.byRule.map((r) => (
            <li>
              {casesText(r.cases)} enligt {r.decisionReference}
            </li>
          ))}
        </ul>
      )}
      {preview.cases.length > 0 && (
        <ScrollTable caption={`De första ${preview.cases.length} ärendena, äldst avslutade först`}>
          <thead>
            <tr>
              <th scope="col">Ärende</th>
              <th scope="col">Avslutat</th>
            </tr>
          </thead>
          <tbody>
            {preview.cases.map((c) => (
              <tr>
                <td>
                  <a href={`/staff/cases/${c.id}`}>{c.caseNumber}</a>
                </td>
                <td>{c.resolvedDate}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

function RunsTable({ runs }: { runs: RunView[] }) {
  if (runs.length === 0) return <p>Ingen gallring har körts ännu.</p>;
  return (
    <ScrollTable caption="Gallringskörningar, senaste först">
      <thead>
        <tr>
          <th scope="col">Startad</th>
          <th scope="col">Av</th>
          <th scope="col">Gallrade ärenden</th>
          <th scope="col">Rapport</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr>
            <td>
              {formatDateTime(new Date(run.startedAt))}
              {run.finishedAt ? '' : ' (pågår eller avbröts)'}
            </td>
            <td>{run.startedBy === 'job' ? 'Nattlig körning' : run.startedBy}</td>
            <td>{run.clearedCases}</td>
            <td>
              <ul>
                {Object.values(run.report.rules).map((r) => (
                  <li>
                    {casesText(r.cases)} enligt {r.decisionReference} ({r.monthsAfterClosure} månader)
                  </li>
                ))}
                <li>
                  {run.report.mails} e-postmeddelanden, {run.report.open311Requests} Open311-uppgifter, {run.report.surveyComments}{' '}
                  enkätkommentarer
                </li>
                {run.error && <li>Fel: {run.error}</li>}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function RetentionPage(p: RetentionPageProps) {
  const csrf = p.session.csrfToken;
  const rv = p.ruleValues ?? {};
  const pv = p.previewValues ?? {};
  const ruleErrors = p.ruleErrors ?? [];
  const previewErrors = p.previewErrors ?? [];
  return (
    <StaffPage title="Gallring" session={p.session} current={RETENTION_PAGE}>
      <h1>Gallring</h1>
      {p.flash && <Notice>{p.flash}</Notice>}
      <p>
        Ärenden är allmänna handlingar. Enligt arkivlagen får de gallras bara efter ett beslut, i regel kommunens dokumenthanteringsplan –
        inte på begäran av den som skrev. Därför tar Insyn bort personuppgifter ur avslutade ärenden när tiden i planen har gått, och sparar
        det som statistiken behöver: datum, typ, kategori, enhet, kanal och tider. Ett ärende som är spärrat mot gallring (på ärendets sida)
        gallras aldrig. Gallringen körs varje natt.
      </p>

      <h2>Regler</h2>
      <p>Den mest specifika regeln gäller: ärendetyp och kategori, före bara kategori, före bara ärendetyp, före en regel för alla.</p>
      <RulesTable rules={p.rules} categories={p.categories} csrf={csrf} />

      <h3>Ny regel</h3>
      <ErrorSummary errors={ruleErrors} />
      <form method="post" action={`${RETENTION_PAGE}/rules`} novalidate>
        <CsrfField token={csrf} />
        <SelectField
          id="caseType"
          label="Ärendetyp"
          value={rv.caseType}
          empty="Alla typer"
          options={Object.entries(CASE_TYPE_NAMES).map(([value, label]) => ({ value, label }))}
          errors={ruleErrors}
        />
        <SelectField
          id="categoryCode"
          label="Kategori"
          value={rv.categoryCode}
          empty="Alla kategorier"
          options={p.categories.map((c) => ({ value: c.code, label: c.name }))}
          errors={ruleErrors}
        />
        <TextField
          id="monthsAfterClosure"
          label="Gallras antal månader efter avslut"
          type="number"
          value={rv.monthsAfterClosure}
          errors={ruleErrors}
        />
        <TextField
          id="decisionReference"
          label="Beslut"
          hint="Dokumenthanteringsplanens namn, beslutsdatum och diarienummer, till exempel: Dokumenthanteringsplan för kommunstyrelsen, beslutad 2025-03-12, dnr KS 2025/123"
          value={rv.decisionReference}
          errors={ruleErrors}
        />
        <SelectField
          id="scope"
          label="Vad som gallras"
          value={rv.scope ?? 'contact_and_texts'}
          options={Object.entries(SCOPE_NAMES).map(([value, label]) => ({ value, label }))}
          errors={ruleErrors}
        />
        <TextField
          id="effectiveFrom"
          label="Gäller från"
          hint="ÅÅÅÅ-MM-DD. Före detta datum visas regeln bara i förhandsgranskningen."
          type="date"
          value={rv.effectiveFrom ?? p.today}
          errors={ruleErrors}
        />
        <button type="submit">Lägg till regeln</button>
      </form>

      <h2>Förhandsgranska</h2>
      <ErrorSummary errors={previewErrors} />
      <form method="post" action={`${RETENTION_PAGE}/preview`} novalidate>
        <CsrfField token={csrf} />
        <TextField
          id="date"
          label="Dag för körningen"
          hint="Tomt: i dag, eller den valda regelns första dag"
          type="date"
          value={pv.date}
          errors={previewErrors}
        />
        <SelectField
          id="ruleId"
          label="Regel"
          value={pv.ruleId}
          empty="Alla gällande regler"
          options={p.rules
            .filter((r) => r.active)
            .map((r) => ({ value: r.id, label: `${selector(r, p.categories)} – ${r.decisionReference}` }))}
          errors={previewErrors}
        />
        <button type="submit">Visa vad som skulle gallras</button>
      </form>
      {p.preview && <PreviewResult preview={p.preview} />}

      <h2>Körningar</h2>
      <form method="post" action={`${RETENTION_PAGE}/runs`}>
        <CsrfField token={csrf} />
        <button type="submit">Kör gallringen nu</button>
      </form>
      <RunsTable runs={p.runs} />
    </StaffPage>
  );
}
