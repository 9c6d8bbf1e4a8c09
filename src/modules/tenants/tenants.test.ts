import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  formToken,
  loginCookies,
  type TestContext,
} from '../../../test/helpers.ts';
import { listAudit } from '../audit/audit.repo.ts';
import { createCase } from '../cases/cases.service.ts';
import { createCategory } from '../cases/categories.service.ts';
import { findTenantById } from './tenants.repo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('tenant settings API', () => {
  it('any signed-in staff reads the settings of their own municipality', async () => {
    const tt = await createTestTenant(t.db, 'Läskommun');
    const reader = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tenant', headers: reader.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: tt.tenant.id,
      slug: tt.tenant.slug,
      name: 'Läskommun',
      orgNumber: null,
      defaultLanguage: 'sv',
      timeZone: 'Europe/Stockholm',
      firstResponseDays: 2,
      municipalityCode: null,
    });
  });

  it('admin changes the settings; they are stored and audited with before and after', async () => {
    const tt = await createTestTenant(t.db, 'Gammalby');
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/tenant',
      headers: admin.auth,
      payload: { name: 'Nyby kommun', orgNumber: '212000-1234', defaultLanguage: 'fi', firstResponseDays: 5 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Nyby kommun', orgNumber: '212000-1234', defaultLanguage: 'fi', firstResponseDays: 5 });
    expect(await findTenantById(t.db, tt.tenant.id)).toMatchObject({
      name: 'Nyby kommun',
      orgNumber: '212000-1234',
      defaultLanguage: 'fi',
      firstResponseDays: 5,
      slug: tt.tenant.slug,
    });
    const entry = (await listAudit(t.db, tt.tenant.id)).find((a) => a.entity === 'tenant' && a.action === 'update');
    expect(entry?.actor_label).toBe(admin.actor.label);
    expect(entry?.entity_id).toBe(tt.tenant.id);
    expect(entry?.data).toMatchObject({
      before: { name: 'Gammalby', orgNumber: null, defaultLanguage: 'sv', firstResponseDays: 2 },
      after: { name: 'Nyby kommun', orgNumber: '212000-1234', defaultLanguage: 'fi', firstResponseDays: 5 },
    });
  });

  it('a partial change leaves the other settings; an empty organisation number clears it', async () => {
    const tt = await createTestTenant(t.db, 'Delby');
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: '/api/v1/tenant', headers: admin.auth, payload });
    expect((await patch({ orgNumber: '212000-9999' })).statusCode).toBe(200);
    const res = await patch({ firstResponseDays: 0 });
    expect(res.json()).toMatchObject({ name: 'Delby', orgNumber: '212000-9999', firstResponseDays: 0 });
    expect((await patch({ orgNumber: '' })).json().orgNumber).toBeNull();
  });

  it('rejects bad input with 400 naming each field and changes nothing', async () => {
    const tt = await createTestTenant(t.db, 'Felby');
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: '/api/v1/tenant', headers: admin.auth, payload });
    const bad = await patch({ name: '', orgNumber: '12345', defaultLanguage: 'de', firstResponseDays: 61 });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'defaultLanguage', 'firstResponseDays']));
    // The organisation number's format is checked by the service, with a Swedish message.
    const org = await patch({ orgNumber: '12345' });
    expect(org.statusCode).toBe(400);
    expect(org.json().fields).toEqual([{ field: 'orgNumber', message: 'Organisationsnumret skrivs NNNNNN-NNNN, eller lämnas tomt.' }]);
    expect((await patch({ firstResponseDays: 2.5 })).statusCode).toBe(400);
    expect((await patch({ name: 'x'.repeat(201) })).statusCode).toBe(400);
    expect(await findTenantById(t.db, tt.tenant.id)).toMatchObject({
      name: 'Felby',
      orgNumber: null,
      defaultLanguage: 'sv',
      firstResponseDays: 2,
    });
    expect((await listAudit(t.db, tt.tenant.id)).some((a) => a.entity === 'tenant' && a.action === 'update')).toBe(false);
  });

  it('non-admins get 403, anonymous callers 401, and nothing changes', async () => {
    const tt = await createTestTenant(t.db, 'Skyddby');
    const quality = await createTestUser(t.db, tt, [{ role: 'quality' }]);
    const payload = { firstResponseDays: 9 };
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/tenant', headers: quality.auth, payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/tenant', payload })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tenant' })).statusCode).toBe(401);
    expect((await findTenantById(t.db, tt.tenant.id))?.firstResponseDays).toBe(2);
  });

  it('changes only the caller’s own municipality', async () => {
    const a = await createTestTenant(t.db, 'Aby');
    const b = await createTestTenant(t.db, 'Bby');
    const adminA = await createTestUser(t.db, a, [{ role: 'admin' }]);
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/tenant', headers: adminA.auth, payload: { firstResponseDays: 7 } });
    expect(res.json().id).toBe(a.tenant.id);
    expect((await findTenantById(t.db, b.tenant.id))?.firstResponseDays).toBe(2);
  });
});

