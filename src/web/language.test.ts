// Language of the public pages (WCAG 3.1.1, 3.1.2): error and 404 pages speak the visitor's
// language with the header and language switch; what the municipality entered in Swedish only
// is marked lang="sv" on Finnish and English pages.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, type TestContext, type TestTenant } from '../../test/helpers.ts';
import { addCaseEvent, createCase } from '../modules/cases/cases.service.ts';
import { createCategory } from '../modules/cases/categories.service.ts';
import { createMeeting } from '../modules/meetings/meetings.service.ts';
import { createUnit } from '../modules/org/org.service.ts';
import { createPromise, transitionPromise } from '../modules/promises/promises.service.ts';
import { acceptedLang } from './i18n.ts';

let t: TestContext;
let tt: TestTenant;
let promiseId = '';
let translatedId = '';
let trackingPath = '';
const year = new Date().getFullYear() - 1;

beforeAll(async () => {
  t = await createTestContext();
  tt = await createTestTenant(t.db, 'Språkby kommun');
  const db = { db: t.db };
  const sys = tt.system;
  const board = await createUnit(sys, { name: 'Tekniska nämnden', kind: 'board', parentId: tt.rootId }, db);
  const adm = await createUnit(sys, { name: 'Tekniska förvaltningen', kind: 'administration', parentId: board.id }, db);
  await createCategory(sys, { code: 'gator', name: 'Gator och vägar', nameFi: 'Kadut ja tiet', unitId: adm.id }, db);
  await createCategory(sys, { code: 'parker', name: 'Parker och lekplatser', unitId: adm.id }, db);
  const created = await createCase(
    null,
    { type: 'question', category: 'parker', message: 'Question', language: 'en' },
    { db: t.db, tenantId: tt.tenant.id },
  );
  await addCaseEvent(
    sys,
    created.case.id,
    { kind: 'referred', body: 'See there.', authority: 'Länsstyrelsen i Stockholms län', reason: 'Länsstyrelsen beslutar.' },
    db,
  );
  trackingPath = `/${tt.tenant.slug}/cases/track/${created.trackingToken}`;
  for (const [title, translations] of [
    ['Snöröjning inom sex timmar', undefined],
    [
      'Lagade gatlampor inom en vecka',
      { fi: { title: 'Katuvalot korjataan viikossa' }, en: { title: 'Street lights fixed within a week' } },
    ],
  ] as const) {
    const p = await createPromise(
      sys,
      {
        title,
        kind: 'declaration',
        unitId: adm.id,
        validFrom: `${year}-01-01`,
        metric: { type: 'case_first_response', workingDays: 2, filter: { categories: ['gator'] } },
        target: 0.9,
        remedy: 'Vi ringer upp dig samma dag.',
        ...(translations ? { translations } : {}),
      },
      db,
    );
    await transitionPromise(
      sys,
      p.id,
      { to: 'decided', decision: { board: 'Tekniska nämnden', date: `${year - 1}-12-10`, registrationNumber: 'TN 2024/9' } },
      db,
    );
    await transitionPromise(sys, p.id, { to: 'published' }, db);
    if (translations) translatedId = p.id;
    else promiseId = p.id;
  }
  await createMeeting(sys, { boardUnitId: board.id, meetingDate: `${year}-03-12`, documentsPublishedAt: `${year}-03-04 16:00` }, db);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

/** The language in force at each place in the body where `text` is written (the nearest lang). */
function languagesOf(html: string, text: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const el of [...document.body.querySelectorAll('*')]) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3 && (n.textContent ?? '').includes(text));
    for (const _ of own) found.push(el.closest('[lang]')?.getAttribute('lang') ?? '');
  }
  return found;
}

function expectLanguages(html: string, text: string, lang: string) {
  const langs = languagesOf(html, text);
  expect(langs.length, `"${text}" is on the page`).toBeGreaterThan(0);
  expect(langs, `language of "${text}"`).toEqual(langs.map(() => lang));
}

