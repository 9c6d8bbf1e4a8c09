// Retention (gallring) over hand-made cases: past the period, not past, on legal hold, open, in a
// category no rule covers, a more specific rule, a contact-only rule and another tenant — and
// exactly what remains of each. Preview equals run; a second run clears nothing; two concurrent
// runs on PostgreSQL clear each case once; the nightly job runs once across instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  type TestContext,
  type TestTenant,
  usingPostgres,
} from '../../../test/helpers.ts';
import { caseFixture } from '../cases/cases.fixtures.ts';
import { addCaseEvent, createCase } from '../cases/cases.service.ts';
import { executeRun, runRetentionNightly } from './retention.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ BASE_URL: 'https://insyn.example.se' });
});
afterAll(async () => {
  await t.close();
});

const DECISION = 'Dokumenthanteringsplan för kommunstyrelsen, beslutad 2025-03-12, dnr KS 2025/123';

interface Made {
  id: string;
  token: string;
}

/** A case received and (unless `open`) resolved at the given times, through the real service. */
async function makeCase(
  tt: TestTenant,
  { category = 'cat-a', type = 'question', received, resolved }: { category?: string; type?: string; received: string; resolved?: string },
): Promise<Made> {
  const created = await createCase(
    tt.system,
    {
      type,
      channel: 'email',
      category,
      subject: 'Soptunnan på Storgatan 5',
      message: 'Hej, jag heter Anna Andersson och min soptunna har inte tömts.',
      contact: { name: 'Anna Andersson', email: 'anna.andersson@example.se', phone: '070-123 45 67' },
      receivedAt: received,
    },
    { db: t.db },
  );
  if (resolved) {
    await addCaseEvent(
      tt.system,
      created.case.id,
      { kind: 'resolved', body: 'Hej Anna! Tunnan töms i morgon.', at: resolved },
      { db: t.db },
    );
  }
  return { id: created.case.id, token: created.trackingToken };
}

const caseRow = (id: string) => t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const eventsOf = (id: string) =>
  t.db.selectFrom('case_events').select(['kind', 'at', 'body', 'data']).where('case_id', '=', id).orderBy('at').execute();

async function tenantWithAdmin(name: string) {
  const tt = await createTestTenant(t.db, name);
  await caseFixture(t.db, tt);
  const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
  return { tt, admin };
}