describe('default N and case deadlines', () => {
  it('a case received after the change uses the new N; an existing case keeps its deadline', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    await createCategory(tt.system, { code: 'allmant', name: 'Allmänt', unitId: tt.rootId }, { db: t.db });
    // Monday 2 March 2026: N=2 → Wednesday 4 March; N=5 → Monday 9 March.
    const input = { type: 'question', channel: 'phone', category: 'allmant', message: 'Hej', receivedAt: '2026-03-02T09:00:00+01:00' };
    const before = await createCase(tt.system, input, { db: t.db });
    expect(before.case.firstResponseDue).toBe('2026-03-04');

    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/tenant', headers: admin.auth, payload: { firstResponseDays: 5 } });
    expect(res.statusCode).toBe(200);

    const after = await createCase(tt.system, input, { db: t.db });
    expect(after.case.firstResponseDue).toBe('2026-03-09');
    const stored = await t.db.selectFrom('cases').select(['id', 'first_response_due']).where('tenant_id', '=', tt.tenant.id).execute();
    expect(new Map(stored.map((r) => [r.id, r.first_response_due]))).toEqual(
      new Map([
        [before.case.id, '2026-03-04'],
        [after.case.id, '2026-03-09'],
      ]),
    );
  });
});

describe('settings page', () => {
  it('admin sees the form with the current values and the hint about existing cases', async () => {
    const tt = await createTestTenant(t.db, 'Sidby');
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const page = await t.app.inject({ method: 'GET', url: '/staff/settings', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Inställningar för Sidby');
    expect(page.body).toMatch(/id="firstResponseDays"[^>]*value="2"|value="2"[^>]*id="firstResponseDays"/);
    expect(page.body).toContain('Gäller ärenden som kommer in efter ändringen');
    expect(page.body).toContain('href="/staff/settings"');
  });

  it('admin saves: redirect, flash, new values shown', async () => {
    const tt = await createTestTenant(t.db, 'Formby');
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const login = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const { csrf, cookie } = await formToken(t.app, '/staff/settings', login);
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/settings',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, name: 'Formby kommun', orgNumber: '212000-0001', defaultLanguage: 'en', firstResponseDays: '4' })
        .payload,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/settings');
    expect(await findTenantById(t.db, tt.tenant.id)).toMatchObject({
      name: 'Formby kommun',
      orgNumber: '212000-0001',
      defaultLanguage: 'en',
      firstResponseDays: 4,
    });
    const page = await t.app.inject({ method: 'GET', url: '/staff/settings', headers: { cookie } });
    expect(page.body).toContain('Inställningarna har sparats.');
    expect(page.body).toContain('value="Formby kommun"');
    const again = await t.app.inject({ method: 'GET', url: '/staff/settings', headers: { cookie } });
    expect(again.body).not.toContain('Inställningarna har sparats.');
  });

  it('bad input: 400 with error summary, per-field messages, what was typed kept, nothing stored', async () => {
    const tt = await createTestTenant(t.db, 'Felform');
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const login = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const { csrf, cookie } = await formToken(t.app, '/staff/settings', login);
    const f = form({ _csrf: csrf, name: 'Nytt namn', orgNumber: '12-34', defaultLanguage: 'sv', firstResponseDays: 'tre' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/settings',
      headers: { cookie, 'content-type': f['content-type'] },
      payload: f.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('href="#orgNumber"');
    expect(res.body).toContain('href="#firstResponseDays"');
    expect(res.body).toContain('id="firstResponseDays-error"');
    expect(res.body).toContain('Ange antal arbetsdagar som ett heltal 0–60.');
    expect(res.body).toContain('value="tre"');
    expect(res.body).toContain('value="12-34"');
    expect(res.body).toContain('value="Nytt namn"');
    expect(await findTenantById(t.db, tt.tenant.id)).toMatchObject({ name: 'Felform', orgNumber: null, firstResponseDays: 2 });
  });

  it('non-admins may not see or post the page (403) and do not get it in the menu', async () => {
    const tt = await createTestTenant(t.db);
    const officer = await createTestUser(t.db, tt, [{ role: 'officer', unitId: tt.rootId }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, officer.email, officer.password);
    const page = await t.app.inject({ method: 'GET', url: '/staff/settings', headers: { cookie } });
    expect(page.statusCode).toBe(403);
    const home = await t.app.inject({ method: 'GET', url: '/staff/org', headers: { cookie } });
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('href="/staff/settings"');
    const { csrf, cookie: c2 } = await formToken(t.app, '/staff/org', cookie);
    const f = form({ _csrf: csrf, name: 'Kapat', orgNumber: '', defaultLanguage: 'sv', firstResponseDays: '9' });
    const post = await t.app.inject({
      method: 'POST',
      url: '/staff/settings',
      headers: { cookie: c2, 'content-type': f['content-type'] },
      payload: f.payload,
    });
    expect(post.statusCode).toBe(403);
    expect((await findTenantById(t.db, tt.tenant.id))?.firstResponseDays).toBe(2);
  });

  it('anonymous visitors are sent to the login page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/staff/settings', headers: { accept: 'text/html' } });
    expect([302, 303]).toContain(res.statusCode);
    expect(res.headers.location).toContain('/staff/login');
  });
});
