// The person searched for never reaches the request log (the real pino output of real requests is
// searched for the e-mail and the phone number), and the register extract prints as a tagged PDF.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestTenant, createTestUser, formToken, loginCookies } from '../../../test/helpers.ts';
import { useLoggedApp } from '../../../test/log-capture.ts';
import { caseFixture, question } from '../cases/cases.fixtures.ts';
import { createCase } from '../cases/cases.service.ts';

const FORM = 'application/x-www-form-urlencoded';
const logged = useLoggedApp();
const { logOf } = logged;

describe('a person’s data and the request log', () => {
  it('logs neither the e-mail nor the phone number of a search, an export, a refused erasure or a bad request', async () => {
    const t = await createTestTenant(logged.handle.db, 'Loggby kommun');
    await caseFixture(logged.handle.db, t);
    const email = 'greta.loggsson@example.se';
    const phone = '070-555 12 34';
    const made = await createCase(t.system, question({ contact: { email, phone } }), { db: logged.handle.db });
    const admin = await createTestUser(logged.handle.db, t, [{ role: 'admin' }]);
    const cookie = await loginCookies(logged.app, t.tenant.slug, admin.email, admin.password);
    const { csrf, cookie: jar } = await formToken(logged.app, '/staff/person', cookie);
    const post = (url: string, values: Record<string, string>) =>
      logged.app.inject({
        method: 'POST',
        url,
        headers: { cookie: jar, 'content-type': FORM },
        payload: new URLSearchParams({ _csrf: csrf, ...values }).toString(),
      });
    const log = await logOf(async () => {
      expect((await post('/staff/person', { email, phone })).statusCode).toBe(200);
      expect((await post('/staff/person/extract', { email, phone, format: 'json' })).statusCode).toBe(200);
      expect((await post('/staff/person/erase', { email, phone, kind: 'case', id: made.case.id, confirmed: 'yes' })).statusCode).toBe(403);
      expect((await post('/staff/person', { email: `${email}\u0000`, phone })).statusCode).toBe(400);
      const api = await logged.app.inject({
        method: 'POST',
        url: '/api/v1/persons/export',
        headers: admin.auth,
        payload: { email, phone },
      });
      expect(api.statusCode).toBe(200);
    });
    expect(log).toContain('/staff/person');
    expect(log).toContain('/api/v1/persons/export');
    expect(log.toLowerCase()).not.toContain('greta');
    // The number as typed, as a form or a URL encodes it, and normalised (+46…); not just "555",
    // which a log line's timestamp or response time may hold.
    for (const form of ['555 12 34', '555+12+34', '555%2012%2034', '5551234', '705551234']) expect(log).not.toContain(form);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('prints the register extract as a tagged PDF', { timeout: 60_000 }, async () => {
    const t = await createTestTenant(logged.handle.db, 'Pdfby kommun');
    await caseFixture(logged.handle.db, t);
    await createCase(t.system, question({ contact: { email: 'pdf@example.se' } }), { db: logged.handle.db });
    const admin = await createTestUser(logged.handle.db, t, [{ role: 'admin' }]);
    const cookie = await loginCookies(logged.app, t.tenant.slug, admin.email, admin.password);
    const { csrf, cookie: jar } = await formToken(logged.app, '/staff/person', cookie);
    const res = await logged.app.inject({
      method: 'POST',
      url: '/staff/person/extract',
      headers: { cookie: jar, 'content-type': FORM },
      payload: new URLSearchParams({ _csrf: csrf, email: 'pdf@example.se', phone: '', format: 'pdf' }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/StructTreeRoot');
  });
});
