// Public pages of the promise register: every published promise, grouped by administration,
// with how well it was kept this year and last — sentence, number, chart and table.

import { ScrollTable } from '../../web/components.tsx';
import type { Lang } from '../../web/i18n.ts';
import { formatLongDate, langAttr, swedishOn } from '../../web/i18n.ts';
import { PublicPage } from '../../web/layout.tsx';
import { localDate } from '../calendar/calendar.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import type { Fulfilment } from './fulfilment.ts';
import { formatPercent, monthlyChart, monthName } from './promises.chart.ts';
import type { PromiseSummary } from './promises.results.ts';
import type { EventRow, PromiseView, VersionRow } from './promises.service.ts';
import { fill, formatSek, KIND, keptSentence, localized, localizedLang, STATUS, statusWord, T } from './promises.texts.ts';

export interface PublicPromise {
  promise: PromiseView;
  summary: PromiseSummary;
  boardName: string;
  unitName: string;
}

export interface PromiseGroup {
  id: string;
  name: string;
  promises: PublicPromise[];
}

function ratioText(f: Fulfilment | null, lang: Lang): string {
  if (!f || f.ratio === null) return '–';
  return formatPercent(f.ratio, lang);
}

function Chart({ summary, lang }: { summary: PromiseSummary; lang: Lang }) {
  const points = (pick: (m: PromiseSummary['months'][number]) => Fulfilment | null) =>
    summary.months.flatMap((m) => {
      const f = pick(m);
      return f && f.ratio !== null ? [{ month: m.month, ratio: f.ratio }] : [];
    });
  const target = summary.thisYear.target ?? summary.lastYear.target;
  const values = { year: summary.year, last: summary.year - 1, target: target === null ? '–' : formatPercent(target, lang) };
  const svg = monthlyChart({
    lang,
    series: [
      { label: String(summary.year - 1), points: points((m) => m.previous), earlier: true },
      { label: String(summary.year), points: points((m) => m.current) },
    ],
    target,
    ariaLabel: fill(T.chartLabel[lang], values),
  });
  return (
    <figure class="promise-chart">
      {/* The SVG is generated from numbers and fixed texts only; no user text is inside it. */}
      <div class="chart-box" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{fill(T.legend[lang], values)}</figcaption>
    </figure>
  );
}

