// The public pages' cache (portal.pagecache.ts, migration 0093): kept pages are served while the
// tenant's data version is unchanged, and a change made anywhere (here: through the services, as
// another instance would, and seen by a second app on the same database) shows on the next GET.
// Real database: PGlite, or PostgreSQL with TEST_DATABASE_URL.
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { buildApp } from '../../http/app.ts';
import type { App } from '../../http/context.ts';
import { putIndicatorValues } from '../goals/index.ts';
import { updateMeeting } from '../meetings/meetings.service.ts';
import { updateTenantSettings } from '../tenants/tenants.service.ts';
import { type PortalWorld, portalWorld } from './portal.fixtures.ts';
import { portalDataVersion, publicPageCacheStats } from './portal.pagecache.ts';
import { savePortalSettings } from './portal.settings.ts';

let t: TestContext;
let other: App;
let w: PortalWorld;
beforeAll(async () => {
  t = await createTestContext();
  other = await buildApp(t.ctx, { logger: false, rateLimitNamespace: `${randomUUID()}|` });
  await other.ready();
  w = await portalWorld(t.db, 'Cachekommun');
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const UA = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' };
const get = (app: App, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { ...UA, ...headers } });
const text = (res: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }) =>
  res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString('utf8') : res.body;

/** Changes a value behind the triggers' back (they are off for this transaction): only a cache can hide it. */
async function silentlySetOutcome(value: number) {
  await t.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql`UPDATE indicator_values SET value = ${value} WHERE indicator_id = ${w.indicatorId} AND period = '2025' AND kind = 'outcome'`.execute(
      trx,
    );
  });
}

describe('the data version', () => {
  it('is bumped once at commit by a change of shown data, and not by a rolled-back one', async () => {
    const before = BigInt(await portalDataVersion(t.db, w.tt.tenant.id));
    await putIndicatorValues(w.tt.system, w.indicatorId, [{ period: '2023', kind: 'outcome', value: 70 }], { db: t.db });
    const after = BigInt(await portalDataVersion(t.db, w.tt.tenant.id));
    expect(after).toBeGreaterThan(before);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`UPDATE indicator_values SET value = 1 WHERE indicator_id = ${w.indicatorId}`.execute(trx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(BigInt(await portalDataVersion(t.db, w.tt.tenant.id))).toBe(after);
  });

  it('is per tenant: another municipality’s change leaves it alone', async () => {
    const o = await portalWorld(t.db, 'Grannkommun');
    const mine = await portalDataVersion(t.db, w.tt.tenant.id);
    await putIndicatorValues(o.tt.system, o.indicatorId, [{ period: '2023', kind: 'outcome', value: 50 }], { db: t.db });
    expect(await portalDataVersion(t.db, w.tt.tenant.id)).toBe(mine);
  });
});

describe('kept public pages', () => {
  it('are served from the cache while nothing shown changed (a change behind the triggers stays hidden)', async () => {
    const area = `/${w.slug}/goals/${w.areaId}`;
    const first = await get(t.app, area);
    expect(first.body).toContain('Senaste utfall 2025: 88,3 %.');
    await silentlySetOutcome(55.5);
    const hits = publicPageCacheStats(t.app)?.hits ?? 0;
    const again = await get(t.app, area);
    expect(publicPageCacheStats(t.app)?.hits).toBe(hits + 1);
    expect(again.statusCode).toBe(200);
    expect(again.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(again.body).toBe(first.body);
    await silentlySetOutcome(88.25);
  });

  it('a changed indicator value shows on the next GET, on this instance and on another one', async () => {
    const page = `/${w.slug}/indicators/${w.indicatorId}`;
    for (const app of [t.app, other]) {
      expect(text(await get(app, page, { 'accept-encoding': 'gzip' }))).toContain('88,3 %');
      expect((await get(app, page)).body).toContain('88,3 %');
    }
    expect(text(await get(t.app, page, { 'accept-encoding': 'gzip' }))).toContain('88,3 %');
    const misses = publicPageCacheStats(t.app)?.misses ?? 0;
    await putIndicatorValues(w.tt.system, w.indicatorId, [{ period: '2025', kind: 'outcome', value: 77.7 }], { db: t.db });
    expect(text(await get(t.app, page, { 'accept-encoding': 'gzip' }))).toContain('77,7 %');
    expect(publicPageCacheStats(t.app)?.misses).toBe(misses + 1);
    for (const app of [t.app, other]) {
      const zipped = await get(app, page, { 'accept-encoding': 'gzip' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(text(zipped)).toContain('77,7 %');
      expect((await get(app, page)).body).toContain('77,7 %');
      expect((await get(app, `${page}.json`)).json().periods.find((p: { period: string }) => p.period === '2025').outcome).toBe(77.7);
    }
  });

  it('a changed portal setting and a changed meeting show on the next GET of the start page', async () => {
    const home = `/${w.slug}?lang=en`;
    expect((await get(t.app, home)).body).not.toContain('Cachestaden');
    await savePortalSettings(w.tt.system, { displayName: 'Cachestaden' }, { db: t.db });
    expect((await get(t.app, home)).body).toContain('Cachestaden');
    const meetings = `/${w.slug}/meetings`;
    const before = (await get(other, meetings)).body;
    expect((await get(other, meetings)).body).toBe(before);
    expect(before).toContain('2026');
    const id = await t.db.selectFrom('meetings').select('id').where('tenant_id', '=', w.tt.tenant.id).executeTakeFirstOrThrow();
    await updateMeeting(w.tt.system, id.id, { meetingDate: '2026-03-19' }, { db: t.db });
    const after = (await get(other, meetings)).body;
    expect(after).not.toBe(before);
    expect(after).toMatch(/19 mars 2026|2026-03-19/);
  });

  it('keeps each language apart and never keeps a page that sets a cookie', async () => {
    const sv = await get(t.app, `/${w.slug}`);
    const fi = await get(t.app, `/${w.slug}`, { cookie: 'insyn.lang=fi' });
    expect(sv.body).toContain('<html lang="sv">');
    expect(fi.body).toContain('<html lang="fi">');
    const form = await get(t.app, `/${w.slug}/accessibility/feedback`);
    const again = await get(t.app, `/${w.slug}/accessibility/feedback`);
    expect(form.headers['set-cookie']).toBeDefined();
    expect(again.headers['set-cookie']).toBeDefined();
  });

  it('a renamed municipality and a changed default language show at once (the tenant kept beside its version)', async () => {
    const o = await portalWorld(t.db, 'Gammelby');
    const page = `/${o.slug}/goals`;
    expect((await get(t.app, page)).body).toContain('Gammelby');
    await updateTenantSettings(o.tt.system, { name: 'Nyby', defaultLanguage: 'en' }, { db: t.db });
    const after = await get(t.app, page);
    expect(after.body).toContain('Nyby');
    expect(after.body).toContain('<html lang="en">');
  });

  it('sends pages compressed to a client that takes gzip, and plain to one that does not', async () => {
    // The meetings page is sent plain by its own route; the cache compresses what it keeps.
    const page = `/${w.slug}/meetings?lang=fi`;
    const zipped = await get(t.app, page, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(text(zipped)).toContain('<html lang="fi">');
    const again = await get(t.app, page, { 'accept-encoding': 'gzip' });
    expect(again.headers['content-encoding']).toBe('gzip');
    expect(text(again)).toBe(text(zipped));
    const plain = await get(t.app, page);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(text(zipped));
  });

  it('answers the browser’s own /favicon.ico (no 404 in the console)', async () => {
    const res = await get(t.app, '/favicon.ico');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });
});