describe('Swedish-only content on Finnish and English pages carries lang="sv"', () => {
  it('the municipality’s name in the start page list and in the header', async () => {
    for (const lang of ['fi', 'en']) {
      const start = await get(`/?lang=${lang}`);
      expectLanguages(start.body, 'Språkby kommun', 'sv');
      const home = await get(`/${tt.tenant.slug}?lang=${lang}`);
      expectLanguages(home.body, 'Språkby kommun', 'sv');
      expect(home.body).toContain(`<html lang="${lang}">`);
    }
    const swedish = await get(`/${tt.tenant.slug}?lang=sv`);
    expect(swedish.body).not.toContain('lang="sv">Språkby');
  });

  it('category names without a translation on the form and the tracking page; the referral authority', async () => {
    const form = await get(`/${tt.tenant.slug}/cases/new?lang=fi`);
    expectLanguages(form.body, 'Parker och lekplatser', 'sv');
    expectLanguages(form.body, 'Kadut ja tiet', 'fi');
    const tracking = await get(`${trackingPath}?lang=en`);
    expectLanguages(tracking.body, 'Parker och lekplatser', 'sv');
    expectLanguages(tracking.body, 'Länsstyrelsen i Stockholms län', 'sv');
    expectLanguages(tracking.body, 'Referred to another authority', 'en');
  });

  it('promise titles, texts and the owning board and administration, unless translated', async () => {
    const list = await get(`/${tt.tenant.slug}/promises?lang=fi`);
    expectLanguages(list.body, 'Snöröjning inom sex timmar', 'sv');
    expectLanguages(list.body, 'Katuvalot korjataan viikossa', 'fi');
    expectLanguages(list.body, 'Tekniska förvaltningen', 'sv');
    // The list is a summary (issue 12); the remedy is on the promise's own page.
    expectLanguages((await get(`/${tt.tenant.slug}/promises/${promiseId}?lang=fi`)).body, 'Vi ringer upp dig samma dag.', 'sv');
    const page = await get(`/${tt.tenant.slug}/promises/${promiseId}?lang=en`);
    expectLanguages(page.body, 'Snöröjning inom sex timmar', 'sv');
    expectLanguages(page.body, 'Tekniska nämnden', 'sv');
    const translated = await get(`/${tt.tenant.slug}/promises/${translatedId}?lang=en`);
    expectLanguages(translated.body, 'Street lights fixed within a week', 'en');
  });

  it('board names on the meetings page', async () => {
    const page = await get(`/${tt.tenant.slug}/meetings?year=${year}&lang=en`);
    expectLanguages(page.body, 'Tekniska nämnden', 'sv');
    expectLanguages(page.body, 'Board meetings', 'en');
  });
});

describe('error and 404 pages', () => {
  it('have the public header and the language switch, in the language of the URL, the cookie or Accept-Language', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{}, '/ingen-sadan-sida?lang=fi', 'fi'],
      [{ cookie: 'insyn.lang=en' }, '/ingen-sadan-sida', 'en'],
      [{ 'accept-language': 'fi-FI,fi;q=0.9,sv;q=0.8' }, '/ingen-sadan-sida', 'fi'],
      [{ 'accept-language': 'de-DE,de;q=0.9' }, '/ingen-sadan-sida', 'sv'],
      [{ cookie: 'insyn.lang=fi' }, `/${tt.tenant.slug}/cases/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, 'fi'],
    ];
    const titles: Record<string, string> = { sv: 'Sidan finns inte', fi: 'Sivua ei löydy', en: 'Page not found' };
    for (const [headers, url, lang] of cases) {
      const res = await get(url, headers);
      expect(res.statusCode, url).toBe(404);
      const { document } = parseHTML(res.body);
      expect(document.documentElement.getAttribute('lang'), JSON.stringify(headers)).toBe(lang);
      expect(document.querySelector('h1')?.textContent).toBe(titles[lang]);
      expect(document.querySelector('header.site-header')).not.toBeNull();
      const path = url.split('?')[0];
      const switchLinks = [...document.querySelectorAll('nav.lang-switch a')].map((a) => a.getAttribute('href'));
      expect(switchLinks).toEqual(['sv', 'fi', 'en'].map((l) => `${path}?lang=${l}`));
      expect(document.querySelector('main#main')).not.toBeNull();
    }
  });

  it('an error page in Finnish or English explains in that language and marks the Swedish detail', async () => {
    const res = await get(`/${tt.tenant.slug}/meetings?year=3000&lang=en`);
    expect(res.statusCode).toBe(400);
    const { document } = parseHTML(res.body);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.querySelector('h1')?.textContent).toBe('Something went wrong');
    expect(document.querySelector('main')?.textContent).toContain('Check what you entered');
    expect(document.querySelector('main span[lang="sv"]')?.textContent).toContain('year');
    const swedish = await get(`/${tt.tenant.slug}/meetings?year=3000`);
    expect(swedish.body).toContain('<html lang="sv">');
    expect(swedish.body).toContain('class="lang-switch"');
  });

  it('staff URLs keep the Swedish staff header without a language switch', async () => {
    const res = await get('/staff/ingen-sadan-sida?lang=fi');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="sv">');
    expect(res.body).toContain('class="site-header staff"');
    expect(res.body).not.toContain('class="lang-switch"');
    expect(res.body).toContain('<h1>Sidan finns inte</h1>');
  });
});

describe('acceptedLang', () => {
  it('takes the first of sv, fi, en by the client’s preference', () => {
    expect(acceptedLang('fi-FI,fi;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('fi');
    expect(acceptedLang('de;q=1, en;q=0.5, sv;q=0.8')).toBe('sv');
    expect(acceptedLang('EN-gb')).toBe('en');
    expect(acceptedLang('fi;q=0, en')).toBe('en');
    expect(acceptedLang('de, fr')).toBeUndefined();
    expect(acceptedLang('')).toBeUndefined();
    expect(acceptedLang(undefined)).toBeUndefined();
  });
});
