// The public pages of "Kvalitet och resultat": the start page per municipality (blocks), goal
// areas, indicators, boards and administrations, open data, the accessibility statement and its
// feedback form, search, and the small embeddable views. Server-rendered, no script; everything a
// municipality typed is in Swedish and marked lang="sv" on Finnish and English pages.

import type { ComponentChildren, VNode } from 'preact';
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, ScrollTable, TextField } from '../../web/components.tsx';
import { formatLongDate, type Lang, langAttr, swedishOn } from '../../web/i18n.ts';
import { Document, PublicPage } from '../../web/layout.tsx';
import { ASSESSMENT_SYMBOLS, type PublicGoalArea, type PublicIndicator, type PublicPlan } from '../goals/index.ts';
import { PublicComparisonSection } from '../kolada/index.ts';
import type { OrgUnit } from '../org/org.service.ts';
import type { PromiseBrief } from '../promises/promises.public.data.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { areaCounts, promiseStatusWord } from './portal.blocks.tsx';
import { yearChart } from './portal.chart.ts';
import { formatValue, latestOutcome, periodLabel, periodRows, yearPoints } from './portal.present.ts';
import { LICENCES, type PortalSettings } from './portal.settings.ts';
import { A11Y, STATUS_WORDS, T, t, WORK_STATUS } from './portal.texts.ts';

export interface PageBase {
  lang: Lang;
  tenant: Tenant;
  settings: PortalSettings;
}

function brandOf(tenant: Tenant, settings: PortalSettings) {
  return {
    name: settings.displayName ?? tenant.name,
    logoUrl: settings.hasLogo ? `/${tenant.slug}/logo?v=${settings.version}` : undefined,
  };
}

function Page({ base, title, path, children }: { base: PageBase; title: string; path: string; children: ComponentChildren }) {
  const { lang, tenant, settings } = base;
  const name = settings.displayName ?? tenant.name;
  return (
    <PublicPage title={`${title} – ${name}`} lang={lang} path={path} tenant={tenant} brand={brandOf(tenant, settings)}>
      {children}
    </PublicPage>
  );
}

// ---- Insyn's own start page ------------------------------------------------------------

export function StartPage({ lang, tenants }: { lang: Lang; tenants: Tenant[] }) {
  return (
    <PublicPage title={T.siteTitle[lang]} lang={lang} path="/">
      <h1>{T.siteTitle[lang]}</h1>
      <p class="lead">{T.startLead[lang]}</p>
      <h2>{T.chooseMunicipality[lang]}</h2>
      {tenants.length === 0 ? (
        <p>{T.noTenants[lang]}</p>
      ) : (
        <ul class="cards">
          {tenants.map((tn) => (
            <li class="card">
              <h3>
                <a href={`/${tn.slug}?lang=${lang}`} lang={swedishOn(lang)}>
                  {tn.name}
                </a>
              </h3>
            </li>
          ))}
        </ul>
      )}
    </PublicPage>
  );
}

// ---- A municipality's start page -------------------------------------------------------

export function TenantHomePage({ base, sections }: { base: PageBase; sections: VNode[] }) {
  const { lang, tenant } = base;
  return (
    <Page base={base} title={T.siteTitle[lang]} path={`/${tenant.slug}`}>
      <h1>{T.siteTitle[lang]}</h1>
      <p class="lead">{T.homeLead[lang]}</p>
      <div class="portal-blocks">{sections}</div>
      <p>
        <a href={`/${tenant.slug}/embed/summary?lang=${lang}`}>{T.embed[lang]}</a>
      </p>
    </Page>
  );
}

// ---- Goals -----------------------------------------------------------------------------

function Verdict({ status, lang }: { status: string | null; lang: Lang }) {
  const s = (status ?? 'no_data') as keyof typeof ASSESSMENT_SYMBOLS;
  return (
    <span class={`verdict verdict-${s}`}>
      {ASSESSMENT_SYMBOLS[s]} {STATUS_WORDS[s][lang]}
    </span>
  );
}

