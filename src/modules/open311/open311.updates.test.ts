// Issue 7 item 29: FixMyStreet's update extension, as FixMyStreet's Open311 client calls it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, usingPostgres } from '../../../test/helpers.ts';
import { addCaseEvent, createCase, getCase } from '../cases/cases.service.ts';
import { fileRequest, type Open311Fixture, open311Fixture, postForm, xml } from './open311.fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const caseId = async (tenantId: string, caseNumber: string) =>
  (
    await t.db
      .selectFrom('cases')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('case_number', '=', caseNumber)
      .executeTakeFirstOrThrow()
  ).id;

interface Update {
  update_id: string;
  service_request_id: string;
  status: string;
  updated_datetime: string;
  description: string;
  external_status_code: string;
  media_url: string;
}

/** GET servicerequestupdates.xml as FixMyStreet does: api_key, jurisdiction_id, start_date, end_date. */
async function fetchUpdates(f: Open311Fixture, { key = true } = {}): Promise<Update[]> {
  const now = Date.now();
  const params = new URLSearchParams({
    jurisdiction_id: f.tenant.slug,
    start_date: new Date(now - 2 * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    end_date: new Date(now + 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    ...(key ? { api_key: f.agent.token } : {}),
  });
  const res = await t.app.inject({ method: 'GET', url: `/open311/v2/servicerequestupdates.xml?${params}` });
  expect(res.statusCode, res.body).toBe(200);
  const parsed = xml.parse(res.body) as { service_request_updates: '' | { request_update: Update[] } };
  return parsed.service_request_updates === '' ? [] : parsed.service_request_updates.request_update;
}

describe('Open311 servicerequestupdates (item 29)', () => {
  it('gives officers’ answers and status changes; a referral is not the municipality’s responsibility, not fixed', async () => {
    const f = await open311Fixture(t);
    const answered = await fileRequest(t, f);
    const referred = await fileRequest(t, f);
    const closed = await fileRequest(t, f);
    const staff = await createCase(
      f.agent.actor,
      { type: 'question', channel: 'phone', category: 'parker', message: 'Hej, Anna här' },
      { db: t.db },
    );
    const act = async (caseNumber: string, input: Record<string, unknown>) =>
      addCaseEvent(f.officer.actor, await caseId(f.tenant.id, caseNumber), input, { db: t.db });
    await act(answered, { kind: 'first_response', body: 'Vi byter lampan på torsdag.' });
    await act(answered, { kind: 'note', body: 'Intern: beställ lampa' });
    await act(referred, { kind: 'referred', authority: 'Trafikverket', reason: 'Statlig väg' });
    await act(closed, { kind: 'resolved', body: 'Lampan är bytt.' });
    await addCaseEvent(f.officer.actor, staff.case.id, { kind: 'resolved', body: 'Hej Anna, svaret är ja.' }, { db: t.db });

    const updates = await fetchUpdates(f);
    const by = (id: string) => updates.filter((u) => u.service_request_id === id);
    expect(by(answered)).toEqual([
      expect.objectContaining({
        status: 'IN_PROGRESS',
        description: 'Vi byter lampan på torsdag.',
        external_status_code: 'first_response',
      }),
    ]);
    expect(by(referred)).toEqual([
      expect.objectContaining({ status: 'NOT_COUNCILS_RESPONSIBILITY', description: expect.stringContaining('Trafikverket') }),
    ]);
    expect(by(closed)).toEqual([expect.objectContaining({ status: 'CLOSED', description: 'Lampan är bytt.' })]);
    // A case that did not come in through Open311 shows what happened, never what was written.
    expect(by(staff.case.caseNumber)).toEqual([expect.objectContaining({ status: 'CLOSED', description: 'Ärendet är avslutat.' })]);
    for (const u of updates) {
      expect(u.update_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(u.updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    }
    const all = JSON.stringify(updates);
    for (const secret of ['Intern', 'Anna', f.officer.email]) expect(all).not.toContain(secret);

    // Without a key: the same updates, none of the officers' words.
    const anonymous = await fetchUpdates(f, { key: false });
    expect(anonymous.map((u) => u.update_id).sort()).toEqual(updates.map((u) => u.update_id).sort());
    expect(JSON.stringify(anonymous)).not.toContain('torsdag');

    const json = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/servicerequestupdates.json?jurisdiction_id=${f.tenant.slug}&api_key=${f.agent.token}`,
    });
    expect((json.json() as Update[]).map((u) => u.update_id).sort()).toEqual(updates.map((u) => u.update_id).sort());
  });

  it('records a citizen’s update or “fixed” from FixMyStreet as a resident message, once per update_id', async () => {
    const f = await open311Fixture(t);
    const id = await fileRequest(t, f);
    const fms = {
      jurisdiction_id: f.tenant.slug,
      api_key: f.agent.token,
      service_request_id: id,
      updated_datetime: '2026-11-30T10:15:00+01:00',
      status: 'OPEN',
      description: 'Den blinkar fortfarande.',
      first_name: 'Berit',
      last_name: 'Boende',
      email: 'berit@example.org',
      update_id: '4711',
    };
    const res = await postForm(t, '/open311/v2/servicerequestupdates.xml', fms);
    expect(res.statusCode, res.body).toBe(201);
    const parsed = xml.parse(res.body) as { service_request_updates: { request_update: { update_id: string }[] } };
    const updateId = parsed.service_request_updates.request_update[0].update_id;
    expect(updateId).toMatch(/^[0-9a-f-]{36}$/);
    // FixMyStreet retries when it did not see the answer: the same update, recorded once.
    const again = await postForm(t, '/open311/v2/servicerequestupdates.json', fms);
    expect(again.statusCode).toBe(200);
    expect((again.json() as { update_id: string }[])[0].update_id).toBe(updateId);

    const fixed = await postForm(t, '/open311/v2/servicerequestupdates.json', {
      ...fms,
      status: 'FIXED',
      description: '',
      update_id: '4712',
    });
    expect(fixed.statusCode, fixed.body).toBe(201);

    const c = await getCase(f.officer.actor, await caseId(f.tenant.id, id), { db: t.db });
    const messages = c.events.filter((e) => e.kind === 'resident_message');
    expect(messages.map((m) => m.body)).toEqual(['Den blinkar fortfarande.', 'Invånaren har markerat ärendet som åtgärdat.']);
    expect(messages[0]).toMatchObject({ visibleToResident: true, data: expect.objectContaining({ status: 'OPEN', externalId: '4711' }) });
    // A resident's message is not the municipality's update.
    expect((await fetchUpdates(f)).filter((u) => u.service_request_id === id)).toEqual([]);
  });

  it('reopens a resolved case when the resident writes through FixMyStreet and tells the unit, but not for “fixed”', async () => {
    const f = await open311Fixture(t);
    const id = await fileRequest(t, f);
    const caseUuid = await caseId(f.tenant.id, id);
    await addCaseEvent(f.officer.actor, caseUuid, { kind: 'resolved', body: 'Lampan är bytt.' }, { db: t.db });
    const fms = { jurisdiction_id: f.tenant.slug, api_key: f.agent.token, service_request_id: id };
    // "It is fixed" on a closed case confirms it: the case stays resolved.
    const fixed = await postForm(t, '/open311/v2/servicerequestupdates.json', { ...fms, status: 'FIXED', update_id: 'a1' });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect((await getCase(f.officer.actor, caseUuid, { db: t.db })).status).toBe('resolved');

    const res = await postForm(t, '/open311/v2/servicerequestupdates.json', {
      ...fms,
      status: 'OPEN',
      description: 'Den är trasig igen.',
      update_id: 'a2',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = await getCase(f.officer.actor, caseUuid, { db: t.db });
    expect(c.status).toBe('in_progress');
    expect(c.events.slice(-2).map((e) => e.kind)).toEqual(['resident_message', 'reopened']);
    const mails = await t.db
      .selectFrom('mail_outbox')
      .select(['kind', 'to_address'])
      .where('tenant_id', '=', f.tenant.id)
      .where('ref_id', '=', caseUuid)
      .execute();
    expect(mails.filter((m) => m.to_address === f.officer.email).length).toBe(1);
    // The retry of the same update reopens nothing more and sends nothing more.
    const again = await postForm(t, '/open311/v2/servicerequestupdates.json', {
      ...fms,
      status: 'OPEN',
      description: 'Den är trasig igen.',
      update_id: 'a2',
    });
    expect(again.statusCode).toBe(200);
    expect((await getCase(f.officer.actor, caseUuid, { db: t.db })).events.filter((e) => e.kind === 'reopened')).toHaveLength(1);
  });

  it('refuses an update without a key, with another municipality’s key, or for an unknown request', async () => {
    const f = await open311Fixture(t);
    const other = await open311Fixture(t);
    const id = await fileRequest(t, f);
    const base = { jurisdiction_id: f.tenant.slug, service_request_id: id, description: 'Hej' };
    const none = await postForm(t, '/open311/v2/servicerequestupdates.xml', base);
    expect(none.statusCode).toBe(403);
    expect(none.body).toContain('<errors>');
    expect((await postForm(t, '/open311/v2/servicerequestupdates.json', { ...base, api_key: other.agent.token })).statusCode).toBe(403);
    const unknown = await postForm(t, '/open311/v2/servicerequestupdates.json', {
      ...base,
      api_key: f.agent.token,
      service_request_id: '2000-99999',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: 'Unknown service_request_id "2000-99999".' }]);
    const empty = await postForm(t, '/open311/v2/servicerequestupdates.json', { ...base, api_key: f.agent.token, description: '' });
    expect(empty.statusCode).toBe(400);
    const badDate = await postForm(t, '/open311/v2/servicerequestupdates.json', {
      ...base,
      api_key: f.agent.token,
      updated_datetime: '2026-02-30T10:00:00Z',
    });
    expect(badDate.statusCode).toBe(400);
  });

  it.skipIf(!usingPostgres)('records one message when the same update arrives twice at once', async () => {
    const f = await open311Fixture(t);
    const id = await fileRequest(t, f);
    const fms = {
      jurisdiction_id: f.tenant.slug,
      api_key: f.agent.token,
      service_request_id: id,
      description: 'Samma',
      update_id: 'dup-1',
    };
    const [a, b] = await Promise.all([
      postForm(t, '/open311/v2/servicerequestupdates.json', fms),
      postForm(t, '/open311/v2/servicerequestupdates.json', fms),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json()).toEqual(b.json());
    const c = await getCase(f.officer.actor, await caseId(f.tenant.id, id), { db: t.db });
    expect(c.events.filter((e) => e.kind === 'resident_message')).toHaveLength(1);
  });
});
