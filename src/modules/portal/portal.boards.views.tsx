import { langAttr, swedishOn } from '../../web/i18n.ts';
import type { PublicIndicator, PublicPlan } from '../goals/index.ts';
import type { OrgUnit } from '../org/org.service.ts';
import type { PromiseBrief } from '../promises/promises.public.data.ts';
import { promiseStatusWord } from './portal.blocks.tsx';
import { AssignmentsTable, IndicatorSummary, Verdict } from './portal.goals.views.tsx';
import { Page, type PageBase } from './portal.layout.tsx';
import { T } from './portal.texts.ts';

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