function MonthsTable({ summary, lang, id }: { summary: PromiseSummary; lang: Lang; id: string }) {
  const { year } = summary;
  return (
    <ScrollTable id={id} caption={fill(T.monthlyCaption[lang], { year, last: year - 1 })}>
      <thead>
        <tr>
          <th scope="col">{T.month[lang]}</th>
          <th scope="col" class="num">
            {year}
          </th>
          <th scope="col" class="num">
            {T.cases[lang]} {year}
          </th>
          <th scope="col" class="num">
            {year - 1}
          </th>
          <th scope="col" class="num">
            {T.cases[lang]} {year - 1}
          </th>
        </tr>
      </thead>
      <tbody>
        {summary.months.map((m) => (
          <tr>
            <th scope="row">
              {monthName(m.month, lang, 'long')}
              {m.ongoing ? ` (${T.ongoing[lang]})` : ''}
            </th>
            <td class="num">{ratioText(m.current, lang)}</td>
            <td class="num">{m.current ? m.current.measured : '–'}</td>
            <td class="num">{ratioText(m.previous, lang)}</td>
            <td class="num">{m.previous.measured}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** lang for a field shown in Swedish on a Finnish or English page (WCAG 3.1.2). */
function fieldLang(v: VersionRow, field: 'title' | 'text' | 'remedy' | 'counterRequirement', lang: Lang): Lang | undefined {
  return langAttr(localizedLang(v, field, lang), lang);
}

function PromiseFacts({ v, lang, boardName, unitName }: { v: VersionRow; lang: Lang; boardName: string; unitName: string }) {
  const remedy = localized(v, 'remedy', lang);
  const counter = localized(v, 'counterRequirement', lang);
  return (
    <dl class="facts">
      {remedy && (
        <>
          <dt>{T.remedy[lang]}</dt>
          <dd lang={fieldLang(v, 'remedy', lang)}>{remedy}</dd>
        </>
      )}
      {counter && (
        <>
          <dt>{T.counterRequirement[lang]}</dt>
          <dd lang={fieldLang(v, 'counterRequirement', lang)}>{counter}</dd>
        </>
      )}
      <dt>{T.measured[lang]}</dt>
      {v.measurementText && <dd lang="sv">{v.measurementText}</dd>}
      <dd>{T.measureRules[lang]}</dd>
      <dt>{T.target[lang]}</dt>
      <dd>{v.target === null ? '–' : formatPercent(v.target, lang)}</dd>
      <dt>{T.owner[lang]}</dt>
      <dd lang={swedishOn(lang)}>
        {boardName}
        {unitName !== boardName ? `, ${unitName}` : ''}
      </dd>
    </dl>
  );
}

function Results({ summary, lang }: { summary: PromiseSummary; lang: Lang }) {
  return (
    <div class="promise-results">
      <p class="promise-figure">
        <span class="big-number">{ratioText(summary.thisYear, lang)}</span>{' '}
        <span>
          {summary.year} ({statusWord(summary.thisYear, lang)})
        </span>
      </p>
      <p>{keptSentence(summary.thisYear, summary.share, 'this', lang)}</p>
      <p>{keptSentence(summary.lastYear, summary.share, 'last', lang)}</p>
      {summary.claimsThisYear.count > 0 && (
        <p>{fill(T.claimsText[lang], { count: summary.claimsThisYear.count, cost: formatSek(summary.claimsThisYear.costSek, lang) })}</p>
      )}
    </div>
  );
}

export function PublicPromisesPage({ lang, tenant, groups }: { lang: Lang; tenant: Tenant; groups: PromiseGroup[] }) {
  const base = `/${tenant.slug}/promises`;
  return (
    <PublicPage title={`${T.title[lang]} – ${tenant.name}`} lang={lang} path={base} tenant={tenant}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.lead[lang]}</p>
      {groups.length === 0 && <p>{T.none[lang]}</p>}
      {groups.map((g) => (
        <section aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`} lang={swedishOn(lang)}>
            {g.name}
          </h2>
          <ul class="portal-list">
            {g.promises.map(({ promise, summary }) => {
              const v = promise.current;
              const title = localized(v, 'title', lang);
              return (
                <li>
                  <a href={`${base}/${promise.id}?lang=${lang}`} lang={fieldLang(v, 'title', lang)}>
                    {title}
                  </a>{' '}
                  <span class="kind">({KIND[promise.kind][lang]})</span>
                  <br />
                  <span class="sentence">
                    <strong>{ratioText(summary.thisYear, lang)}</strong> {keptSentence(summary.thisYear, summary.share, 'this', lang)}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <h2>{T.openData[lang]}</h2>
      <ul>
        <li>
          <a href={`${base}.json`}>{T.openDataJson[lang]}</a>
        </li>
        <li>
          <a href={`${base}.csv`}>{T.openDataCsv[lang]}</a>
        </li>
      </ul>
    </PublicPage>
  );
}

function validity(v: VersionRow, until: string | null, lang: Lang): string {
  const to = until ?? v.validTo;
  return `${formatLongDate(v.validFrom, lang)} – ${to ? formatLongDate(to, lang) : ''}`;
}

export function PublicPromisePage({
  lang,
  tenant,
  item,
  events,
  ends,
}: {
  lang: Lang;
  tenant: Tenant;
  item: PublicPromise;
  events: EventRow[];
  /** version → last day in force (null = open). */
  ends: Map<number, string | null>;
}) {
  const { promise, summary } = item;
  const v = promise.current;
  const base = `/${tenant.slug}/promises`;
  const title = localized(v, 'title', lang);
  return (
    <PublicPage title={`${title} – ${tenant.name}`} lang={lang} path={`${base}/${promise.id}`} tenant={tenant}>
      <p>
        <a href={`${base}?lang=${lang}`}>{T.back[lang]}</a>
      </p>
      <h1 lang={fieldLang(v, 'title', lang)}>{title}</h1>
      <p class="kind">
        {KIND[promise.kind][lang]} · {STATUS[promise.status][lang]}
      </p>
      {localized(v, 'text', lang) && (
        <p class="lead" lang={fieldLang(v, 'text', lang)}>
          {localized(v, 'text', lang)}
        </p>
      )}
      <PromiseFacts v={v} lang={lang} boardName={item.boardName} unitName={item.unitName} />
      <h2>{T.results[lang]}</h2>
      <Results summary={summary} lang={lang} />
      <Chart summary={summary} lang={lang} />
      <MonthsTable summary={summary} lang={lang} id="months" />
      <ul>
        <li>
          <a href={`${base}/${promise.id}.json`}>{T.resultsJson[lang]}</a>
        </li>
        <li>
          <a href={`${base}/${promise.id}.csv`}>{T.resultsCsv[lang]}</a>
        </li>
      </ul>
      <h2>{T.history[lang]}</h2>
      <ScrollTable caption={T.versions[lang]}>
        <thead>
          <tr>
            <th scope="col">{T.version[lang]}</th>
            <th scope="col">{T.validity[lang]}</th>
            <th scope="col" class="num">
              {T.target[lang]}
            </th>
            <th scope="col">{T.decision[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {promise.versions
            .filter((x) => x.decided)
            .map((x) => (
              <tr>
                <th scope="row">{x.version}</th>
                <td>{validity(x, ends.get(x.version) ?? null, lang)}</td>
                <td class="num">{x.target === null ? '–' : formatPercent(x.target, lang)}</td>
                <td>
                  {x.decisionBoard ? (
                    <>
                      <span lang={swedishOn(lang)}>{x.decisionBoard}</span>,{' '}
                      {`${x.decisionDate ? formatLongDate(x.decisionDate, lang) : ''}, ${x.decisionRegistrationNumber ?? ''}`}
                    </>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </ScrollTable>
      <ScrollTable caption={T.statusChanges[lang]}>
        <thead>
          <tr>
            <th scope="col">{T.date[lang]}</th>
            <th scope="col">{T.status[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr>
              <td>{formatLongDate(localDate(e.at), lang)}</td>
              <td>{STATUS[e.toStatus][lang]}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </PublicPage>
  );
}
