import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  loginCookies,
  type TestContext,
  type TestUser,
  usingPostgres,
} from '../../../test/helpers.ts';
import { buildApp } from '../../http/app.ts';
import type { App } from '../../http/context.ts';
import { listAudit } from '../audit/audit.repo.ts';
import { signInWithPassword } from './login.service.ts';
import { LOGIN_THROTTLE } from './login-throttle.ts';
import { setAccountPolicy } from './oidc.service.ts';
import { codeAt, codeStep, enrolFromAccount, passwordStep, postForm, recoveryCodesOnPage, secretOnPage } from './totp.fixtures.ts';
import { checkSecondFactor } from './totp.service.ts';

let t: TestContext;
/** The app on a clock the tests move: a code is a function of the time. */
let app: App;
let clock = Date.now();
const STEP = 30_000;

beforeAll(async () => {
  t = await createTestContext();
  app = await buildApp({ ...t.ctx, now: () => new Date(clock) }, { logger: false, rateLimitNamespace: `${randomUUID()}|` });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

async function actions(tenantId: string) {
  return (await listAudit(t.db, tenantId, 500)).map((a) => ({ action: a.action, entityId: a.entity_id, data: a.data }));
}

/** Is the cookie a signed-in session? "Mitt konto" opens only then. */
async function signedIn(cookie: string): Promise<boolean> {
  return (await app.inject({ method: 'GET', url: '/staff/account', headers: { cookie } })).statusCode === 200;
}

/** A user with the factor on, enrolled from "Mitt konto", the clock moved past the enrolment's code. */
async function enrolledUser(role: 'admin' | 'reader' = 'reader') {
  const tt = await createTestTenant(t.db);
  const user = await createTestUser(t.db, tt, [{ role }]);
  const cookie = await loginCookies(app, tt.tenant.slug, user.email, user.password);
  const enrolled = await enrolFromAccount(app, cookie, clock);
  clock += STEP;
  return { tt, user, ...enrolled };
}

async function signInWithCode(tenant: string, user: TestUser, code: string) {
  const first = await passwordStep(app, tenant, user.email, user.password);
  const second = await codeStep(app, first.cookie, code);
  return { first, second };
}

describe('TOTP second factor', () => {
  it('enrols from "Mitt konto" with a QR code and a key, stores the secret sealed, and then login needs a code', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const cookie = await loginCookies(app, tt.tenant.slug, user.email, user.password);
    const account = await app.inject({ method: 'GET', url: '/staff/account', headers: { cookie } });
    expect(account.body).toContain('Slå på tvåstegsverifiering');

    const { secret, recoveryCodes, page, done } = await enrolFromAccount(app, cookie, clock);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<img src="/staff/account/totp/qr.svg"');
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(done.headers['cache-control']).toBe('no-store');
    // Sealed at rest: neither the key nor a recovery code is in the database in clear.
    const row = await t.db.selectFrom('user_totp').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.secret_enc.startsWith('v1.')).toBe(true);
    expect(row.secret_enc).not.toContain(secret);
    const hashes = await t.db.selectFrom('totp_recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
    expect(hashes).toHaveLength(10);
    for (const code of recoveryCodes) expect(JSON.stringify(hashes)).not.toContain(code.replace(/-/g, ''));
    // Once on, the enrolment page and its QR code are gone.
    expect((await app.inject({ method: 'GET', url: '/staff/account/totp/qr.svg', headers: { cookie } })).statusCode).toBe(404);

    // The code that confirmed the enrolment is spent; the next step's code signs in.
    const replayed = await signInWithCode(tt.tenant.slug, user, codeAt(secret, clock));
    expect(replayed.first.res.statusCode).toBe(303);
    expect(replayed.first.res.headers.location).toBe('/staff/login/code');
    expect(await signedIn(replayed.first.cookie)).toBe(false);
    expect(replayed.second.res.statusCode).toBe(401);
    clock += STEP;
    const second = await codeStep(app, replayed.first.cookie, codeAt(secret, clock));
    expect(second.res.statusCode).toBe(303);
    expect(second.res.headers.location).toBe('/staff');
    expect(await signedIn(second.cookie)).toBe(true);
    const audit = await actions(tt.tenant.id);
    expect(audit.some((a) => a.action === 'totp_enrol' && a.entityId === user.id)).toBe(true);
    expect(audit.filter((a) => a.action === 'login').map((a) => a.data)).toContainEqual({ method: 'password', secondFactor: 'totp' });
    expect(audit.filter((a) => a.action === 'login_failed').map((a) => a.data)).toContainEqual({ method: 'totp', reason: 'replayed' });
  });

  it('the QR code is an SVG image at a same-origin URL, only for the own pending enrolment', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const cookie = await loginCookies(app, tt.tenant.slug, user.email, user.password);
    expect((await app.inject({ method: 'GET', url: '/staff/account/totp/qr.svg', headers: { cookie } })).statusCode).toBe(404);
    const start = await postForm(app, '/staff/account', '/staff/account/totp', cookie, { action: 'start' });
    const qr = await app.inject({ method: 'GET', url: '/staff/account/totp/qr.svg', headers: { cookie: start.cookie } });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toMatch(/^<svg /);
    expect(qr.body).not.toMatch(/style|script/i);
    expect((await app.inject({ method: 'GET', url: '/staff/account/totp/qr.svg' })).statusCode).toBe(401);
    // A wrong first code does not turn it on.
    const page = await app.inject({ method: 'GET', url: '/staff/account/totp', headers: { cookie: start.cookie } });
    const wrong = await postForm(app, '/staff/account/totp', '/staff/account/totp', start.cookie, { action: 'confirm', code: '000000' });
    const right = codeAt(secretOnPage(page.body), clock);
    expect(wrong.res.statusCode).toBe(right === '000000' ? 200 : 400);
    expect(wrong.res.body).toContain('Koden stämmer inte');
    expect((await signInWithPassword(t.db, tt.tenant, user.email, user.password, new Date(clock))).ok).toBe(true);
  });

  it('a wrong code is refused and audited, and the session stays signed out', async () => {
    const { tt, user, secret } = await enrolledUser();
    const right = codeAt(secret, clock);
    const wrong = right === '123456' ? '654321' : '123456';
    const { first, second } = await signInWithCode(tt.tenant.slug, user, wrong);
    expect(second.res.statusCode).toBe(401);
    expect(second.res.body).toContain('Koden stämmer inte');
    expect(await signedIn(second.cookie)).toBe(false);
    const malformed = await codeStep(app, first.cookie, 'inte en kod');
    expect(malformed.res.statusCode).toBe(401);
    const audit = await actions(tt.tenant.id);
    expect(audit.filter((a) => a.action === 'login_failed').map((a) => a.data)).toContainEqual({ method: 'totp', reason: 'wrong_code' });
    expect(audit.some((a) => a.action === 'login')).toBe(true); // only the enrolling login, without a factor
    expect(audit.filter((a) => a.action === 'login').every((a) => !('secondFactor' in (a.data as object)))).toBe(true);
  });

  it('a code is taken once: the same code in its window is refused, the next step signs in', async () => {
    // At the start of a step, so that the steps below are the ones named.
    clock = Math.ceil(clock / STEP) * STEP + 1_000;
    const { tt, user, secret } = await enrolledUser();
    const code = codeAt(secret, clock);
    expect((await signInWithCode(tt.tenant.slug, user, code)).second.res.statusCode).toBe(303);
    clock += 5_000; // the same 30-second step
    const again = await signInWithCode(tt.tenant.slug, user, code);
    expect(again.second.res.statusCode).toBe(401);
    // An older code (still within the drift window) is refused as well.
    clock += STEP;
    expect((await codeStep(app, again.first.cookie, codeAt(secret, clock - STEP))).res.statusCode).toBe(401);
    expect((await codeStep(app, again.first.cookie, codeAt(secret, clock))).res.statusCode).toBe(303);
  });

  it('a recovery code signs in once, is audited, and cannot be used again', async () => {
    const { tt, user, recoveryCodes } = await enrolledUser();
    const [code] = recoveryCodes;
    if (!code) throw new Error('no recovery code');
    const used = await signInWithCode(tt.tenant.slug, user, code.toLowerCase().replace(/-/g, ' '));
    expect(used.second.res.statusCode).toBe(303);
    const landing = await app.inject({ method: 'GET', url: '/staff', headers: { cookie: used.second.cookie } });
    expect(landing.body).toContain('9 återstår');
    const again = await signInWithCode(tt.tenant.slug, user, code);
    expect(again.second.res.statusCode).toBe(401);
    const audit = await actions(tt.tenant.id);
    expect(audit.filter((a) => a.action === 'totp_recovery_used').map((a) => a.data)).toEqual([{ left: 9 }]);
    expect(audit.filter((a) => a.action === 'login').map((a) => a.data)).toContainEqual({ method: 'password', secondFactor: 'recovery' });
    const account = await app.inject({ method: 'GET', url: '/staff/account', headers: { cookie: used.second.cookie } });
    expect(account.body).toContain('Du har 9 oanvända reservkoder');
  });

  it('wrong codes count toward the lock-out; a right password does not reset it', async () => {
    const { tt, user, secret } = await enrolledUser();
    const first = await passwordStep(app, tt.tenant.slug, user.email, user.password);
    const right = codeAt(secret, clock);
    const wrong = right === '111111' ? '222222' : '111111';
    // The password attempt counts until the code is right: with it, the free failures are used up.
    for (let i = 1; i < LOGIN_THROTTLE.freeFailures; i++) expect((await codeStep(app, first.cookie, wrong)).res.statusCode).toBe(401);
    const throttled = await codeStep(app, first.cookie, right);
    expect(throttled.res.statusCode).toBe(429);
    expect(throttled.res.headers['retry-after']).toBeDefined();
    expect(throttled.res.body).toContain('För många misslyckade inloggningar');
    expect((await passwordStep(app, tt.tenant.slug, user.email, user.password)).res.statusCode).toBe(429);
    clock += 2_000; // past the first back-off
    const ok = await codeStep(app, first.cookie, codeAt(secret, clock));
    expect(ok.res.statusCode).toBe(303);
    const audit = await actions(tt.tenant.id);
    expect(audit.filter((a) => a.action === 'login_failed').map((a) => a.data)).toContainEqual({ method: 'totp', reason: 'throttled' });
    clock += STEP;
  });

  it('a pending sign-in is short-lived', async () => {
    const { tt, user, secret } = await enrolledUser();
    const first = await passwordStep(app, tt.tenant.slug, user.email, user.password);
    clock += 6 * 60_000;
    const page = await app.inject({ method: 'GET', url: '/staff/login/code', headers: { cookie: first.cookie } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/staff/login?stepExpired=1');
    const late = await app.inject({ method: 'GET', url: '/staff/login?stepExpired=1' });
    expect(late.body).toContain('Inloggningen tog för lång tid');
    expect(await signedIn(first.cookie)).toBe(false);
    expect(codeAt(secret, clock)).toMatch(/^\d{6}$/);
  });

  it('turning it off needs a current code or the password', async () => {
    const { tt, user, secret } = await enrolledUser();
    const signIn = await signInWithCode(tt.tenant.slug, user, codeAt(secret, clock));
    clock += STEP;
    const cookie = signIn.second.cookie;
    const refused = await postForm(app, '/staff/account', '/staff/account/totp', cookie, { action: 'disable', password: 'fel-lösenord' });
    expect(refused.res.statusCode).toBe(400);
    expect(refused.res.body).toContain('Ange en aktuell kod från appen');
    const off = await postForm(app, '/staff/account', '/staff/account/totp', cookie, { action: 'disable', code: codeAt(secret, clock) });
    expect(off.res.statusCode).toBe(303);
    expect((await passwordStep(app, tt.tenant.slug, user.email, user.password)).res.headers.location).toBe('/staff');
    expect((await actions(tt.tenant.id)).some((a) => a.action === 'totp_disable' && a.entityId === user.id)).toBe(true);
  });

  it('an admin resets a user’s second factor (audited); others may not', async () => {
    const { tt, user } = await enrolledUser();
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const adminCookie = await loginCookies(app, tt.tenant.slug, admin.email, admin.password);
    const page = await app.inject({ method: 'GET', url: `/staff/users/${user.id}`, headers: { cookie: adminCookie } });
    expect(page.body).toContain('Återställ tvåstegsverifieringen');
    expect((await app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/second-factor/reset`, headers: user.auth })).statusCode).toBe(
      403,
    );
    const reset = await postForm(app, `/staff/users/${user.id}`, `/staff/users/${user.id}/second-factor`, adminCookie, {});
    expect(reset.res.statusCode).toBe(303);
    expect((await passwordStep(app, tt.tenant.slug, user.email, user.password)).res.headers.location).toBe('/staff');
    const again = await app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/second-factor/reset`, headers: admin.auth });
    expect(again.json()).toEqual({ reset: false });
    const audit = (await listAudit(t.db, tt.tenant.id, 500)).filter((a) => a.action === 'totp_reset');
    expect(audit.map((a) => [a.entity_id, a.actor_label])).toEqual([[user.id, admin.email]]);
  });

  it('when the tenant requires it, an admin without a factor enrols right after the password; others and tokens are unaffected', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const reader = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    await setAccountPolicy(tt.system, { localPasswords: true, totpRequiredForAdmins: true }, { db: t.db, config: t.ctx.config });

    const first = await passwordStep(app, tt.tenant.slug, admin.email, admin.password);
    expect(first.res.headers.location).toBe('/staff/login/enrol');
    expect(await signedIn(first.cookie)).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/staff/users', headers: { cookie: first.cookie } })).statusCode).not.toBe(200);
    const page = await app.inject({ method: 'GET', url: '/staff/login/enrol', headers: { cookie: first.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('kräver tvåstegsverifiering av administratörer');
    const qr = await app.inject({ method: 'GET', url: '/staff/login/enrol/qr.svg', headers: { cookie: first.cookie } });
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    const secret = secretOnPage(page.body);
    const right = codeAt(secret, clock);
    const wrong = await postForm(app, '/staff/login/enrol', '/staff/login/enrol', first.cookie, {
      code: right === '999999' ? '888888' : '999999',
    });
    expect(wrong.res.statusCode).toBe(400);
    expect(await signedIn(wrong.cookie)).toBe(false);
    const done = await postForm(app, '/staff/login/enrol', '/staff/login/enrol', first.cookie, { action: 'confirm', code: right });
    expect(done.res.statusCode).toBe(200);
    expect(recoveryCodesOnPage(done.res.body)).toHaveLength(10);
    expect(await signedIn(done.cookie)).toBe(true);

    // A non-admin is not asked; an API token keeps working without a second factor.
    expect((await passwordStep(app, tt.tenant.slug, reader.email, reader.password)).res.headers.location).toBe('/staff');
    expect((await app.inject({ method: 'GET', url: '/api/v1/org-units', headers: admin.auth })).statusCode).toBe(200);
    // From now on the admin signs in with a code.
    clock += STEP;
    expect((await passwordStep(app, tt.tenant.slug, admin.email, admin.password)).res.headers.location).toBe('/staff/login/code');
    const settings = await app.inject({ method: 'GET', url: '/staff/sign-on', headers: { cookie: done.cookie } });
    expect(settings.body).toContain('Inloggning via identitetstjänsten undantas');
  });

  it.skipIf(!usingPostgres)('the same code or recovery code sent at once is taken once (PostgreSQL)', async () => {
    const { tt, user, secret, recoveryCodes } = await enrolledUser();
    const at = new Date(clock);
    const check = (code: string) => checkSecondFactor(t.db, t.ctx.config, tt.tenant.id, user.id, code, at);
    const code = codeAt(secret, clock);
    const sameCode = await Promise.all(Array.from({ length: 4 }, () => check(code)));
    expect(sameCode.filter((r) => r.ok)).toHaveLength(1);
    expect(sameCode.filter((r) => !r.ok && r.reason === 'replayed')).toHaveLength(3);
    const recovery = recoveryCodes[1] ?? '';
    const sameRecovery = await Promise.all(Array.from({ length: 4 }, () => check(recovery)));
    expect(sameRecovery.filter((r) => r.ok)).toHaveLength(1);
    clock += STEP;
  });
});
