// The after-contact question: one e-mail per resolved case with an address, after the tenant's
// delay, through the outbox; never for anonymous cases, never after "no", once across two app
// instances (PostgreSQL, two pools); the answer page works without login and answers once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieHeader,
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  openTestDatabase,
  type TestContext,
  type TestTenant,
  usingPostgres,
} from '../../../test/helpers.ts';
import { addCaseEvent } from '../cases/cases.events.ts';
import { caseFixture, question } from '../cases/cases.fixtures.ts';
import { createCase } from '../cases/cases.service.ts';
import { sendTenantQuestions } from './after-contact.service.ts';
import { saveSettings } from './insikt.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const RESOLVED_AT = '2026-03-03T10:00:00+01:00';
const BASE = { baseUrl: 'https://insyn.example' };
const hoursAfter = (h: number) => new Date(new Date(RESOLVED_AT).getTime() + h * 3_600_000);

async function resolvedCase(tt: TestTenant, email: string | null, language: 'sv' | 'fi' | 'en' = 'sv') {
  const c = await createCase(
    tt.system,
    question({ receivedAt: '2026-03-02T09:00:00+01:00', language, ...(email ? { contact: { email } } : {}) }),
    { db: t.db },
  );
  await addCaseEvent(tt.system, c.case.id, { kind: 'resolved', body: 'Svar.', at: RESOLVED_AT }, { db: t.db });
  return c.case.id;
}

async function questions(tenantId: string) {
  return t.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'subject', 'body', 'ref_id'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'after_contact')
    .execute();
}

const tokenOf = (body: string) => /\/nojdhet\/svar\/([A-Za-z0-9_-]+)/.exec(body)?.[1] ?? '';

