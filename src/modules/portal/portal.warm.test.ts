// The start-up warm-up renders each municipality's start page once, and the page counter does not
// take the warm-up for a reader; a visitor's request after it is counted as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, eventually, type TestContext } from '../../../test/helpers.ts';
import { portalCounter } from './portal.routes.ts';
import { warmPortalStartPages } from './portal.warm.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('public start pages at start', () => {
  it('renders every start page once, uncounted, and stops at the time limit', async () => {
    const tt = await createTestTenant(t.db, 'Uppvärmningskommun');
    const views = async () => {
      await portalCounter()?.flush();
      return t.db.selectFrom('portal_page_views').select(['path', 'views']).where('tenant_id', '=', tt.tenant.id).execute();
    };
    // Only this test's municipality: on PostgreSQL the database holds every test file's.
    const only = { slugs: [tt.tenant.slug] };
    const report = await warmPortalStartPages(t.app, t.db, only);
    expect(report.pages).toBe(1);
    expect(report.skipped).toBe(0);
    const visit = await t.app.inject({
      method: 'GET',
      url: `/${tt.tenant.slug}`,
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14)' },
    });
    expect(visit.statusCode).toBe(200);
    // The page-view hook runs as the response ends, which may be after inject resolves: wait for it.
    await eventually(async () => (await views()).length > 0, 5_000);
    // One view: the visitor's (the warm-up's request, had it been counted, would be a second).
    expect(await views()).toEqual([{ path: `/${tt.tenant.slug}`, views: 1 }]);
    const none = await warmPortalStartPages(t.app, t.db, { ...only, limitMs: -1 });
    expect(none).toMatchObject({ pages: 0, skipped: 1 });
  });
});
