// A person's data on request: search across cases, after-contact questions and the outbox within
// the tenant; phone normalisation; the JSON export; erasure allowed or refused per kind with the
// reason; rectification under the row lock; audit entries with the term masked; Swedish 400s.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  formToken,
  loginCookies,
  type TestContext,
  type TestTenant,
} from '../../../test/helpers.ts';
import { caseFixture, question } from '../cases/cases.fixtures.ts';
import { createCase } from '../cases/cases.service.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import { emailHash } from '../satisfaction/after-contact.service.ts';
import { normalisePhone } from './privacy.input.ts';

const FORM = 'application/x-www-form-urlencoded';
const body = (values: Record<string, string>) => new URLSearchParams(values).toString();

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ CHROMIUM_PATH: '/nonexistent/chromium' });
});
afterAll(async () => {
  await t?.close();
});

interface World {
  tenant: TestTenant;
  caseIds: string[];
  mailId: string;
  email: string;
}

/** A tenant with a person (by e-mail and phone) in cases, an after-contact question and an outbox message. */
async function world(name = 'Solby kommun'): Promise<World> {
  const tenant = await createTestTenant(t.db, name);
  await caseFixture(t.db, tenant);
  const email = `Anna.${randomUUID().slice(0, 8)}@Example.se`;
  const a = await createCase(tenant.system, question({ contact: { name: 'Anna Andersson', email, phone: '070-123 45 67' } }), { db: t.db });
  const b = await createCase(tenant.system, question({ message: 'Gatlampan är trasig', contact: { phone: '+46 (0)70 1234567' } }), {
    db: t.db,
  });
  await createCase(tenant.system, question({ contact: { name: 'Bertil', email: 'bertil@example.se', phone: '070-765 43 21' } }), {
    db: t.db,
  });
  // Stored as typed (older cases, imports): the search must not depend on the letter case.
  await t.db.updateTable('cases').set({ contact_email: email }).where('id', '=', a.case.id).execute();
  await t.db
    .insertInto('after_contact_requests')
    .values({
      tenant_id: tenant.tenant.id,
      case_id: a.case.id,
      token_hash: `h-${randomUUID()}`,
      email_hash: emailHash(email),
      language: 'sv',
      unit_id: tenant.rootId,
      category_id: randomUUID(),
      channel: 'phone',
      answered_at: new Date(),
      score: 4,
      comment: 'Bra bemötande av Lisa',
    })
    .execute();
  const mailId = await enqueueMail(t.db, {
    tenantId: tenant.tenant.id,
    to: email.toLowerCase(),
    subject: 'Hur nöjd är du?',
    body: 'Svara här: https://insyn.example/solby/nojdhet/svar/abcdefghijklmnopqrstuvwx',
    kind: 'after_contact',
  });
  return { tenant, caseIds: [a.case.id, b.case.id], mailId, email };
}

async function adminSession(w: World) {
  const admin = await createTestUser(t.db, w.tenant, [{ role: 'admin' }]);
  const cookie = await loginCookies(t.app, w.tenant.tenant.slug, admin.email, admin.password);
  return { admin, ...(await formToken(t.app, '/staff/person', cookie)) };
}

describe('phone normalisation', () => {
  it('compares +46 / 0046 / (0), spaces, dashes and dots alike, and refuses what is not a number', () => {
    for (const form of ['070-123 45 67', '+46 70 123 45 67', '+46 (0)70-1234567', '0046701234567', '070.123.45.67', ' 0701234567 ']) {
      expect(normalisePhone(form)).toBe('0701234567');
    }
    expect(normalisePhone('00358 40 123 4567')).toBe('+358401234567');
    expect(normalisePhone('ring mig')).toBeNull();
    expect(normalisePhone('12')).toBeNull();
  });
});

