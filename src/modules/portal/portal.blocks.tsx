// The start page's blocks, in the order of weight the issue gives: ask a question first, then
// promises, goal areas, satisfaction, meeting publication and the latest report. Each block
// links to its own page. Modules whose data comes later (satisfaction, reports, Kolada) add
// their block with registerPortalBlock at merge; a block without data returns null and is left out.
import type { VNode } from 'preact';
import type { Db } from '../../db/database.ts';
import { formatCount, formatLongDate, type Lang, langAttr, swedishOn } from '../../web/i18n.ts';
import { listPublishedReports, reportTitle } from '../reports/index.ts';
import { satisfactionSummary } from '../satisfaction/index.ts';
import type { Grade } from '../satisfaction/nki.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import type { PortalData } from './portal.data.ts';
import { share } from './portal.present.ts';
import { STATUS_WORDS, T, t } from './portal.texts.ts';

export interface BlockContext {
  db: Db;
  tenant: Tenant;
  lang: Lang;
  data: PortalData;
}

export interface PortalBlock {
  id: string;
  /** Lower first: ask 10, promises 20, goals 30, satisfaction 40, meetings 50, reports 60, boards 70. */
  order: number;
  /** The block's section, or null when it has nothing to show (then it is left out). */
  render(ctx: BlockContext): VNode | null | Promise<VNode | null>;
  /**
   * What the block shows, as a key that changes when its data changes. The start page is cached
   * by the portal data's fingerprint plus every block's key; a block that reads data of its own
   * (satisfaction, reports) must give one.
   */
  fingerprint?(ctx: BlockContext): Promise<string> | string;
}

const blocks: PortalBlock[] = [];

/** Adds a block to every municipality's start page (replacing one with the same id). */
export function registerPortalBlock(block: PortalBlock): void {
  const i = blocks.findIndex((b) => b.id === block.id);
  if (i >= 0) blocks.splice(i, 1);
  blocks.push(block);
  blocks.sort((a, b) => a.order - b.order);
}

export function portalBlocks(): readonly PortalBlock[] {
  return blocks;
}

const base = (ctx: BlockContext) => `/${ctx.tenant.slug}`;

registerPortalBlock({
  id: 'ask',
  order: 10,
  render: (ctx) => (
    <section class="portal-block portal-ask" aria-labelledby="b-ask">
      <h2 id="b-ask">{T.askTitle[ctx.lang]}</h2>
      <p>{T.askText[ctx.lang]}</p>
      <p>
        <a class="button" href={`${base(ctx)}/cases/new?lang=${ctx.lang}`}>
          {T.askButton[ctx.lang]}
        </a>
      </p>
    </section>
  ),
});

export function promiseStatusWord(status: string, lang: Lang): string {
  const key = status === 'met' ? 'kept' : status === 'not_met' ? 'notKept' : status === 'too_few' ? 'tooFew' : 'noMeasure';
  return STATUS_WORDS[key][lang];
}

