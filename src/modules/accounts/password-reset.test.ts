// "Forgot password": a single-use, short-lived link through the outbox; the policy on the new password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieHeader,
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  formToken,
  loginCookies,
  mergeCookies,
  type TestContext,
} from '../../../test/helpers.ts';
import { requestPasswordReset, resetPassword } from './password-reset.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ BASE_URL: 'http://insyn.test' });
});
afterAll(async () => {
  await t?.close();
});

async function outboxFor(tenantId: string) {
  return t.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'subject', 'body', 'kind'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .execute();
}

async function askForLink(slug: string, email: string) {
  const { csrf, cookie } = await formToken(t.app, '/staff/password/forgot', '');
  return t.app.inject({
    method: 'POST',
    url: '/staff/password/forgot',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrf, tenant: slug, email }).payload,
  });
}

describe('forgot password', () => {
  it('mails a link through the outbox; the link sets a policy-abiding password once, ends old sessions, and is audited', async () => {
    const tenant = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    const oldSession = await loginCookies(t.app, tenant.tenant.slug, user.email, user.password);

    const unknown = await askForLink(tenant.tenant.slug, 'nobody@test.example');
    const known = await askForLink(tenant.tenant.slug, user.email.toUpperCase());
    expect(unknown.statusCode).toBe(200);
    expect(known.statusCode).toBe(200);
    // The same answer either way: the page does not tell whether the address has an account.
    const message = (body: string) => /<div class="notice" role="status">([\s\S]*?)<\/div>/.exec(body)?.[1];
    expect(message(unknown.body)).toBe(message(known.body));
    const mails = await outboxFor(tenant.tenant.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to_address).toBe(user.email);
    const link = /http:\/\/insyn\.test(\/staff\/password\/reset\?token=[\w-]+)/.exec(mails[0]?.body ?? '')?.[1] ?? '';
    expect(link).not.toBe('');
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const stored = await t.db.selectFrom('password_resets').select('token_hash').where('tenant_id', '=', tenant.tenant.id).execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    const page = await t.app.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    const jar = cookieHeader(page.cookies);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const post = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/staff/password/reset',
        headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: csrf, token, password }).payload,
      });
    const weak = await post('password1234');
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('för vanligt');
    const ok = await post('en ny fras som ingen gissar');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/staff/login?passwordChanged=1');
    const again = await post('en annan fras som ingen gissar');
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('har redan använts');

    const stale = await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie: oldSession, accept: 'text/html' } });
    expect(stale.statusCode).toBe(303);
    await expect(loginCookies(t.app, tenant.tenant.slug, user.email, user.password)).rejects.toThrow();
    const fresh = await loginCookies(t.app, tenant.tenant.slug, user.email, 'en ny fras som ingen gissar');
    expect(mergeCookies(fresh)).toContain('insyn.sid');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', user.id)
      .where('action', 'like', 'password_reset%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['password_reset', 'password_reset_requested']);
  });

  it('refuses a link after 30 minutes, and a newer link ends the older one', async () => {
    const tenant = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    const at = new Date('2030-05-01T10:00:00Z');
    await requestPasswordReset(t.db, t.ctx.config, tenant.tenant, user.email, at);
    await requestPasswordReset(t.db, t.ctx.config, tenant.tenant, user.email, at);
    const tokens = (await outboxFor(tenant.tenant.id)).map((m) => /token=([\w-]+)/.exec(m.body)?.[1] ?? '');
    expect(tokens).toHaveLength(2);
    await expect(resetPassword(t.db, tokens[0] ?? '', 'en helt ny lång fras', new Date(at.getTime() + 60_000))).rejects.toThrow(
      /gäller inte längre/,
    );
    await expect(resetPassword(t.db, tokens[1] ?? '', 'en helt ny lång fras', new Date(at.getTime() + 31 * 60_000))).rejects.toThrow(
      /gäller inte längre/,
    );
    await expect(resetPassword(t.db, tokens[1] ?? '', 'en helt ny lång fras', new Date(at.getTime() + 29 * 60_000))).resolves.toEqual({
      tenantId: tenant.tenant.id,
    });
  });
});