async function addRule(admin: { auth: { authorization: string } }, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/retention/rules', headers: admin.auth, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('a retention round over hand-made cases', () => {
  it('clears exactly the cases past their period under the most specific rule, keeps statistics, and is idempotent', async () => {
    const { tt, admin } = await tenantWithAdmin('Gallringsby kommun');
    const other = await tenantWithAdmin('Grannby kommun');
    const old = { received: '2023-03-01T09:00:00Z', resolved: '2023-03-10T10:00:00Z' };
    const past = await makeCase(tt, old);
    const notPast = await makeCase(tt, { received: '2026-05-01T09:00:00Z', resolved: '2026-06-01T10:00:00Z' });
    const held = await makeCase(tt, old);
    const open = await makeCase(tt, { received: '2023-03-01T09:00:00Z' });
    const otherCategory = await makeCase(tt, { ...old, category: 'cat-b' });
    const specific = await makeCase(tt, { ...old, type: 'complaint' });
    const praise = await makeCase(tt, { ...old, type: 'praise', category: 'cat-b' });
    const otherTenant = await makeCase(other.tt, old);

    const ruleA = await addRule(admin, {
      categoryCode: 'cat-a',
      monthsAfterClosure: 24,
      decisionReference: DECISION,
      effectiveFrom: '2026-01-01',
    });
    const ruleSpecific = await addRule(admin, {
      caseType: 'complaint',
      categoryCode: 'cat-a',
      monthsAfterClosure: 120,
      decisionReference: `${DECISION} (klagomål)`,
      effectiveFrom: '2026-01-01',
    });
    const rulePraise = await addRule(admin, {
      caseType: 'praise',
      monthsAfterClosure: 12,
      decisionReference: `${DECISION} (beröm)`,
      scope: 'contact',
      effectiveFrom: '2026-01-01',
    });
    // The other tenant's rule would cover its case; the run of this tenant must not touch it.
    await addRule(other.admin, { monthsAfterClosure: 1, decisionReference: DECISION, effectiveFrom: '2099-01-01' });

    const hold = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${held.id}/legal-hold`,
      headers: admin.auth,
      payload: { reason: 'Överklagat till förvaltningsrätten' },
    });
    expect(hold.statusCode, hold.body).toBe(200);
    expect(hold.json()).toMatchObject({ held: true, reason: 'Överklagat till förvaltningsrätten' });

    const before = await caseRow(past.id);
    const preview = await t.app.inject({ method: 'POST', url: '/api/v1/retention/preview', headers: admin.auth, payload: {} });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.total).toBe(2);
    expect(p.summary).toMatch(/^2 ärenden skulle gallras \d{4}-\d{2}-\d{2}$/);
    expect(p.cases.map((c: { id: string }) => c.id).sort()).toEqual([past.id, praise.id].sort());
    expect(Object.fromEntries(p.byRule.map((r: { ruleId: string; cases: number }) => [r.ruleId, r.cases]))).toEqual({
      [ruleA.id]: 1,
      [ruleSpecific.id]: 0,
      [rulePraise.id]: 1,
    });

    const runRes = await t.app.inject({ method: 'POST', url: '/api/v1/retention/runs', headers: admin.auth });
    expect(runRes.statusCode, runRes.body).toBe(201);
    const run = runRes.json();
    expect(run).toMatchObject({ clearedCases: p.total, error: null, startedBy: admin.email });
    expect(run.report.rules[ruleA.id]).toMatchObject({ cases: 1, decisionReference: DECISION, monthsAfterClosure: 24 });
    expect(run.report.rules[rulePraise.id].cases).toBe(1);
    expect(run.report.mails).toBeGreaterThanOrEqual(2);

    // Past: personal data gone, statistics intact, marked with rule, run and decision.
    const after = await caseRow(past.id);
    expect(after).toMatchObject({
      contact_name: null,
      contact_email: null,
      contact_phone: null,
      subject: null,
      message: '—',
      personal_data_cleared_scope: 'contact_and_texts',
      personal_data_cleared_rule_id: ruleA.id,
      personal_data_cleared_run_id: run.id,
      personal_data_cleared_decision: DECISION,
    });
    for (const k of ['received_at', 'resolved_at', 'first_response_at'] as const) expect(after[k]).toEqual(before[k]);
    for (const k of [
      'type',
      'channel',
      'category_id',
      'unit_id',
      'status',
      'received_date',
      'first_response_due',
      'case_number',
    ] as const) {
      expect(after[k]).toBe(before[k]);
    }
    const events = await eventsOf(past.id);
    expect(events.map((e) => e.kind)).toEqual(['received', 'resolved']);
    expect(events.every((e) => e.body === null)).toBe(true);
    const mails = await t.db.selectFrom('mail_outbox').select(['to_address', 'body', 'status']).where('ref_id', '=', past.id).execute();
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => m.to_address === '' && m.body === '' && m.status !== 'pending')).toBe(true);

    // The tracking page still opens, without the personal data.
    const track = await t.app.inject({ method: 'GET', url: `/${tt.tenant.slug}/cases/track/${past.token}` });
    expect(track.statusCode).toBe(200);
    expect(track.body).toContain(before.case_number);
    for (const text of ['Anna', 'anna.andersson', '070-123', 'Storgatan', 'soptunna']) expect(track.body).not.toContain(text);

    // Contact-only rule: contacts gone, texts kept.
    expect(await caseRow(praise.id)).toMatchObject({
      contact_name: null,
      contact_email: null,
      personal_data_cleared_scope: 'contact',
      message: 'Hej, jag heter Anna Andersson och min soptunna har inte tömts.',
    });

    // Everything else is untouched.
    for (const c of [notPast, held, open, otherCategory, specific, otherTenant]) {
      const row = await caseRow(c.id);
      expect(row).toMatchObject({
        contact_name: 'Anna Andersson',
        contact_email: 'anna.andersson@example.se',
        personal_data_cleared_at: null,
      });
      expect((await eventsOf(c.id)).some((e) => e.body !== null) || c === open).toBe(true);
    }

    // A second run clears nothing new; the staff case page shows what happened.
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/retention/runs', headers: admin.auth });
    expect(again.json().clearedCases).toBe(0);
    const runs = (await t.app.inject({ method: 'GET', url: '/api/v1/retention/runs', headers: admin.auth })).json().runs;
    expect(runs.map((r: { clearedCases: number }) => r.clearedCases)).toEqual([0, 2]);
    const audits = await t.db
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('tenant_id', '=', tt.tenant.id)
      .where('entity', 'in', ['retention_rule', 'retention_run', 'case'])
      .where('action', 'in', ['create', 'run', 'legal_hold'])
      .execute();
    expect(audits.filter((a) => a.entity === 'retention_rule')).toHaveLength(3);
    expect(audits.filter((a) => a.entity === 'retention_run')).toHaveLength(2);
    expect(audits.filter((a) => a.action === 'legal_hold')).toHaveLength(1);

    // Releasing the hold makes the case due at the next run.
    const release = await t.app.inject({ method: 'DELETE', url: `/api/v1/cases/${held.id}/legal-hold`, headers: admin.auth });
    expect(release.json()).toMatchObject({ held: false });
    const third = await t.app.inject({ method: 'POST', url: '/api/v1/retention/runs', headers: admin.auth });
    expect(third.json().clearedCases).toBe(1);
  });

  it('previews a rule that is not yet in effect on its first day, and does not apply it before', async () => {
    const { tt, admin } = await tenantWithAdmin('Framtidsby kommun');
    const c = await makeCase(tt, { received: '2023-03-01T09:00:00Z', resolved: '2023-03-10T10:00:00Z' });
    const rule = await addRule(admin, { monthsAfterClosure: 24, decisionReference: DECISION, effectiveFrom: '2099-01-01' });
    const p = (
      await t.app.inject({ method: 'POST', url: '/api/v1/retention/preview', headers: admin.auth, payload: { ruleId: rule.id } })
    ).json();
    expect(p).toMatchObject({ date: '2099-01-01', total: 1, summary: '1 ärende skulle gallras 2099-01-01' });
    // No body at all: today, every rule in effect.
    const todayRes = await t.app.inject({ method: 'POST', url: '/api/v1/retention/preview', headers: admin.auth });
    expect(todayRes.statusCode, todayRes.body).toBe(200);
    expect(todayRes.json().total).toBe(0);
    const run = (await t.app.inject({ method: 'POST', url: '/api/v1/retention/runs', headers: admin.auth })).json();
    expect(run.clearedCases).toBe(0);
    expect((await caseRow(c.id)).contact_name).toBe('Anna Andersson');
  });
});

describe('validation and roles', () => {
  it('refuses wrong input with 400 and a Swedish message, another rule for the same selector with 409, and non-admins with 403', async () => {
    const { tt, admin } = await tenantWithAdmin('Regelby kommun');
    const post = (payload: unknown, headers = admin.auth) =>
      t.app.inject({ method: 'POST', url: '/api/v1/retention/rules', headers, payload: payload as Record<string, unknown> });
    const zero = await post({ monthsAfterClosure: 0, decisionReference: DECISION });
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain('monthsAfterClosure måste vara minst 1');
    const noDecision = await post({ monthsAfterClosure: 24 });
    expect(noDecision.statusCode).toBe(400);
    expect(noDecision.body).toContain('decisionReference saknas');
    const unknown = await post({ categoryCode: 'finns-inte', monthsAfterClosure: 24, decisionReference: DECISION });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Kategorin finns-inte finns inte.');
    const badDate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/preview',
      headers: admin.auth,
      payload: { date: '2027-02-30' },
    });
    expect(badDate.statusCode).toBe(400);
    expect((await post({ caseType: 'question', monthsAfterClosure: 24, decisionReference: DECISION })).statusCode).toBe(201);
    const twice = await post({ caseType: 'question', monthsAfterClosure: 36, decisionReference: DECISION });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('Det finns redan en gällande regel');

    const officer = await createTestUser(t.db, tt, [{ role: 'officer' }]);
    expect((await post({ monthsAfterClosure: 24, decisionReference: DECISION }, officer.auth)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/retention/runs', headers: officer.auth })).statusCode).toBe(403);

    const c = await makeCase(tt, { received: '2023-03-01T09:00:00Z' });
    const noReason = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/legal-hold`, headers: admin.auth, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Skriv varför ärendet ska spärras mot gallring');
    const notHeld = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/legal-hold`,
      headers: admin.auth,
      payload: { hold: false },
    });
    expect(notHeld.statusCode).toBe(409);
    const asOfficer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/legal-hold`,
      headers: officer.auth,
      payload: { reason: 'x' },
    });
    expect(asOfficer.statusCode).toBe(403);
    const otherTenant = await tenantWithAdmin('Annanby kommun');
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/legal-hold`,
      headers: otherTenant.admin.auth,
      payload: { reason: 'x' },
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents the retention and legal-hold routes with their schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/retention') || p.endsWith('/legal-hold'));
    expect(paths.sort()).toEqual(
      [
        '/api/v1/cases/{id}/legal-hold',
        '/api/v1/retention/preview',
        '/api/v1/retention/rules',
        '/api/v1/retention/rules/{id}/deactivate',
        '/api/v1/retention/runs',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/api/v1/cases/{id}/legal-hold']).sort()).toEqual(['delete', 'post']);
    const rule = doc.paths['/api/v1/retention/rules'].post.requestBody.content['application/json'].schema;
    expect(rule.required).toEqual(['monthsAfterClosure', 'decisionReference']);
    expect(doc.paths['/api/v1/retention/preview'].post.responses['200']).toBeDefined();
  });
});

describe('concurrency and the nightly job', () => {
  it.skipIf(!usingPostgres)('two concurrent runs clear each case once; their counts add up', async () => {
    const { tt, admin } = await tenantWithAdmin('Samtidigby kommun');
    const made: Made[] = [];
    for (let i = 0; i < 12; i++) made.push(await makeCase(tt, { received: '2023-03-01T09:00:00Z', resolved: '2023-03-10T10:00:00Z' }));
    await addRule(admin, { monthsAfterClosure: 24, decisionReference: DECISION, effectiveFrom: '2026-01-01' });
    const by = { label: 'test', userId: null };
    const runs = await Promise.all([
      executeRun(t.db, tt.tenant.id, by, { batchSize: 2 }),
      executeRun(t.db, tt.tenant.id, by, { batchSize: 2 }),
    ]);
    expect(runs.every((r) => r.error === null)).toBe(true);
    expect(runs[0].clearedCases + runs[1].clearedCases).toBe(12);
    const rows = await t.db
      .selectFrom('cases')
      .select(['personal_data_cleared_run_id as runId'])
      .where('tenant_id', '=', tt.tenant.id)
      .execute();
    for (const r of runs) expect(rows.filter((x) => x.runId === r.id)).toHaveLength(r.clearedCases);
    expect(rows.every((x) => x.runId !== null)).toBe(true);
  });

  it('the nightly job runs once across instances, only after 02:00 Stockholm time', async () => {
    const { tt, admin } = await tenantWithAdmin('Nattby kommun');
    await makeCase(tt, { received: '2023-03-01T09:00:00Z', resolved: '2023-03-10T10:00:00Z' });
    await addRule(admin, { monthsAfterClosure: 24, decisionReference: DECISION, effectiveFrom: '2026-01-01' });
    const scope = `test-${tt.tenant.slug}`;
    const early = await runRetentionNightly(t.db, new Date('2027-03-01T00:30:00Z'), { scope, tenantIds: [tt.tenant.id] });
    expect(early.ran).toBe(false);
    const night = new Date('2027-03-01T02:30:00Z');
    const both = await Promise.all([
      runRetentionNightly(t.db, night, { scope, tenantIds: [tt.tenant.id] }),
      runRetentionNightly(t.db, night, { scope, tenantIds: [tt.tenant.id] }),
    ]);
    expect(both.filter((r) => r.ran)).toHaveLength(1);
    const ran = both.find((r) => r.ran);
    expect(ran?.runs.map((r) => [r.startedBy, r.clearedCases])).toEqual([['job', 1]]);
  });
});
