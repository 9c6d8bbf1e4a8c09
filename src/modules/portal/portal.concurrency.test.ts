// Concurrent writes of the portal on PostgreSQL (PGlite has one connection, so no race there):
// settings saved at once by several admins end in one row with every change audited, and search
// indexes rebuilt at once end in one consistent set of documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, usingPostgres } from '../../../test/helpers.ts';
import { portalWorld } from './portal.fixtures.ts';
import { ensureSearchIndex, searchSite } from './portal.search.ts';
import { getPortalSettings, savePortalSettings } from './portal.settings.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe.skipIf(!usingPostgres)('portal writes under concurrency (PostgreSQL)', () => {
  it('ten settings saves at once: one row, ten audit entries, the last one wins whole', async () => {
    const w = await portalWorld(t.db, 'Samtidigkommun');
    const names = Array.from({ length: 10 }, (_, i) => `Namn ${i}`);
    await Promise.all(names.map((displayName) => savePortalSettings(w.tt.system, { displayName, licence: 'CC-BY-4.0' }, { db: t.db })));
    const rows = await t.db.selectFrom('portal_settings').select('display_name').where('tenant_id', '=', w.tt.tenant.id).execute();
    expect(rows.length).toBe(1);
    expect(names).toContain(rows[0].display_name);
    expect((await getPortalSettings(t.db, w.tt.tenant.id)).licence).toBe('CC-BY-4.0');
    const audits = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('tenant_id', '=', w.tt.tenant.id)
      .where('entity', '=', 'portal_settings')
      .execute();
    expect(audits.length).toBe(10);
  });

  it('search indexes rebuilt at once never fail on a duplicate and end with each document once', async () => {
    const w = await portalWorld(t.db, 'Sökkommun');
    const docs = [
      { path: `/${w.slug}/a`, kind: 'promise', title: 'Snöröjning på gator', body: 'Vi plogar inom sex timmar.' },
      { path: `/${w.slug}/b`, kind: 'indicator', title: 'Bygglovstider', body: 'Veckor till beslut.' },
    ];
    await Promise.all(Array.from({ length: 8 }, (_, i) => ensureSearchIndex(t.db, w.tt.tenant.id, `fp-${i}`, async () => docs)));
    const hits = await searchSite(t.db, w.tt.tenant.id, 'snöröjning');
    expect(hits.map((h) => h.path)).toEqual([`/${w.slug}/a`]);
    const count = await t.db.selectFrom('portal_search_documents').select('path').where('tenant_id', '=', w.tt.tenant.id).execute();
    expect(count.length).toBe(2);
  });
});