registerPortalBlock({
  id: 'promises',
  order: 20,
  render: ({ lang, data, tenant }) => {
    const ps = data.promises;
    const met = ps.filter((p) => p.status === 'met').length;
    const notMet = ps.filter((p) => p.status === 'not_met').length;
    return (
      <section class="portal-block" aria-labelledby="b-promises">
        <h2 id="b-promises">{T.promisesTitle[lang]}</h2>
        {ps.length === 0 ? (
          <p>{T.noPromises[lang]}</p>
        ) : (
          <>
            <p class="portal-figure">{t(T.promisesCount, lang, { met, notMet, total: ps.length, unknown: ps.length - met - notMet })}</p>
            <ul class="portal-list">
              {ps.map((p) => (
                <li class={`status-${p.status}`}>
                  <a href={`/${tenant.slug}/promises/${p.id}?lang=${lang}`} lang={langAttr(p.titleLang, lang)}>
                    {p.title}
                  </a>{' '}
                  <span class="verdict">
                    {p.status === 'met' ? '✓' : p.status === 'not_met' ? '✗' : '–'} {promiseStatusWord(p.status, lang)}
                  </span>
                  <br />
                  <span class="sentence">{p.sentence}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          <a href={`/${tenant.slug}/promises?lang=${lang}`}>{T.allPromises[lang]}</a>
        </p>
      </section>
    );
  },
});

export function areaCounts(goals: readonly { latest: { status: string } | null }[]) {
  const count = (s: string) => goals.filter((g) => (g.latest?.status ?? 'no_data') === s).length;
  return { met: count('met'), partly: count('partly'), notMet: count('not_met'), none: count('no_data') };
}

registerPortalBlock({
  id: 'goals',
  order: 30,
  render: ({ lang, data, tenant }) => {
    const areas = data.plans.flatMap((p) => p.goalAreas.map((a) => ({ plan: p, area: a })));
    return (
      <section class="portal-block" aria-labelledby="b-goals">
        <h2 id="b-goals">{T.goalsTitle[lang]}</h2>
        {areas.length === 0 ? (
          <p>{T.noGoals[lang]}</p>
        ) : (
          <ul class="portal-list">
            {areas.map(({ area }) => {
              const c = areaCounts(area.goals);
              return (
                <li>
                  <a href={`/${tenant.slug}/goals/${area.id}?lang=${lang}`} lang={swedishOn(lang)}>
                    {area.number}. {area.title}
                  </a>
                  <br />
                  <span class="sentence">{t(T.areaSummary, lang, c)}</span>
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <a href={`/${tenant.slug}/goals?lang=${lang}`}>{T.goalsTitle[lang]}</a>
        </p>
      </section>
    );
  },
});

const GRADE_WORDS: Record<Grade, Record<Lang, string>> = {
  very_high: { sv: 'mycket högt', fi: 'erittäin korkea', en: 'very high' },
  high: { sv: 'högt', fi: 'korkea', en: 'high' },
  pass: { sv: 'godkänt', fi: 'hyväksytty', en: 'acceptable' },
  low: { sv: 'lågt', fi: 'matala', en: 'low' },
  very_low: { sv: 'mycket lågt', fi: 'erittäin matala', en: 'very low' },
};

/** The latest year's total NKI: this year's once it exists, else last year's (Insikt is published the year after). */
async function latestSatisfaction(ctx: BlockContext) {
  const year = Number(ctx.data.today.slice(0, 4));
  return (await satisfactionSummary(ctx.db, ctx.tenant.id, year)) ?? (await satisfactionSummary(ctx.db, ctx.tenant.id, year - 1));
}

registerPortalBlock({
  id: 'satisfaction',
  order: 40,
  fingerprint: async (ctx) => JSON.stringify(await latestSatisfaction(ctx)),
  render: async (ctx) => {
    const s = await latestSatisfaction(ctx);
    if (!s) return null;
    const { lang, tenant } = ctx;
    const trend =
      s.trend === null
        ? null
        : s.trend === 0
          ? T.satisfactionTrendSame[lang]
          : t(s.trend > 0 ? T.satisfactionTrendUp : T.satisfactionTrendDown, lang, { n: formatCount(Math.abs(s.trend), lang) });
    return (
      <section class="portal-block" aria-labelledby="b-satisfaction">
        <h2 id="b-satisfaction">{T.satisfactionTitle[lang]}</h2>
        <p class="portal-figure">
          {t(T.satisfactionFigure, lang, { nki: formatCount(s.nki, lang), year: s.year, grade: GRADE_WORDS[s.grade][lang] })}
          {trend ? ` ${trend}` : ''}
        </p>
        {s.generated ? <p>{T.satisfactionGenerated[lang]}</p> : null}
        <p>
          <a href={`/${tenant.slug}/nojdhet?lang=${lang}`}>{T.allSatisfaction[lang]}</a>
        </p>
      </section>
    );
  },
});

registerPortalBlock({
  id: 'meetings',
  order: 50,
  render: ({ lang, data, tenant }) => {
    const m = data.meetings;
    return (
      <section class="portal-block" aria-labelledby="b-meetings">
        <h2 id="b-meetings">{T.meetingsTitle[lang]}</h2>
        {m.documents.judged + m.minutes.judged === 0 ? (
          <p>{T.noMeetings[lang]}</p>
        ) : (
          <p class="portal-figure">
            {t(T.meetingsCount, lang, {
              docs: `${share(m.documents.met, m.documents.judged, lang)} (${formatCount(m.documents.met, lang)}/${formatCount(m.documents.judged, lang)})`,
              minutes: `${share(m.minutes.met, m.minutes.judged, lang)} (${formatCount(m.minutes.met, lang)}/${formatCount(m.minutes.judged, lang)})`,
              year: m.year,
            })}
          </p>
        )}
        <p>
          <a href={`/${tenant.slug}/meetings?lang=${lang}`}>{T.allMeetings[lang]}</a>
        </p>
      </section>
    );
  },
});

async function latestReport(ctx: BlockContext) {
  const published = await listPublishedReports(ctx.db, ctx.tenant.id);
  return [...published].sort((a, b) => String(b.published_at).localeCompare(String(a.published_at)))[0] ?? null;
}

registerPortalBlock({
  id: 'report',
  order: 60,
  fingerprint: async (ctx) => {
    const r = await latestReport(ctx);
    return r ? `${r.id}|${r.version}|${String(r.published_at)}` : '';
  },
  render: async (ctx) => {
    const r = await latestReport(ctx);
    if (!r) return null;
    const { lang, tenant, data } = ctx;
    const board = data.units.get(r.board_unit_id)?.name ?? '';
    const date = r.decision_date ? formatLongDate(String(r.decision_date).slice(0, 10), lang) : '';
    return (
      <section class="portal-block" aria-labelledby="b-report">
        <h2 id="b-report">{T.reportTitle[lang]}</h2>
        <p>
          <a href={`/${tenant.slug}/rapporter/${r.id}?lang=${lang}`} lang={swedishOn(lang)}>
            {reportTitle(r.period, board)}
          </a>
          {date ? ` ${t(T.reportApproved, lang, { date })}` : ''}
        </p>
        <p>
          <a href={`/${tenant.slug}/rapporter?lang=${lang}`}>{T.allReports[lang]}</a>
        </p>
      </section>
    );
  },
});

registerPortalBlock({
  id: 'boards',
  order: 70,
  render: ({ lang, data, tenant }) => {
    const units = [...data.units.values()]
      .filter((u) => u.kind === 'board' || u.kind === 'administration')
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    if (units.length === 0) return null;
    return (
      <section class="portal-block" aria-labelledby="b-boards">
        <h2 id="b-boards">{T.boardsTitle[lang]}</h2>
        <ul class="portal-list">
          {units.map((u) => (
            <li>
              <a href={`/${tenant.slug}/boards/${u.id}?lang=${lang}`} lang={swedishOn(lang)}>
                {u.name}
              </a>
            </li>
          ))}
        </ul>
      </section>
    );
  },
});