describe('after-contact question e-mail', () => {
  it('is sent once, after the delay, in the case’s language; never for an anonymous case', async () => {
    const tt = await createTestTenant(t.db);
    await caseFixture(t.db, tt);
    const withEmail = await resolvedCase(tt, 'boende@example.se', 'en');
    await resolvedCase(tt, null);
    const tenant = { id: tt.tenant.id, slug: tt.tenant.slug, name: tt.tenant.name };

    // Default delay 24 h: at 23 h nothing.
    expect(await sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(23) })).toBe(0);
    expect(await questions(tt.tenant.id)).toHaveLength(0);

    expect(await sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(25) })).toBe(1);
    expect(await sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(30) })).toBe(0);
    const mails = await questions(tt.tenant.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: 'boende@example.se', ref_id: withEmail });
    expect(mails[0].body).toContain('How satisfied are you with how we handled your case?');
    expect(mails[0].body).toContain(`https://insyn.example/${tt.tenant.slug}/nojdhet/svar/`);
  });

  it('follows the tenant’s delay and can be turned off', async () => {
    const tt = await createTestTenant(t.db);
    await caseFixture(t.db, tt);
    await resolvedCase(tt, 'a@example.se');
    const tenant = { id: tt.tenant.id, slug: tt.tenant.slug, name: tt.tenant.name };
    await saveSettings(tt.system, { afterContactEnabled: false }, { db: t.db });
    expect(await sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(100) })).toBe(0);
    await saveSettings(tt.system, { afterContactEnabled: true, afterContactDelayHours: 72 }, { db: t.db });
    expect(await sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(71) })).toBe(0);
    expect(await sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(73) })).toBe(1);
  });

  it('answer page: no login, answers once (second is 409 with a sentence); "no" stops later questions', async () => {
    const tt = await createTestTenant(t.db);
    await caseFixture(t.db, tt);
    await resolvedCase(tt, 'Nej@Example.se');
    const tenant = { id: tt.tenant.id, slug: tt.tenant.slug, name: tt.tenant.name };
    await sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(25) });
    const token = tokenOf((await questions(tt.tenant.id))[0].body);
    const url = `/${tt.tenant.slug}/nojdhet/svar/${token}`;

    const page = await t.app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Hur nöjd är du med hur vi hanterade ditt ärende?');
    expect(page.body).not.toContain('<script');
    expect(page.headers['cache-control']).toBe('no-store');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookie = cookieHeader(page.cookies);

    const post = (payload: Record<string, string>, path = url) =>
      t.app.inject({ method: 'POST', url: path, headers: { cookie, ...form({}) }, payload: form({ _csrf: csrf, ...payload }).payload });
    const missing = await post({ score: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Välj hur nöjd du är, 1–5.');
    const ok = await post({ score: '4', comment: 'Snabbt svar.' });
    expect(ok.statusCode).toBe(303);
    const again = await post({ score: '5' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Du har redan svarat');
    const stored = await t.db.selectFrom('after_contact_requests').selectAll().where('tenant_id', '=', tt.tenant.id).execute();
    expect(stored).toMatchObject([{ score: 4, comment: 'Snabbt svar.' }]);

    // "Nej tack": a later case from the same address (any case) gets no question.
    expect((await post({}, `${url}/nej`)).statusCode).toBe(303);
    await resolvedCase(tt, 'nej@example.se');
    expect(await sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(26) })).toBe(0);
    expect(await questions(tt.tenant.id)).toHaveLength(1);
  });

  it('an unknown token is a 404 page, not a 500', async () => {
    const tt = await createTestTenant(t.db);
    const res = await t.app.inject({ method: 'GET', url: `/${tt.tenant.slug}/nojdhet/svar/${'x'.repeat(30)}` });
    expect(res.statusCode).toBe(404);
  });

  it('results by unit, category and channel are hidden below the minimum', async () => {
    const tt = await createTestTenant(t.db);
    const f = await caseFixture(t.db, tt);
    for (let i = 0; i < 8; i += 1) await resolvedCase(tt, `r${i}@example.se`);
    const tenant = { id: tt.tenant.id, slug: tt.tenant.slug, name: tt.tenant.name };
    expect(await sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(25) })).toBe(8);
    const ids = await t.db.selectFrom('after_contact_requests').select('case_id').where('tenant_id', '=', tt.tenant.id).execute();
    // Seven answer 5, so the group is shown with 7 answers; one answers 1 → mean (7×5+1)/8 = 4.5.
    await t.db
      .updateTable('after_contact_requests')
      .set({ score: 5, answered_at: new Date() })
      .where('tenant_id', '=', tt.tenant.id)
      .where(
        'case_id',
        'in',
        ids.slice(0, 6).map((r) => r.case_id),
      )
      .execute();
    const quality = await createTestUser(t.db, tt, [{ role: 'quality' }]);
    const get = (by: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/satisfaction/after-contact?by=${by}&from=2026-01-01&to=2026-12-31`,
        headers: quality.auth,
      });
    const hidden = (await get('unit')).json();
    expect(hidden.groups).toMatchObject([{ key: f.unitA1, sent: 8, answered: 6, shown: false, mean: null, index: null }]);
    await t.db
      .updateTable('after_contact_requests')
      .set({ score: 5, answered_at: new Date() })
      .where('tenant_id', '=', tt.tenant.id)
      .where('case_id', '=', ids[6].case_id)
      .execute();
    await t.db
      .updateTable('after_contact_requests')
      .set({ score: 1, answered_at: new Date() })
      .where('tenant_id', '=', tt.tenant.id)
      .where('case_id', '=', ids[7].case_id)
      .execute();
    const shown = (await get('channel')).json();
    expect(shown.groups).toMatchObject([{ key: 'phone', name: 'Telefon', answered: 8, shown: true, mean: 4.5, index: 87.5 }]);
    expect((await get('category')).json().groups[0]).toMatchObject({ name: 'Kategori A', shown: true });
  });
});

describe('two app instances at once', () => {
  it.skipIf(!usingPostgres)('queue the question once per case (PostgreSQL, two pools racing)', async () => {
    const tt = await createTestTenant(t.db);
    await caseFixture(t.db, tt);
    for (let i = 0; i < 5; i += 1) await resolvedCase(tt, `par${i}@example.se`);
    const tenant = { id: tt.tenant.id, slug: tt.tenant.slug, name: tt.tenant.name };
    const other = await openTestDatabase();
    try {
      const runs = await Promise.all([
        sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(25) }),
        sendTenantQuestions(other.db, tenant, { ...BASE, now: hoursAfter(25) }),
        sendTenantQuestions(t.db, tenant, { ...BASE, now: hoursAfter(25) }),
        sendTenantQuestions(other.db, tenant, { ...BASE, now: hoursAfter(25) }),
      ]);
      expect(runs.reduce((s, n) => s + n, 0)).toBe(5);
      const mails = await questions(tt.tenant.id);
      expect(mails).toHaveLength(5);
      expect(new Set(mails.map((m) => m.ref_id)).size).toBe(5);
    } finally {
      await other.close();
    }
  });
});