describe('the person search', () => {
  it('finds cases, survey questions and outbox messages by e-mail (any case) and phone (any form), never another tenant’s', async () => {
    const w = await world();
    const other = await world('Annanby kommun');
    const { cookie, csrf } = await adminSession(w);
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/person',
      headers: { cookie, 'content-type': FORM },
      payload: body({ _csrf: csrf, email: `  ${w.email.toUpperCase()} `, phone: '+46 70-123 45 67' }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ärenden (2)');
    expect(res.body).toContain('Nöjdhetsfrågor (1)');
    expect(res.body).toContain('E-post (2)'); // the receipt of the case and the after-contact question
    expect(res.body).toContain('Kan inte raderas på begäran');
    expect(res.body).toContain('arkivlagen');
    expect(res.body).not.toContain('abcdefghijklmnopqrstuvwx');
    for (const id of other.caseIds) expect(res.body).not.toContain(id);
    expect(res.body).not.toContain(other.mailId);
    // The other tenant's person is the same phone number: found there only.
    const byPhone = await t.app.inject({
      method: 'POST',
      url: '/staff/person',
      headers: { cookie, 'content-type': FORM },
      payload: body({ _csrf: csrf, phone: '0046 70 123 45 67' }),
    });
    expect(byPhone.body).toContain('Ärenden (2)');
    expect(byPhone.body).toContain('Nöjdhetsfrågor (0)');
  });

  it('refuses an empty or malformed search with a Swedish 400, and a non-admin with 403', async () => {
    const w = await world();
    const { cookie, csrf } = await adminSession(w);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/staff/person',
      headers: { cookie, 'content-type': FORM },
      payload: body({ _csrf: csrf }),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Ange en e-postadress eller ett telefonnummer att söka på.');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/staff/person',
      headers: { cookie, 'content-type': FORM },
      payload: body({ _csrf: csrf, email: 'inte-en-adress', phone: 'ring mig' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ange en giltig e-postadress');
    expect(bad.body).toContain('Ange ett telefonnummer med siffror');
    const officer = await createTestUser(t.db, w.tenant, [{ role: 'officer' }]);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/persons/export', headers: officer.auth, payload: { email: w.email } });
    expect(api.statusCode).toBe(403);
    const apiBad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons/export',
      headers: (await createTestUser(t.db, w.tenant, [{ role: 'admin' }])).auth,
      payload: { phone: 'abc' },
    });
    expect(apiBad.statusCode).toBe(400);
    expect(apiBad.json().fields[0].message).toContain('Ange ett telefonnummer');
  });
});

describe('the register extract', () => {
  it('exports JSON with controller, purposes, rights and the data itself, links redacted; audited with the term masked', async () => {
    const w = await world();
    await t.db.updateTable('tenants').set({ org_number: '212000-0001' }).where('id', '=', w.tenant.tenant.id).execute();
    const admin = await createTestUser(t.db, w.tenant, [{ role: 'admin' }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/persons/export', headers: admin.auth, payload: { email: w.email } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.controller).toEqual({ name: 'Solby kommun', orgNumber: '212000-0001' });
    expect(body.legalBasis.join(' ')).toContain('art. 6.1 e');
    expect(body.rights.join(' ')).toContain('Integritetsskyddsmyndigheten');
    expect(body.cases).toHaveLength(1);
    expect(body.cases[0].contact).toEqual({ name: 'Anna Andersson', email: w.email, phone: '070-123 45 67' });
    expect(body.cases[0].message).toBe('När töms soporna?');
    expect(body.cases[0].erasure.allowed).toBe(false);
    expect(body.surveyInvitations[0]).toMatchObject({ score: 4, comment: 'Bra bemötande av Lisa', erasure: { allowed: true } });
    expect(body.outbox.map((m: { kind: string }) => m.kind).sort()).toEqual(['after_contact', 'case_receipt']);
    expect(JSON.stringify(body)).not.toContain('abcdefghijklmnopqrstuvwx');
    const entry = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'data'])
      .where('tenant_id', '=', w.tenant.tenant.id)
      .where('entity', '=', 'person')
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('export');
    expect(entry.data).toMatchObject({ format: 'json', cases: 1, outbox: 2, surveyInvitations: 1, term: 'a***@e***.se' });
    expect(JSON.stringify(entry.data).toLowerCase()).not.toContain(w.email.toLowerCase());
  });

  it('shows the extract as a page, and says plainly that the PDF needs Chromium where it is missing', async () => {
    const w = await world();
    const { cookie, csrf } = await adminSession(w);
    const page = await t.app.inject({
      method: 'POST',
      url: '/staff/person/extract',
      headers: { cookie, 'content-type': FORM },
      payload: body({ _csrf: csrf, email: w.email, phone: '', format: 'html' }),
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Registerutdrag');
    expect(page.body).toContain('Personuppgiftsansvarig');
    expect(page.body).toContain('Anna Andersson');
    const pdf = await t.app.inject({
      method: 'POST',
      url: '/staff/person/extract',
      headers: { cookie, 'content-type': FORM },
      payload: body({ _csrf: csrf, email: w.email, phone: '', format: 'pdf' }),
    });
    expect(pdf.statusCode).toBe(503);
    expect(pdf.body).toContain('Chromium finns inte på servern');
    const actions = await t.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('tenant_id', '=', w.tenant.tenant.id)
      .where('entity', '=', 'person')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['export', 'search']);
  });
});

describe('erasure and rectification', () => {
  it('erases an outbox message and a survey question’s contact data after a confirm step; refuses a case with the reason', async () => {
    const w = await world();
    const { cookie, csrf } = await adminSession(w);
    const post = (url: string, values: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': FORM },
        payload: body({ _csrf: csrf, email: w.email, phone: '', ...values }),
      });

    const confirm = await post('/staff/person/erase', { kind: 'outbox', id: w.mailId });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Ja, radera');
    expect(await t.db.selectFrom('mail_outbox').select('id').where('id', '=', w.mailId).executeTakeFirst()).toBeDefined();
    const erased = await post('/staff/person/erase', { kind: 'outbox', id: w.mailId, confirmed: 'yes' });
    expect(erased.statusCode).toBe(200);
    expect(erased.body).toContain('Utskicket är raderat.');
    expect(await t.db.selectFrom('mail_outbox').select('id').where('id', '=', w.mailId).executeTakeFirst()).toBeUndefined();
    const again = await post('/staff/person/erase', { kind: 'outbox', id: w.mailId, confirmed: 'yes' });
    expect(again.statusCode).toBe(404);

    const survey = await post('/staff/person/erase', { kind: 'survey_invitation', id: w.caseIds[0] ?? '', confirmed: 'yes' });
    expect(survey.statusCode).toBe(200);
    const request = await t.db
      .selectFrom('after_contact_requests')
      .select(['email_hash', 'comment', 'score'])
      .where('case_id', '=', w.caseIds[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({ comment: null, score: 4 });
    expect(request.email_hash).not.toBe(emailHash(w.email));

    const refusedConfirm = await post('/staff/person/erase', { kind: 'case', id: w.caseIds[0] ?? '' });
    expect(refusedConfirm.body).not.toContain('Ja, radera');
    expect(refusedConfirm.body).toContain('allmän handling');
    const refused = await post('/staff/person/erase', { kind: 'case', id: w.caseIds[0] ?? '', confirmed: 'yes' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('arkivlagen (1990:782)');
    expect(refused.body).toContain('gallring');
    const kept = await t.db
      .selectFrom('cases')
      .select(['message', 'contact_email'])
      .where('id', '=', w.caseIds[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ message: 'När töms soporna?', contact_email: w.email });

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'data'])
      .where('tenant_id', '=', w.tenant.tenant.id)
      .where('entity', '=', 'person')
      .where('action', 'in', ['erase', 'erase_refused'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, (a.data as { kind: string }).kind])).toEqual([
      ['erase', 'outbox'],
      ['erase', 'survey_invitation'],
      ['erase_refused', 'case'],
    ]);
    expect(JSON.stringify(audit).toLowerCase()).not.toContain(w.email.toLowerCase());
  });

  it('refuses to erase a message being sent right now (409) and keeps it', async () => {
    const w = await world();
    await t.db.updateTable('mail_outbox').set({ status: 'sending' }).where('id', '=', w.mailId).execute();
    const admin = await createTestUser(t.db, w.tenant, [{ role: 'admin' }]);
    const { erasePersonRecord } = await import('./privacy.service.ts');
    await expect(erasePersonRecord(admin.actor, { email: w.email }, { kind: 'outbox', id: w.mailId }, { db: t.db })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await t.db.selectFrom('mail_outbox').select('id').where('id', '=', w.mailId).executeTakeFirst()).toBeDefined();
  });

  it('rectifies a case’s contact details, audited masked; a stale version is a 409; bad input a Swedish 400', async () => {
    const w = await world();
    const { cookie, csrf } = await adminSession(w);
    const caseId = w.caseIds[0] ?? '';
    const before = await t.db.selectFrom('cases').select('updated_at').where('id', '=', caseId).executeTakeFirstOrThrow();
    const version = new Date(before.updated_at).toISOString();
    const post = (values: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/staff/person/rectify',
        headers: { cookie, 'content-type': FORM },
        payload: body({ _csrf: csrf, email: w.email, phone: '', caseId, version, contactName: 'Anna Berg', ...values }),
      });
    const bad = await post({ contactEmail: 'fel', contactPhone: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ange en giltig e-postadress');
    const ok = await post({ contactEmail: w.email, contactPhone: '08-123 456' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('är rättade');
    const row = await t.db.selectFrom('cases').select(['contact_name', 'contact_phone']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toEqual({ contact_name: 'Anna Berg', contact_phone: '08-123 456' });
    const stale = await post({ contactEmail: w.email, contactPhone: '08-999 999' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('har ändrats sedan du sökte');
    const entry = await t.db
      .selectFrom('audit_log')
      .select('data')
      .where('tenant_id', '=', w.tenant.tenant.id)
      .where('action', '=', 'rectify')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.data)).not.toContain('Anna Berg');
    expect(JSON.stringify(entry.data)).not.toContain('08-123 456');
    expect(entry.data).toMatchObject({ after: { phone: '***56' } });
  });
});

describe('hostile form posts', () => {
  it('a NUL or a control character in any field of any of the page’s forms is a 4xx with a message and changes nothing', async () => {
    const w = await world();
    const { cookie, csrf } = await adminSession(w);
    const caseId = w.caseIds[0] ?? '';
    const row = await t.db.selectFrom('cases').select('updated_at').where('id', '=', caseId).executeTakeFirstOrThrow();
    const forms: [string, Record<string, string>][] = [
      ['/staff/person', { email: w.email, phone: '070-123 45 67' }],
      ['/staff/person/extract', { email: w.email, phone: '', format: 'json' }],
      [
        '/staff/person/rectify',
        {
          email: w.email,
          phone: '',
          caseId,
          version: new Date(row.updated_at).toISOString(),
          contactName: 'Anna',
          contactEmail: w.email,
          contactPhone: '070-123 45 67',
        },
      ],
      ['/staff/person/erase', { email: w.email, phone: '', kind: 'outbox', id: w.mailId, confirmed: 'yes' }],
    ];
    for (const [url, fields] of forms) {
      for (const name of Object.keys(fields)) {
        if (name === 'format' || name === 'confirmed' || (name === 'phone' && fields.phone === '')) continue;
        for (const hostile of ['\u0000', '\u0001']) {
          const res = await t.app.inject({
            method: 'POST',
            url,
            headers: { cookie, 'content-type': FORM },
            payload: body({ _csrf: csrf, ...fields, [name]: `${fields[name]}${hostile}` }),
          });
          expect([400, 404], `${url} ${name}: ${res.statusCode}`).toContain(res.statusCode);
          expect(res.body).toMatch(/Ange|finns inte|Sök igen|Välj|inte kan sparas/);
        }
      }
    }
    expect(await t.db.selectFrom('mail_outbox').select('id').where('id', '=', w.mailId).executeTakeFirst()).toBeDefined();
    const after = await t.db.selectFrom('cases').select(['contact_name', 'updated_at']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(after.contact_name).toBe('Anna Andersson');
  });
});
