// The goal pages: the plans and goal areas, a goal area with its direction goals, indicators
// (sentence + number + chart + table) and assignments, and the page of one indicator.

import { ScrollTable } from '../../web/components.tsx';
import { formatLongDate, type Lang, langAttr, swedishOn } from '../../web/i18n.ts';
import { ASSESSMENT_SYMBOLS, type PublicGoalArea, type PublicIndicator, type PublicPlan } from '../goals/index.ts';
import { PublicComparisonSection } from '../kolada/index.ts';
import type { OrgUnit } from '../org/org.service.ts';
import { areaCounts } from './portal.blocks.tsx';
import { yearChart } from './portal.chart.ts';
import { Page, type PageBase } from './portal.layout.tsx';
import { formatValue, latestOutcome, periodLabel, periodRows, yearPoints } from './portal.present.ts';
import { STATUS_WORDS, T, t, WORK_STATUS } from './portal.texts.ts';

export function Verdict({ status, lang }: { status: string | null; lang: Lang }) {
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

export function AssignmentsTable({
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
