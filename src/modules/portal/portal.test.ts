// The public umbrella "Kvalitet och resultat" on a real migrated database (PGlite, or PostgreSQL
// with TEST_DATABASE_URL): start page, goal area, indicator and board pages, open data, the
// accessibility statement and its feedback case, page-view counting, embeds, theming and search.
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestUser, loginCookies, mergeCookies, type TestContext } from '../../../test/helpers.ts';
import { putIndicatorValues } from '../goals/index.ts';
import { type PortalWorld, portalWorld } from './portal.fixtures.ts';
import { portalCounter } from './portal.routes.ts';
import { getPortalSettings, saveLogo, savePortalSettings } from './portal.settings.ts';

let t: TestContext;
let w: PortalWorld;
beforeAll(async () => {
  t = await createTestContext();
  w = await portalWorld(t.db);
});
afterAll(() => t.close());

const UA = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' };
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { ...UA, ...headers } });

describe('the start page of a municipality', () => {
  it('answers "how is my municipality doing?" in the order of weight, with a page per promise and no cookie', async () => {
    const res = await get(`/${w.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    const body = res.body;
    const order = ['id="b-ask"', 'id="b-promises"', 'id="b-goals"', 'id="b-meetings"'].map((s) => body.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).toContain(`/${w.slug}/cases/new?lang=sv`);
    expect(body).toContain(`/${w.slug}/promises/${w.promiseId}?lang=sv`);
    expect(body).toContain('Besked om bygglov inom fyra veckor');
    expect(body).not.toContain('Utkast som inte syns');
    expect(body).toMatch(/I år har vi hållit 0 av 1 löften\. 0 hölls inte\. 1 går inte att bedöma än\./);
    expect(body).toContain('1. Attraktiv kommun att bo i');
    expect(body).not.toContain('Utkast till plan');
    expect(body).not.toMatch(/ style="/);
  });

  it('is Finnish and English for every fixed text, with the Swedish names marked lang="sv"', async () => {
    const fi = await get(`/${w.slug}?lang=fi`);
    expect(fi.body).toContain('<html lang="fi">');
    expect(fi.body).toContain('Laatu ja tulokset');
    expect(fi.body).toMatch(/<a href="[^"]+" lang="sv">Besked om bygglov/);
    expect(fi.headers['set-cookie']).toBeUndefined();
    const en = await get(`/${w.slug}?lang=en`);
    expect(en.body).toContain('Quality and results');
    expect(en.body).toMatch(/lang="sv">1\. Attraktiv kommun/);
  });

  it('is sent compressed to a client that accepts gzip', async () => {
    const res = await get(`/${w.slug}`, { 'accept-encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBe('gzip');
    const html = gunzipSync(res.rawPayload).toString('utf8');
    expect(html).toContain('Kvalitet och resultat');
    expect(res.rawPayload.length).toBeLessThan(html.length / 2);
  });

  it('shows the promise list as a summary with a page per promise', async () => {
    const list = await get(`/${w.slug}/promises`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('<svg');
    expect(list.body).toContain(`/${w.slug}/promises/${w.promiseId}?lang=sv`);
    const detail = await get(`/${w.slug}/promises/${w.promiseId}`);
    expect(detail.body).toContain('<svg');
  });
});

describe('goal area, indicator and board pages', () => {
  it('a goal area: direction goals, indicators as sentence + number + chart + table, assignments with status', async () => {
    const res = await get(`/${w.slug}/goals/${w.areaId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('1.1 Snabb handläggning av bygglov');
    expect(res.body).toContain('Senaste utfall 2025: 88,3 %. Målet är 90,0 %.');
    expect(res.body).toMatch(/<svg[^>]*role="img"/);
    expect(res.body).toContain('<caption>Värden per period: Andel bygglov');
    expect(res.body).toContain('Inför e-tjänst för bygglov');
    expect(res.body).toContain('pågår');
    const en = await get(`/${w.slug}/goals/${w.areaId}?lang=en`);
    expect(en.body).toContain('Latest outcome 2025: 88.3 %. The target is 90.0 %.');
    expect((await get(`/${w.slug}/goals/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await get(`/${w.slug}/goals/nonsense`)).statusCode).toBe(404);
  });

  it('an indicator: history, targets, definition, source, download and embed code', async () => {
    const res = await get(`/${w.slug}/indicators/${w.indicatorId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Antal beslut inom tio veckor delat med alla beslut.');
    expect(res.body).toContain('Ärendesystemet');
    expect(res.body).toContain(`/${w.slug}/indicators/${w.indicatorId}.csv`);
    expect(res.body).toContain(`/embed/indicators/${w.indicatorId}`);
    expect(res.body).toContain('&lt;iframe');
    const csv = await get(`/${w.slug}/indicators/${w.indicatorId}.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFindicator_id;indicator;unit;period')).toBe(true);
    const rows = parse(csv.body.slice(1), { delimiter: ';' }) as string[][];
    expect(rows.find((r) => r[3] === '2025')?.slice(4, 6)).toEqual(['88,25', '90']);
    const json = await get(`/${w.slug}/indicators/${w.indicatorId}.json`);
    expect(json.json().periods.find((p: { period: string }) => p.period === '2025')).toMatchObject({ outcome: 88.25, target: 90 });
  });

  it('a new value shows at once: the caches are keyed by the data, not only by time', async () => {
    await putIndicatorValues(w.tt.system, w.indicatorId, [{ period: '2026-D1', kind: 'outcome', value: 91.5 }], { db: t.db });
    const res = await get(`/${w.slug}/indicators/${w.indicatorId}`);
    expect(res.body).toContain('jan–apr 2026');
    expect(res.body).toContain('91,5 %');
  });

  it('a board: its promises, goals, indicators and assignments', async () => {
    const res = await get(`/${w.slug}/boards/${w.boardId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Besked om bygglov inom fyra veckor');
    expect(res.body).toContain('Andel bygglov med besked inom tio veckor');
    expect(res.body).toContain('Inför e-tjänst för bygglov');
    expect(res.body).toContain('1.1 Snabb handläggning');
    expect((await get(`/${w.slug}/boards/${w.unitId}`)).statusCode).toBe(404);
    expect((await get(`/${w.slug}/boards`)).body).toContain(`/${w.slug}/boards/${w.adminId}?lang=sv`);
  });
});

describe('open data', () => {
  it('every figure has a CSV (BOM, ;, decimal comma) and a JSON, listed in the catalogue and in DCAT-AP-SE', async () => {
    for (const name of ['summary', 'goals', 'indicators', 'promises']) {
      const csv = await get(`/${w.slug}/${name}.csv`);
      expect(csv.statusCode, name).toBe(200);
      expect(csv.body.startsWith('\uFEFF'), name).toBe(true);
      expect(csv.body.split('\r\n')[0], name).toContain(';');
      expect(csv.headers['access-control-allow-origin']).toBe('*');
      const json = await get(`/${w.slug}/${name}.json`);
      expect(json.statusCode, name).toBe(200);
      expect(() => json.json()).not.toThrow();
    }
    const promises = await get(`/${w.slug}/promises.csv`);
    expect(promises.body).toMatch(/;0,9;/);
    const page = await get(`/${w.slug}/data`);
    expect(page.body).toContain('Semikolon mellan fälten. Decimalkomma.');
    expect(page.body).toContain('CC0 1.0');
    const dcat = await get(`/${w.slug}/data/catalog.jsonld`);
    expect(dcat.headers['content-type']).toContain('application/ld+json');
    const cat = dcat.json();
    expect(cat['@type']).toBe('dcat:Catalog');
    expect(cat['dcterms:license']['@id']).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(cat['dcat:dataset'].length).toBe(5);
    for (const ds of cat['dcat:dataset']) {
      expect(ds['dcterms:publisher']['foaf:name']).toBe('Portalkommun');
      expect(ds['dcat:contactPoint']['@type']).toBe('vcard:Organization');
      expect(
        ds['dcat:distribution'].map((d: { 'dcterms:format': { '@id': string } }) => d['dcterms:format']['@id'].split('/').pop()),
      ).toEqual(['CSV', 'JSON']);
    }
  });

  it('the licence is a tenant setting', async () => {
    const tt = (await portalWorld(t.db, 'Licenskommun')).tt;
    await savePortalSettings(tt.system, { licence: 'CC-BY-4.0' }, { db: t.db });
    const cat = (await get(`/${tt.tenant.slug}/data/catalog.jsonld`)).json();
    expect(cat['dcterms:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
    await expect(savePortalSettings(tt.system, { licence: 'MIT' }, { db: t.db })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('accessibility statement', () => {
  it('follows DIGG’s structure and its feedback form creates a case', async () => {
    const page = await get(`/${w.slug}/accessibility`);
    for (const heading of [
      'Hur tillgänglig är webbplatsen?',
      'Vad kan du göra om du inte kan använda delar av webbplatsen?',
      'Rapportera brister i webbplatsens tillgänglighet',
      'Tillsyn',
      'Teknisk information om webbplatsens tillgänglighet',
      'Innehåll som inte är tillgängligt',
      'Hur vi testat webbplatsen',
    ]) {
      expect(page.body).toContain(`<h2>${heading}</h2>`);
    }
    const form = await t.app.inject({ method: 'GET', url: `/${w.slug}/accessibility/feedback` });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const cookie = mergeCookies(...[form.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string'));
    const post = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: `/${w.slug}/accessibility/feedback?lang=sv`,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
    const empty = await post(`_csrf=${encodeURIComponent(csrf)}&message=&page=&email=inte-en-adress`);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Skriv vad som inte fungerar.');
    expect(empty.body).toContain('Skriv e-post som namn@exempel.se');
    const before = await t.db.selectFrom('cases').select('id').where('tenant_id', '=', w.tt.tenant.id).execute();
    expect(before.length).toBe(0);
    const ok = await post(`_csrf=${encodeURIComponent(csrf)}&message=${encodeURIComponent('Diagrammet saknar text.')}&page=%2Fx&email=`);
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toMatch(new RegExp(`^/${w.slug}/cases/track/`));
    const cases = await t.db.selectFrom('cases').select(['type', 'message']).where('tenant_id', '=', w.tt.tenant.id).execute();
    expect(cases).toEqual([{ type: 'error_report', message: expect.stringContaining('Diagrammet saknar text.') }]);
  });
});

describe('page-use counting without cookies or personal data', () => {
  it('counts views and visitors per page and day, not bots, and stores no address or user agent', async () => {
    const other = await portalWorld(t.db, 'Räknekommun');
    const path = `/${other.slug}/indicators/${other.indicatorId}`;
    await get(path, { 'x-test': '1' });
    await get(path);
    await get(`${path}?lang=fi`);
    await get(path, { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
    await get(`/${other.slug}/cases/track/abcdefabcdefabcdefabcdefabcdefab`);
    await get(`/${other.slug}`);
    await portalCounter()?.flush();
    const rows = await t.db
      .selectFrom('portal_page_views')
      .selectAll()
      .where('tenant_id', '=', other.tt.tenant.id)
      .orderBy('path')
      .execute();
    expect(rows.map((r) => [r.path, r.views, r.visitors])).toEqual([
      [`/${other.slug}`, 1, 1],
      [path, 3, 1],
    ]);
    const columns = Object.keys(rows[0]);
    expect(columns.sort()).toEqual(['day', 'path', 'tenant_id', 'views', 'visitors']);

    const admin = await createTestUser(t.db, other.tt, [{ role: 'admin' }]);
    const cookie = await loginCookies(t.app, other.slug, admin.email, admin.password);
    const staff = await t.app.inject({ method: 'GET', url: '/staff/portal/readers', headers: { cookie } });
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toContain('Vad läser invånarna?');
    expect(staff.body).toContain(`<a href="${path}">${path}</a>`);
    // Nobody opened the promise page: it is listed as unread; the indicator is not.
    const unread = staff.body.slice(staff.body.indexOf('som ingen har öppnat'));
    expect(unread).toContain('Besked om bygglov inom fyra veckor');
    expect(unread).not.toContain('Andel bygglov med besked');
  });
});

describe('embedding', () => {
  it('embeds may be framed by any site, other pages by none; no script', async () => {
    for (const url of [
      `/${w.slug}/embed/summary`,
      `/${w.slug}/embed/promises/${w.promiseId}`,
      `/${w.slug}/embed/indicators/${w.indicatorId}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(res.body).not.toContain('<script');
      expect(res.body.length).toBeLessThan(30_000);
    }
    const page = await get(`/${w.slug}`);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect((await get(`/${w.slug}/embed/promises/${w.draftId}`)).statusCode).toBe(404);
  });
});

describe('theming', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8b6e00000000049454e44ae426082',
    'hex',
  );

  it('refuses an accent colour under 4.5:1 with a message, or darkens it when allowed; served as CSS', async () => {
    const tt = (await portalWorld(t.db, 'Färgkommun')).tt;
    await expect(savePortalSettings(tt.system, { accentColour: '#ffcc00' }, { db: t.db })).rejects.toMatchObject({
      fields: [{ field: 'accentColour', message: expect.stringMatching(/kontrasten 1,\d\d:1.*minst 4,5:1/) }],
    });
    const { settings, notice } = await savePortalSettings(tt.system, { accentColour: '#ffcc00', adjustColour: 'yes' }, { db: t.db });
    expect(notice).toMatch(/justerades till #[0-9a-f]{6}/);
    expect(settings.accentColour).not.toBe('#ffcc00');
    const css = await get(`/${tt.tenant.slug}/theme.css`);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).toContain(`--accent: ${settings.accentColour}`);
    const again = await get(`/${tt.tenant.slug}/theme.css`, { 'if-none-match': String(css.headers.etag) });
    expect(again.statusCode).toBe(304);
    await savePortalSettings(tt.system, { displayName: 'Färgstaden' }, { db: t.db });
    expect((await get(`/${tt.tenant.slug}/theme.css`, { 'if-none-match': String(css.headers.etag) })).statusCode).toBe(200);
    expect((await get(`/${tt.tenant.slug}`)).body).toContain('Färgstaden');
  });

  it('takes a PNG or JPEG logo by its magic bytes, refuses SVG and files over 200 kB', async () => {
    const ww = await portalWorld(t.db, 'Logokommun');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(saveLogo(ww.tt.system, svg, { db: t.db })).rejects.toMatchObject({ fields: [{ field: 'logo' }] });
    const big = Buffer.concat([PNG, Buffer.alloc(210 * 1024)]);
    await expect(saveLogo(ww.tt.system, big, { db: t.db })).rejects.toMatchObject({
      fields: [{ field: 'logo', message: expect.stringContaining('200 kB') }],
    });
    // Through the staff form (multipart, no JavaScript needed).
    const admin = await createTestUser(t.db, ww.tt, [{ role: 'admin' }]);
    const cookie = await loginCookies(t.app, ww.slug, admin.email, admin.password);
    const page = await t.app.inject({ method: 'GET', url: '/staff/portal', headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const all = mergeCookies(cookie, ...[page.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string'));
    const boundary = 'XyZboundary123';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.app.inject({
      method: 'POST',
      url: '/staff/portal/logo',
      headers: { cookie: all, 'content-type': `multipart/form-data; boundary=${boundary}`, origin: 'http://localhost' },
      payload,
    });
    expect(up.statusCode, up.body).toBe(303);
    const settings = await getPortalSettings(t.db, ww.tt.tenant.id);
    expect(settings.logoType).toBe('image/png');
    const logo = await get(`/${ww.slug}/logo`);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.rawPayload.equals(PNG)).toBe(true);
    expect((await get(`/${ww.slug}`)).body).toContain(`/${ww.slug}/logo?v=`);
  });
});

describe('search', () => {
  it('finds promises, goal areas and indicators with the Swedish configuration, and follows changes', async () => {
    const res = await get(`/${w.slug}/search?q=bygglov`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`/${w.slug}/promises/${w.promiseId}?lang=sv`);
    expect(res.body).toContain(`/${w.slug}/indicators/${w.indicatorId}?lang=sv`);
    // Stemming: "handläggningen" finds "handläggning".
    const stem = await get(`/${w.slug}/search?q=${encodeURIComponent('handläggningen')}`);
    expect(stem.body).toContain(`/${w.slug}/goals/${w.areaId}?lang=sv`);
    const none = await get(`/${w.slug}/search?q=zyxwvu`);
    expect(none.body).toContain('Inga träffar för ”zyxwvu”');
    expect((await get(`/${w.slug}/search?q=${'a'.repeat(201)}`)).statusCode).toBe(400);
    const { createGoal } = await import('../goals/index.ts');
    await createGoal(w.tt.system, w.areaId, { number: '1.2', title: 'Fler cykelbanor' }, { db: t.db });
    const fresh = await get(`/${w.slug}/search?q=cykelbanor&lang=en`);
    expect(fresh.body).toContain(`/${w.slug}/goals/${w.areaId}?lang=en`);
  });
});
