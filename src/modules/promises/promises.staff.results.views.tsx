// Staff pages of one promise's measured values, invoked guarantees and results.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice } from '../../web/components.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import { StaffPage } from '../../web/layout.tsx';
import type { MetricDef, PeriodResult } from './fulfilment.ts';
import { monthlyChart, monthName } from './promises.chart.ts';
import type { YearResults } from './promises.results.ts';
import type { ClaimRow, MeasurementRow, PromiseView } from './promises.service.ts';
import { type FormValues, Input, PromiseNav, pct, RESULT_STATUS, type Session, TextArea } from './promises.staff.components.tsx';
import { formatSek } from './promises.texts.ts';

// ---- measured values and claims --------------------------------------------------------------

function SubPage({
  session,
  p,
  title,
  path,
  flash,
  canWrite,
  children,
}: {
  session: Session;
  p: PromiseView;
  canWrite: boolean;
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
      <PromiseNav p={p} current={path} canWrite={canWrite} />
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
    <SubPage session={session} p={p} title="Mätvärden" path={`/staff/promises/${p.id}/measurements`} flash={flash} canWrite={canWrite}>
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
                <td class="num">{pct(m.value)}</td>
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
    <SubPage session={session} p={p} title="Åberopade garantier" path={`/staff/promises/${p.id}/claims`} flash={flash} canWrite={canWrite}>
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

/** A running period is never simply "Målet nått": what it shows is so far. */
function ongoingStatus(status: string): string {
  if (status === 'too_few') return 'Pågår – för få hittills';
  return `Pågår – hittills ${RESULT_STATUS[status].charAt(0).toLowerCase()}${RESULT_STATUS[status].slice(1)}`;
}

const CHANGE: Record<string, string> = { up: 'Bättre', down: 'Sämre', same: 'Oförändrat' };

export function ResultsPage({
  session,
  p,
  results,
  years,
  canWrite,
}: {
  session: Session;
  p: PromiseView;
  results: YearResults;
  years: number[];
  canWrite: boolean;
}) {
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
    <SubPage session={session} p={p} title="Resultat" path={`/staff/promises/${p.id}/results`} canWrite={canWrite}>
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
      <h2>Så mäter vi</h2>
      <ul>
        <li>Ärenden, sammanträden och månadsvärden räknas till den period där deras tidsgräns infaller.</li>
        <li>
          Något räknas först när tidsgränsen har passerat, också om det redan är klart. Samma regel gäller statistiken för återkoppling, så
          båda visar samma antal för samma period. En period som pågår visas som pågående.
        </li>
        <li>Perioder med färre än {results.minCount} mätta bedöms inte (”För få för att bedöma”).</li>
        <li>
          Perioden jämförs med det mål som gäller vid periodens slut. Har målet ändrats under perioden står det vid målet; perioden bedöms
          aldrig mot ett blandat mål.
        </li>
        <li>Andelar visas med högst en decimal, på samma sätt på alla sidor.</li>
      </ul>
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
                  <td class="num">
                    {pct(r.fulfilment.target)}
                    {r.fulfilment.targetChanged ? ' (ändrat under perioden)' : ''}
                  </td>
                  <td>{r.ongoing ? ongoingStatus(r.fulfilment.status) : RESULT_STATUS[r.fulfilment.status]}</td>
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
