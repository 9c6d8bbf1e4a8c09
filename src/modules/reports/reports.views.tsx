// Staff pages of reports: the list per board and period with the create form, and one report's
// page (downloads, texts, approve, publish, new version, changes since approval, the preview).
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { ReportDocument } from './report.document.tsx';
import { formatNumber, REPORT_STATUS_NAMES } from './report.layout.ts';
import type { ReportModel } from './report.model.ts';
import type { ReportView, ValueChange } from './reports.service.ts';

type Session = NonNullable<StaffPageProps['session']>;
type Form = Record<string, string>;

const KIND_NAMES = { outcome: 'Utfall', forecast: 'Prognos', target: 'Mål' } as const;

export interface ListPageProps {
  session: Session;
  reports: ReportView[];
  boards: { id: string; name: string }[];
  filter: { board?: string; period?: string };
  canWrite: boolean;
  errors?: FieldError[];
  form?: Form;
  flash?: string;
}

export function ReportListPage({ session, reports, boards, filter, canWrite, errors = [], form = {}, flash }: ListPageProps) {
  const boardOptions = boards.map((b) => ({ value: b.id, label: b.name }));
  return (
    <StaffPage title="Rapporter" session={session} current="/staff/reports">
      {flash && <Notice>{flash}</Notice>}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <h1>Rapporter</h1>
      <p>Delårsrapporter och verksamhetsberättelser skapas ur planens mål, indikatorer, uppdrag och servicelöften.</p>
      <form method="get" action="/staff/reports" class="filters">
        <SelectField id="board" label="Nämnd" value={filter.board} options={boardOptions} empty="Alla" />
        <TextField id="period" label="Period" value={filter.period} hint="Till exempel 2026, 2026-D1 eller 2026-D2." />
        <button type="submit">Visa</button>
      </form>
      {reports.length === 0 ? (
        <p>Inga rapporter matchar.</p>
      ) : (
        <ScrollTable caption="Rapporter per nämnd och period" id="reports">
          <thead>
            <tr>
              <th scope="col">Rapport</th>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Beslut</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/reports/${r.id}`}>{r.title}</a>
                </th>
                <td>{r.version}</td>
                <td>
                  {REPORT_STATUS_NAMES[r.status]}
                  {r.replacedByReportId ? ' (ersatt av en senare version)' : ''}
                </td>
                <td>{r.decisionDate ? `${r.decisionDate}, dnr ${r.registrationNumber ?? ''}` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {canWrite && (
        <section aria-labelledby="new-report">
          <h2 id="new-report">Ny rapport</h2>
          <form method="post" action="/staff/reports" novalidate>
            <CsrfField token={session.csrfToken} />
            <SelectField
              id="boardUnitId"
              label="Nämnd"
              value={form.boardUnitId}
              options={boardOptions}
              errors={errors}
              empty="Välj nämnd"
            />
            <TextField
              id="newPeriod"
              name="period"
              label="Period"
              value={form.period}
              errors={errors}
              hint="Ett år (2026) eller ett delår (2026-D1, 2026-D2)."
            />
            <TextField id="introduction" label="Inledning (valfri)" value={form.introduction} errors={errors} textarea />
            <TextField id="closing" label="Sammanfattande analys (valfri)" value={form.closing} errors={errors} textarea />
            <button type="submit">Skapa utkast</button>
          </form>
        </section>
      )}
    </StaffPage>
  );
}

export interface ReportPageProps {
  session: Session;
  report: ReportView;
  model: ReportModel;
  changes: ValueChange[];
  canWrite: boolean;
  pdfAvailable: boolean;
  errors?: FieldError[];
  form?: Form;
  flash?: string;
}

const value = (v: number | null) => (v === null ? '–' : formatNumber(v, 2));

export function ReportPage({ session, report, model, changes, canWrite, pdfAvailable, errors = [], form = {}, flash }: ReportPageProps) {
  const base = `/api/v1/reports/${report.id}`;
  return (
    <StaffPage title={model.title} session={session} current="/staff/reports">
      {flash && <Notice>{flash}</Notice>}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <h1>{model.title}</h1>
      <div class="report-actions no-print">
        <p>
          <a href="/staff/reports">Alla rapporter</a>
        </p>
        <p>
          Status: <strong>{REPORT_STATUS_NAMES[report.status]}</strong>
          {report.replacedByReportId && (
            <>
              {' '}
              – <a href={`/staff/reports/${report.replacedByReportId}`}>ersatt av en senare version</a>
            </>
          )}
        </p>
        <h2>Ladda ner</h2>
        <ul class="downloads">
          <li>
            <a href={`${base}.docx`}>Word (DOCX)</a>
          </li>
          <li>
            <a href={`${base}.xlsx`}>Excel (XLSX), en tabell per blad</a>
          </li>
          <li>
            {pdfAvailable ? (
              <a href={`${base}.pdf`}>PDF (tillgänglighetsmärkt)</a>
            ) : (
              <span>PDF kan inte skapas på den här servern (Chromium saknas). Webbsidan, DOCX och XLSX finns.</span>
            )}
          </li>
          <li>
            <a href={base}>Rapportens data (JSON)</a>
          </li>
        </ul>
        {report.status !== 'draft' && (
          <section aria-labelledby="changes">
            <h2 id="changes">Ändringar sedan fastställandet</h2>
            {changes.length === 0 ? (
              <p>Inga värden i rapporten har ändrats sedan den fastställdes.</p>
            ) : (
              <ScrollTable caption="Värden som ändrats sedan rapporten fastställdes" id="changes-table">
                <thead>
                  <tr>
                    <th scope="col">Indikator</th>
                    <th scope="col">Period</th>
                    <th scope="col">Slag</th>
                    <th scope="col" class="num">
                      Fastställt värde
                    </th>
                    <th scope="col" class="num">
                      Nytt värde
                    </th>
                    <th scope="col">Vem</th>
                    <th scope="col">När</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr>
                      <th scope="row">{c.indicator}</th>
                      <td>{c.period}</td>
                      <td>{KIND_NAMES[c.kind]}</td>
                      <td class="num">{value(c.oldValue)}</td>
                      <td class="num">{value(c.newValue)}</td>
                      <td>{c.by ?? 'beräknat ur ärendena'}</td>
                      <td>{c.at ? c.at.slice(0, 16).replace('T', ' ') : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )}
          </section>
        )}
        {canWrite && report.status === 'draft' && (
          <>
            <section aria-labelledby="texts">
              <h2 id="texts">Inledning och sammanfattande analys</h2>
              <form method="post" action={`/staff/reports/${report.id}/texts`} novalidate>
                <CsrfField token={session.csrfToken} />
                <TextField id="introduction" label="Inledning" value={form.introduction ?? model.introduction} errors={errors} textarea />
                <TextField id="closing" label="Sammanfattande analys" value={form.closing ?? model.closing} errors={errors} textarea />
                <button type="submit">Spara texterna</button>
              </form>
            </section>
            <section aria-labelledby="approve">
              <h2 id="approve">Fastställ</h2>
              <p>När rapporten fastställs sparas uppgifterna den visar. Senare ändringar i underlaget listas men ändrar inte rapporten.</p>
              <form method="post" action={`/staff/reports/${report.id}/approve`} novalidate>
                <CsrfField token={session.csrfToken} />
                <TextField id="decisionDate" label="Beslutsdatum" type="date" value={form.decisionDate} errors={errors} hint="ÅÅÅÅ-MM-DD" />
                <TextField id="registrationNumber" label="Diarienummer" value={form.registrationNumber} errors={errors} />
                <button type="submit">Fastställ rapporten</button>
              </form>
            </section>
          </>
        )}
        {canWrite && report.status === 'approved' && (
          <form method="post" action={`/staff/reports/${report.id}/publish`}>
            <CsrfField token={session.csrfToken} />
            <button type="submit">Publicera på kommunens webbplats</button>
          </form>
        )}
        {canWrite && report.status !== 'draft' && !report.replacedByReportId && (
          <section aria-labelledby="new-version">
            <h2 id="new-version">Ny version</h2>
            <p>En ny version ersätter den fastställda. Den visar att den ersätter denna och varför.</p>
            <form method="post" action={`/staff/reports/${report.id}/new-version`} novalidate>
              <CsrfField token={session.csrfToken} />
              <TextField id="reason" label="Skäl till den nya versionen" value={form.reason} errors={errors} textarea />
              <button type="submit">Skapa ny version</button>
            </form>
          </section>
        )}
      </div>
      <section aria-labelledby="preview" class="report-preview">
        <h2 id="preview">Förhandsgranskning</h2>
        <ReportDocument model={model} offset={1} />
      </section>
    </StaffPage>
  );
}
