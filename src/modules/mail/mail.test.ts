import { sql } from 'kysely';
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
import { startSmtp, type TestSmtp } from '../../../test/smtp.ts';
import { formatLongDate } from '../../web/i18n.ts';
import { createCase } from '../cases/cases.service.ts';
import { createCategory } from '../cases/categories.service.ts';
import { CLAIM_LEASE_SECONDS, deliverPendingMail, MAX_ATTEMPTS, type MailTransport, smtpTransport } from './mail.delivery.ts';
import { claimPendingMail } from './mail.repo.ts';
import { enqueueMail } from './mail.service.ts';

function decodeQuotedPrintable(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '=' && /^[0-9A-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(body.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

async function statusOf(t: TestContext, id: string) {
  return t.db
    .selectFrom('mail_outbox')
    .select(['status', 'attempts', 'last_error', 'sent_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('mail delivery', () => {
  let t: TestContext;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestContext({ SMTP_URL: smtp.url, BASE_URL: 'https://insyn.example.se' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends pending messages over SMTP and marks them sent', async () => {
    const { tenant } = await createTestTenant(t.db, 'Sändkommun');
    const id = await enqueueMail(t.db, {
      tenantId: tenant.id,
      to: 'invanare@example.org',
      subject: 'Ditt ärende K-1',
      body: 'Hej! Vi återkopplar senast onsdag 9 september 2026.',
      kind: 'case_receipt',
    });
    const transport = smtpTransport(smtp.url);
    const result = await deliverPendingMail(t.db, transport, { baseUrl: 'https://insyn.example.se', tenantId: tenant.id });
    expect(result).toEqual({ sent: 1, failed: 0 });
    const mail = smtp.received.find((r) => r.raw.toLowerCase().includes(`x-insyn-message-id: ${id}`));
    expect(mail, 'message arrived at the SMTP server').toBeDefined();
    expect(mail?.to).toEqual(['invanare@example.org']);
    expect(mail?.from).toBe('noreply@insyn.example.se');
    expect(mail?.raw).toMatch(/^From: .*noreply@insyn\.example\.se/m);
    expect(mail?.raw).toContain('Subject: =?UTF-8?Q?Ditt_=C3=A4rende_K-1?=');
    expect(decodeQuotedPrintable(mail?.raw ?? '')).toContain('Hej! Vi återkopplar senast onsdag 9 september 2026.');
    const row = await statusOf(t, id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(1);
    expect(row.sent_at).toBeInstanceOf(Date);

    // Nothing left: a second round sends nothing more.
    const before = smtp.received.length;
    await deliverPendingMail(t.db, transport, { baseUrl: 'https://insyn.example.se', tenantId: tenant.id });
    expect(smtp.received.length).toBe(before);
  });

  it('delivers a resident’s receipt: case number, date in words and tracking link', async () => {
    const tt = await createTestTenant(t.db, 'Kvittokommun');
    await createCategory(tt.system, { code: 'ovrigt', name: 'Övrigt', unitId: tt.rootId }, { db: t.db });
    const created = await createCase(
      null,
      { type: 'question', category: 'ovrigt', message: 'Hej', contact: { email: 'kvitto@example.org' } },
      { db: t.db, tenantId: tt.tenant.id, trackingUrl: (token) => `https://insyn.example.se/${tt.tenant.slug}/cases/track/${token}` },
    );
    await deliverPendingMail(t.db, smtpTransport(smtp.url), { baseUrl: 'https://insyn.example.se', tenantId: tt.tenant.id });
    const mail = smtp.received.find((r) => r.to.includes('kvitto@example.org'));
    expect(mail).toBeDefined();
    const text = decodeQuotedPrintable(mail?.raw ?? '');
    expect(text).toContain(created.case.caseNumber);
    expect(text).toContain(`Vi återkopplar senast ${formatLongDate(created.case.firstResponseDue, 'sv')}.`);
    expect(text).toContain(`https://insyn.example.se/${tt.tenant.slug}/cases/track/${created.trackingToken}`);
  });

  it('never sends one message twice when two workers run at once', async () => {
    const { tenant } = await createTestTenant(t.db);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(
        await enqueueMail(t.db, { tenantId: tenant.id, to: `p${i}@example.org`, subject: `Parallell ${i}`, body: 'x', kind: 'test' }),
      );
    }
    const sentIds: string[] = [];
    const counting = (): MailTransport => ({
      async sendMail(message) {
        await new Promise((r) => setTimeout(r, 2));
        sentIds.push(message.headers?.['X-Insyn-Message-Id'] ?? '');
      },
    });
    await Promise.all([
      deliverPendingMail(t.db, counting(), { baseUrl: 'http://x.example', batchSize: 3, tenantId: tenant.id }),
      deliverPendingMail(t.db, counting(), { baseUrl: 'http://x.example', batchSize: 3, tenantId: tenant.id }),
    ]);
    expect(sentIds.sort()).toEqual([...ids].sort());
    expect(new Set(sentIds).size).toBe(sentIds.length);
  });

  it('takes over a message claimed by a crashed instance once its lease of two minutes has passed', async () => {
    const { tenant } = await createTestTenant(t.db);
    const id = await enqueueMail(t.db, { tenantId: tenant.id, to: 'kvar@example.org', subject: 'Kvar', body: 'x', kind: 'test' });
    // The crashed instance claimed it and never came back.
    expect((await claimPendingMail(t.db, 10, CLAIM_LEASE_SECONDS, tenant.id)).map((m) => m.id)).toEqual([id]);
    const sent: string[] = [];
    const transport: MailTransport = {
      async sendMail(message) {
        sent.push(message.to);
      },
    };
    await deliverPendingMail(t.db, transport, { baseUrl: 'http://x.example', tenantId: tenant.id });
    expect(sent).toEqual([]); // still within its lease
    const claimedAgo = (seconds: number) =>
      t.db
        .updateTable('mail_outbox')
        .set({ claimed_at: sql<Date>`now() - make_interval(secs => ${seconds})` })
        .where('id', '=', id)
        .execute();
    await claimedAgo(3 * 60);
    await deliverPendingMail(t.db, transport, { baseUrl: 'http://x.example', tenantId: tenant.id });
    expect(sent).toEqual(['kvar@example.org']);
    expect(await statusOf(t, id)).toMatchObject({ status: 'sent' });
  });

  it('renews its claim while a slow send goes on, so no other worker sends the message again', async () => {
    const { tenant } = await createTestTenant(t.db);
    const id = await enqueueMail(t.db, { tenantId: tenant.id, to: 'seg@example.org', subject: 'Seg', body: 'x', kind: 'test' });
    const sent: string[] = [];
    const slow: MailTransport = {
      async sendMail(message) {
        await new Promise((r) => setTimeout(r, 3500));
        sent.push(message.to);
      },
    };
    const lease = { baseUrl: 'http://x.example', tenantId: tenant.id, leaseSeconds: 1.5 };
    const first = deliverPendingMail(t.db, slow, lease);
    // Another worker keeps looking while the first one sends; the lease would have lapsed twice.
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 500));
      await deliverPendingMail(t.db, slow, { ...lease, maxBatches: 1 });
    }
    await first;
    expect(sent).toEqual(['seg@example.org']);
    expect(await statusOf(t, id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a failing message later and gives up after the last attempt', async () => {
    const { tenant } = await createTestTenant(t.db);
    const id = await enqueueMail(t.db, { tenantId: tenant.id, to: 'fel@example.org', subject: 'Fel', body: 'x', kind: 'test' });
    const failing: MailTransport = {
      async sendMail(message) {
        if (message.to === 'fel@example.org') throw new Error('550 mailbox unavailable');
      },
    };
    await deliverPendingMail(t.db, failing, { baseUrl: 'http://x.example', tenantId: tenant.id });
    let row = await statusOf(t, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: '550 mailbox unavailable' });
    // Not due again yet: the next round leaves it alone.
    await deliverPendingMail(t.db, failing, { baseUrl: 'http://x.example', tenantId: tenant.id });
    expect((await statusOf(t, id)).attempts).toBe(1);
    // Make every retry due at once and run until it gives up.
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      await t.db.updateTable('mail_outbox').set({ next_attempt_at: null }).where('id', '=', id).execute();
      await deliverPendingMail(t.db, failing, { baseUrl: 'http://x.example', tenantId: tenant.id });
    }
    row = await statusOf(t, id);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('shows the outbox to admins only, and lets an admin queue a failed message again', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const officer = await createTestUser(t.db, tt, [{ role: 'officer', unitId: tt.rootId }]);
    const id = await enqueueMail(t.db, {
      tenantId: tt.tenant.id,
      to: 'visas@example.org',
      subject: 'Syns <i>i</i> utkorgen',
      body: 'x',
      kind: 'test',
    });
    await t.db.updateTable('mail_outbox').set({ status: 'failed', attempts: 5, last_error: 'nope' }).where('id', '=', id).execute();
    // Another tenant's message never shows.
    const other = await createTestTenant(t.db);
    await enqueueMail(t.db, { tenantId: other.tenant.id, to: 'annan@example.org', subject: 'Annan kommun', body: 'x', kind: 'test' });

    const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const page = await t.app.inject({ method: 'GET', url: '/staff/outbox', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('visas@example.org');
    expect(page.body).toContain('Syns &lt;i>i&lt;/i> utkorgen');
    expect(page.body).not.toContain('annan@example.org');
    expect(page.body).toContain('href="/staff/outbox"');

    const { csrf, cookie: c2 } = await formToken(t.app, '/staff/outbox', cookie);
    const f = form({ _csrf: csrf });
    const retry = await t.app.inject({
      method: 'POST',
      url: `/staff/outbox/${id}/retry`,
      headers: { cookie: c2, 'content-type': f['content-type'] },
      payload: f.payload,
    });
    expect(retry.statusCode).toBe(303);
    expect(await statusOf(t, id)).toMatchObject({ status: 'pending', attempts: 0 });

    const officerCookie = await loginCookies(t.app, tt.tenant.slug, officer.email, officer.password);
    const denied = await t.app.inject({ method: 'GET', url: '/staff/outbox', headers: { cookie: officerCookie } });
    expect(denied.statusCode).toBe(403);
  });
});