export function GoalsPage({ base, plans }: { base: PageBase; plans: PublicPlan[] }) {
  const { lang, tenant } = base;
  return (
    <Page base={base} title={T.goalsTitle[lang]} path={`/${tenant.slug}/goals`}>
      <h1>{T.goalsTitle[lang]}</h1>
      <p class="lead">{T.goalsLead[lang]}</p>
      {plans.length === 0 && <p>{T.noGoals[lang]}</p>}
      {plans.map((p) => (
        <section aria-labelledby={`plan-${p.id}`}>
          <h2 id={`plan-${p.id}`} lang={swedishOn(lang)}>
            {p.title}
          </h2>
          <ul class="portal-list">
            {p.goalAreas.map((a) => (
              <li>
                <a href={`/${tenant.slug}/goals/${a.id}?lang=${lang}`} lang={swedishOn(lang)}>
                  {a.number}. {a.title}
                </a>
                <br />
                <span class="sentence">{t(T.areaSummary, lang, areaCounts(a.goals))}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <a href={`/${tenant.slug}/goals.csv`}>{T.csv[lang]}</a> · <a href={`/${tenant.slug}/goals.json`}>{T.json[lang]}</a>
      </p>
    </Page>
  );
}

export function IndicatorSummary({
  ind,
  lang,
  href,
  heading = 'h3',
  small,
}: {
  ind: PublicIndicator;
  lang: Lang;
  href?: string;
  heading?: 'h1' | 'h2' | 'h3';
  small?: boolean;
}) {
  const latest = latestOutcome(ind);
  const H = heading;
  const svg = yearChart({
    outcome: yearPoints(ind, 'outcome'),
    target: yearPoints(ind, 'target'),
    forecast: yearPoints(ind, 'forecast'),
    decimals: ind.decimals,
    lang,
    ariaLabel: T.chartLabel[lang],
    small,
  });
  return (
    <>
      <H lang={swedishOn(lang)}>{href ? <a href={href}>{ind.title}</a> : ind.title}</H>
      {latest ? (
        <p>
          <span class="big-number">{formatValue(latest.value, ind, lang)}</span>{' '}
          {latest.target === null
            ? t(T.indicatorSentenceNoTarget, lang, {
                period: periodLabel(latest.period, lang),
                value: formatValue(latest.value, ind, lang),
              })
            : t(T.indicatorSentence, lang, {
                period: periodLabel(latest.period, lang),
                value: formatValue(latest.value, ind, lang),
                target: formatValue(latest.target, ind, lang),
              })}
        </p>
      ) : (
        <p>{T.noValue[lang]}</p>
      )}
      {svg && (
        <figure class="indicator-chart">
          {/* Generated from numbers and fixed texts only; no user text is inside the SVG. */}
          <div class="chart-box" dangerouslySetInnerHTML={{ __html: svg }} />
        </figure>
      )}
    </>
  );
}

export function ValuesTable({ ind, lang, id }: { ind: PublicIndicator; lang: Lang; id: string }) {
  const rows = periodRows(ind);
  if (rows.length === 0) return null;
  const v = (x: number | null) => (x === null ? '–' : formatValue(x, ind, lang));
  return (
    <ScrollTable id={id} caption={`${T.valuesCaption[lang]}: ${ind.title}`} captionLang={swedishOn(lang)}>
      <thead>
        <tr>
          <th scope="col">{T.period[lang]}</th>
          <th scope="col" class="num">
            {T.outcome[lang]}
          </th>
          <th scope="col" class="num">
            {T.target[lang]}
          </th>
          <th scope="col" class="num">
            {T.forecast[lang]}
          </th>
          <th scope="col">{T.verdict[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{periodLabel(r.period, lang)}</th>
            <td class="num">
              {v(r.outcome)}
              {r.preliminary ? ` (${T.preliminary[lang]})` : ''}
            </td>
            <td class="num">{v(r.target)}</td>
            <td class="num">{v(r.forecast)}</td>
            <td>{r.status ? <Verdict status={r.status} lang={lang} /> : '–'}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function AssignmentsTable({
  assignments,
  lang,
  units,
  caption,
}: {
  assignments: PublicPlan['assignments'];
  lang: Lang;
  units: ReadonlyMap<string, OrgUnit>;
  caption: string;
}) {
  if (assignments.length === 0) return <p>{T.noAssignments[lang]}</p>;
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{T.assignments[lang]}</th>
          <th scope="col">{T.owner[lang]}</th>
          <th scope="col">{T.endDate[lang]}</th>
          <th scope="col">{T.status[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {assignments.map((a) => (
          <tr>
            <th scope="row" lang={swedishOn(lang)}>
              {a.title}
            </th>
            <td lang={swedishOn(lang)}>{units.get(a.responsibleUnitId)?.name ?? ''}</td>
            <td>{a.endDate ? formatLongDate(a.endDate, lang) : '–'}</td>
            <td>{WORK_STATUS[a.status]?.[lang] ?? a.status}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function GoalAreaPage({
  base,
  plan,
  area,
  units,
}: {
  base: PageBase;
  plan: PublicPlan;
  area: PublicGoalArea;
  units: ReadonlyMap<string, OrgUnit>;
}) {
  const { lang, tenant } = base;
  const indicators = new Map(plan.indicators.map((i) => [i.id, i]));
  const assignments = new Map(plan.assignments.map((a) => [a.id, a]));
  return (
    <Page base={base} title={area.title} path={`/${tenant.slug}/goals/${area.id}`}>
      <p>
        <a href={`/${tenant.slug}/goals?lang=${lang}`}>{T.back[lang]}</a>
      </p>
      <h1 lang={swedishOn(lang)}>
        {area.number}. {area.title}
      </h1>
      <p class="kind" lang={swedishOn(lang)}>
        {plan.title}
      </p>
      {area.ambition && (
        <p class="lead" lang={swedishOn(lang)}>
          {area.ambition}
        </p>
      )}
      {area.inPractice && <p lang={swedishOn(lang)}>{area.inPractice}</p>}
      <p>{t(T.areaSummary, lang, areaCounts(area.goals))}</p>
      {area.goals.map((g) => (
        <section class="goal" aria-labelledby={`goal-${g.id}`}>
          <h2 id={`goal-${g.id}`} lang={swedishOn(lang)}>
            {g.number} {g.title}
          </h2>
          {g.text && <p lang={swedishOn(lang)}>{g.text}</p>}
          <p>
            {T.latest[lang]}
            {g.latest ? ` (${periodLabel(g.latest.period, lang)})` : ''}: <Verdict status={g.latest?.status ?? null} lang={lang} />
            {g.latest?.reason && (
              <>
                {' – '}
                <span lang={langAttr('sv', lang)}>{g.latest.reason}</span>
              </>
            )}
          </p>
          {g.indicatorIds.length > 0 && <h3 class="sub">{T.indicators[lang]}</h3>}
          {g.indicatorIds.map((id) => {
            const ind = indicators.get(id);
            if (!ind) return null;
            return (
              <article class="indicator" aria-labelledby={`i-${g.id}-${id}`}>
                <div id={`i-${g.id}-${id}`}>
                  <IndicatorSummary ind={ind} lang={lang} href={`/${tenant.slug}/indicators/${id}?lang=${lang}`} heading="h3" />
                </div>
                <details>
                  <summary>{T.valuesCaption[lang]}</summary>
                  <ValuesTable ind={ind} lang={lang} id={`t-${g.id}-${id}`} />
                </details>
              </article>
            );
          })}
          <h3 class="sub">{T.assignments[lang]}</h3>
          <AssignmentsTable
            assignments={g.assignmentIds.map((id) => assignments.get(id)).filter((a) => a !== undefined)}
            lang={lang}
            units={units}
            caption={`${T.assignments[lang]} ${g.number}`}
          />
        </section>
      ))}
    </Page>
  );
}

// ---- An indicator ----------------------------------------------------------------------

export function EmbedCode({ url, title, lang }: { url: string; title: string; lang: Lang }) {
  const snippet = `<iframe src="${url}" title="${title.replaceAll('"', '&quot;')}" width="100%" height="320" loading="lazy"></iframe>`;
  return (
    <section aria-labelledby="embed">
      <h2 id="embed">{T.embed[lang]}</h2>
      <p>{T.embedText[lang]}</p>
      <p>
        {T.embedLink[lang]}: <a href={url}>{url}</a>
      </p>
      <figure class="embed-code">
        <figcaption>{T.embedCode[lang]}</figcaption>
        <pre>
          <code>{snippet}</code>
        </pre>
      </figure>
    </section>
  );
}

export function IndicatorPage({
  base,
  ind,
  goals,
  owner,
  baseUrl,
}: {
  base: PageBase;
  ind: PublicIndicator;
  goals: { id: string; number: string; title: string; areaId: string }[];
  owner: string;
  baseUrl: string;
}) {
  const { lang, tenant } = base;
  const path = `/${tenant.slug}/indicators/${ind.id}`;
  return (
    <Page base={base} title={ind.title} path={path}>
      <p>
        <a href={`/${tenant.slug}/goals?lang=${lang}`}>{T.back[lang]}</a>
      </p>
      <div class="indicator-head">
        <IndicatorSummary ind={ind} lang={lang} heading="h1" />
      </div>
      <h2>{T.history[lang]}</h2>
      <ValuesTable ind={ind} lang={lang} id="values" />
      <dl class="facts">
        <dt>{T.definition[lang]}</dt>
        <dd lang={swedishOn(lang)}>{ind.definition || '–'}</dd>
        <dt>{T.source[lang]}</dt>
        <dd lang={swedishOn(lang)}>{[ind.dataSource, ind.sourceText].filter(Boolean).join(' · ') || '–'}</dd>
        <dt>{T.unit[lang]}</dt>
        <dd lang={swedishOn(lang)}>{ind.unit || '–'}</dd>
        <dt>{T.direction[lang]}</dt>
        <dd>{T[ind.direction][lang]}</dd>
        <dt>{T.owner[lang]}</dt>
        <dd lang={swedishOn(lang)}>{owner}</dd>
        {goals.length > 0 && (
          <>
            <dt>{T.relatedGoals[lang]}</dt>
            {goals.map((g) => (
              <dd>
                <a href={`/${tenant.slug}/goals/${g.areaId}?lang=${lang}`} lang={swedishOn(lang)}>
                  {g.number} {g.title}
                </a>
              </dd>
            ))}
          </>
        )}
      </dl>
      {ind.comparison ? <PublicComparisonSection lang={lang} data={ind.comparison} decimals={ind.decimals} /> : null}
      <h2>{T.download[lang]}</h2>
      <ul>
        <li>
          <a href={`${path}.csv`}>{T.csv[lang]}</a>
        </li>
        <li>
          <a href={`${path}.json`}>{T.json[lang]}</a>
        </li>
      </ul>
      <EmbedCode url={`${baseUrl}/${tenant.slug}/embed/indicators/${ind.id}?lang=${lang}`} title={ind.title} lang={lang} />
    </Page>
  );
}

// ---- A board or administration ---------------------------------------------------------

export function BoardsPage({ base, units }: { base: PageBase; units: OrgUnit[] }) {
  const { lang, tenant } = base;
  return (
    <Page base={base} title={T.boardsTitle[lang]} path={`/${tenant.slug}/boards`}>
      <h1>{T.boardsTitle[lang]}</h1>
      <ul class="portal-list">
        {units.map((u) => (
          <li>
            <a href={`/${tenant.slug}/boards/${u.id}?lang=${lang}`} lang={swedishOn(lang)}>
              {u.name}
            </a>
          </li>
        ))}
      </ul>
    </Page>
  );
}

export function BoardPage({
  base,
  unit,
  promises,
  indicators,
  assignments,
  goals,
  units,
}: {
  base: PageBase;
  unit: OrgUnit;
  promises: PromiseBrief[];
  indicators: PublicIndicator[];
  assignments: PublicPlan['assignments'];
  goals: { id: string; number: string; title: string; areaId: string; status: string | null }[];
  units: ReadonlyMap<string, OrgUnit>;
}) {
  const { lang, tenant } = base;
  const empty = promises.length + indicators.length + assignments.length + goals.length === 0;
  return (
    <Page base={base} title={unit.name} path={`/${tenant.slug}/boards/${unit.id}`}>
      <p>
        <a href={`/${tenant.slug}/boards?lang=${lang}`}>{T.boardsTitle[lang]}</a>
      </p>
      <h1 lang={swedishOn(lang)}>{unit.name}</h1>
      <p class="lead">{T.boardLead[lang]}</p>
      {empty && <p>{T.nothingHere[lang]}</p>}
      {promises.length > 0 && (
        <section aria-labelledby="board-promises">
          <h2 id="board-promises">{T.promisesTitle[lang]}</h2>
          <ul class="portal-list">
            {promises.map((p) => (
              <li>
                <a href={`/${tenant.slug}/promises/${p.id}?lang=${lang}`} lang={langAttr(p.titleLang, lang)}>
                  {p.title}
                </a>{' '}
                <span class="verdict">{promiseStatusWord(p.status, lang)}</span>
                <br />
                <span class="sentence">{p.sentence}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {goals.length > 0 && (
        <section aria-labelledby="board-goals">
          <h2 id="board-goals">{T.directionGoals[lang]}</h2>
          <ul class="portal-list">
            {goals.map((g) => (
              <li>
                <a href={`/${tenant.slug}/goals/${g.areaId}?lang=${lang}`} lang={swedishOn(lang)}>
                  {g.number} {g.title}
                </a>{' '}
                <Verdict status={g.status} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {indicators.length > 0 && (
        <section aria-labelledby="board-indicators">
          <h2 id="board-indicators">{T.indicators[lang]}</h2>
          {indicators.map((ind) => (
            <article class="indicator">
              <IndicatorSummary ind={ind} lang={lang} href={`/${tenant.slug}/indicators/${ind.id}?lang=${lang}`} heading="h3" small />
            </article>
          ))}
        </section>
      )}
      {assignments.length > 0 && (
        <section aria-labelledby="board-assignments">
          <h2 id="board-assignments">{T.assignments[lang]}</h2>
          <AssignmentsTable assignments={assignments} lang={lang} units={units} caption={T.assignments[lang]} />
        </section>
      )}
    </Page>
  );
}

// ---- Open data -------------------------------------------------------------------------

export interface DatasetLink {
  id: string;
  title: string;
  csv: string;
  json: string;
}

export function DataPage({ base, datasets }: { base: PageBase; datasets: DatasetLink[] }) {
  const { lang, tenant, settings } = base;
  const licence = LICENCES[settings.licence];
  return (
    <Page base={base} title={T.dataTitle[lang]} path={`/${tenant.slug}/data`}>
      <h1>{T.dataTitle[lang]}</h1>
      <p class="lead">{T.dataLead[lang]}</p>
      <p>
        {T.licence[lang]}:{' '}
        <a href={licence.url} lang={swedishOn(lang)}>
          {licence.name}
        </a>
      </p>
      <ScrollTable caption={T.datasets[lang]}>
        <thead>
          <tr>
            <th scope="col">{T.dataset[lang]}</th>
            <th scope="col">{T.formats[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr>
              <th scope="row">{d.title}</th>
              <td>
                <a href={d.csv}>CSV</a> · <a href={d.json}>JSON</a>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <h2>{T.csvFormat[lang]}</h2>
      <p>{T.csvFormatText[lang]}</p>
      <h2>{T.catalogue[lang]}</h2>
      <p>
        <a href={`/${tenant.slug}/data/catalog.jsonld`}>catalog.jsonld</a>
      </p>
    </Page>
  );
}

// ---- Accessibility statement and its feedback form -------------------------------------

export function AccessibilityPage({ base }: { base: PageBase }) {
  const { lang, tenant, settings } = base;
  const name = settings.displayName ?? tenant.name;
  const site = `${T.siteTitle[lang]} – ${name}`;
  return (
    <Page base={base} title={t(A11Y.title, lang, { site: T.siteTitle[lang] })} path={`/${tenant.slug}/accessibility`}>
      <h1>{t(A11Y.title, lang, { site })}</h1>
      <p>{t(A11Y.intro, lang, { name })}</p>
      <h2>{A11Y.howTitle[lang]}</h2>
      <p>{A11Y[settings.compliance][lang]}</p>
      <h2>{A11Y.helpTitle[lang]}</h2>
      <p>{A11Y.helpText[lang]}</p>
      {settings.contactEmail && (
        <p>
          <a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a>
        </p>
      )}
      <h2>{A11Y.reportTitle[lang]}</h2>
      <p>{A11Y.reportText[lang]}</p>
      <p>
        <a class="button" href={`/${tenant.slug}/accessibility/feedback?lang=${lang}`}>
          {A11Y.reportLink[lang]}
        </a>
      </p>
      <h2>{A11Y.superTitle[lang]}</h2>
      <p>{A11Y.superText[lang]}</p>
      <p>
        <a href="https://www.digg.se/tdosanmalan">{A11Y.superLink[lang]}</a>
      </p>
      <h2>{A11Y.techTitle[lang]}</h2>
      <p>{A11Y.techText[lang]}</p>
      <h2>{A11Y.issuesTitle[lang]}</h2>
      {settings.knownIssues ? (
        settings.knownIssues.split(/\n{2,}/).map((para) => <p lang={swedishOn(lang)}>{para}</p>)
      ) : (
        <p>{A11Y.noIssues[lang]}</p>
      )}
      <h2>{A11Y.testTitle[lang]}</h2>
      <p>{A11Y.testText[lang]}</p>
      {settings.assessedOn && <p>{t(A11Y.assessedOn, lang, { date: formatLongDate(settings.assessedOn, lang) })}</p>}
    </Page>
  );
}

export interface FeedbackValues {
  page: string;
  message: string;
  email: string;
}

export function FeedbackPage({
  base,
  csrfToken,
  values,
  errors,
  unavailable,
}: {
  base: PageBase;
  csrfToken: string;
  values: FeedbackValues;
  errors: FieldError[];
  unavailable?: boolean;
}) {
  const { lang, tenant } = base;
  const action = `/${tenant.slug}/accessibility/feedback?lang=${lang}`;
  return (
    <Page base={base} title={A11Y.feedbackTitle[lang]} path={`/${tenant.slug}/accessibility/feedback`}>
      <p>
        <a href={`/${tenant.slug}/accessibility?lang=${lang}`}>{T.back[lang]}</a>
      </p>
      <h1>{A11Y.feedbackTitle[lang]}</h1>
      {unavailable ? (
        <p>{A11Y.noCategory[lang]}</p>
      ) : (
        <>
          <p class="lead">{A11Y.feedbackLead[lang]}</p>
          <ErrorSummary errors={errors} title={A11Y.errorTitle[lang]} />
          <form method="post" action={action} novalidate>
            <CsrfField token={csrfToken} />
            <TextField id="message" label={A11Y.messageField[lang]} value={values.message} errors={errors} textarea />
            <TextField id="page" label={A11Y.pageField[lang]} value={values.page} errors={errors} />
            <TextField id="email" label={A11Y.emailField[lang]} value={values.email} errors={errors} type="email" />
            <button type="submit">{A11Y.send[lang]}</button>
          </form>
        </>
      )}
    </Page>
  );
}

// ---- Search ----------------------------------------------------------------------------

export interface SearchResult {
  path: string;
  kind: string;
  title: string;
  body: string;
}

const KIND_NAME: Record<string, keyof typeof T> = {
  promise: 'kindPromise',
  area: 'kindArea',
  goal: 'kindGoal',
  indicator: 'kindIndicator',
  board: 'kindBoard',
};

export function SearchPage({ base, q, hits, error }: { base: PageBase; q: string; hits: SearchResult[] | null; error?: string }) {
  const { lang, tenant } = base;
  return (
    <Page base={base} title={T.searchTitle[lang]} path={`/${tenant.slug}/search`}>
      <h1>{T.searchTitle[lang]}</h1>
      <form method="get" action={`/${tenant.slug}/search`}>
        <input type="hidden" name="lang" value={lang} />
        <div class={error ? 'field has-error' : 'field'}>
          <label for="q">{T.searchLabel[lang]}</label>
          <p class="hint" id="q-hint">
            {T.searchHint[lang]}
          </p>
          {error && (
            <p class="error-message" id="q-error">
              {error}
            </p>
          )}
          <input
            id="q"
            name="q"
            type="search"
            value={q}
            aria-describedby={error ? 'q-hint q-error' : 'q-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit">{T.searchButton[lang]}</button>
      </form>
      {hits !== null && (
        <>
          <p role="status">{hits.length === 0 ? t(T.searchNone, lang, { q }) : t(T.searchHits, lang, { n: hits.length, q })}</p>
          <ol class="search-hits">
            {hits.map((h) => (
              <li>
                <a href={`${h.path}?lang=${lang}`} lang={swedishOn(lang)}>
                  {h.title}
                </a>{' '}
                <span class="kind">({T[KIND_NAME[h.kind] ?? 'kindPromise'][lang]})</span>
                {h.body && (
                  <p lang={swedishOn(lang)}>
                    {h.body.slice(0, 200)}
                    {h.body.length > 200 ? '…' : ''}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </Page>
  );
}

// ---- Embeds: small, no script, a link back to the full page ----------------------------

export function EmbedPage({ base, title, href, children }: { base: PageBase; title: string; href: string; children: ComponentChildren }) {
  const { lang, tenant, settings } = base;
  return (
    <Document title={title} lang={lang} themeHref={`/${tenant.slug}/theme.css`} bodyClass="embed">
      <main class="embed-box">
        {children}
        <p class="embed-source">
          <a href={href} target="_blank" rel="noopener">
            {t(T.embedSource, lang, { name: settings.displayName ?? tenant.name })}
          </a>
        </p>
      </main>
    </Document>
  );
}

export function EmbedPromise({ base, promise, href }: { base: PageBase; promise: PromiseBrief; href: string }) {
  const { lang } = base;
  return (
    <EmbedPage base={base} title={promise.title} href={href}>
      <h1 lang={langAttr(promise.titleLang, lang)}>{promise.title}</h1>
      <p class="verdict">{promiseStatusWord(promise.status, lang)}</p>
      <p>{promise.sentence}</p>
    </EmbedPage>
  );
}

export function EmbedIndicator({ base, ind, href }: { base: PageBase; ind: PublicIndicator; href: string }) {
  return (
    <EmbedPage base={base} title={ind.title} href={href}>
      <div class="embed-indicator">
        <IndicatorSummary ind={ind} lang={base.lang} heading="h1" small />
      </div>
    </EmbedPage>
  );
}

export function EmbedSummary({ base, sections, href }: { base: PageBase; sections: VNode[]; href: string }) {
  return (
    <EmbedPage base={base} title={T.siteTitle[base.lang]} href={href}>
      <h1>{T.siteTitle[base.lang]}</h1>
      {sections}
    </EmbedPage>
  );
}
