import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  formToken,
  loginCookies,
  type TestContext,
  usingPostgres,
} from '../../../test/helpers.ts';
import { buildApp } from '../../http/app.ts';
import type { App } from '../../http/context.ts';
import { listAudit } from '../audit/audit.repo.ts';
import { attemptLogin, refusalText } from './login.fixtures.ts';
import { signInWithPassword } from './login.service.ts';
import { afterFailure, LOGIN_THROTTLE, type LoginFailureState, loginGate } from './login-throttle.ts';

let t: TestContext;
/**
 * The same app on a clock the tests set: time is an input. It starts at the real time because
 * stale throttle rows (a day old) are pruned by whoever signs in, also other test files.
 */
let clocked: App;
let clock = Date.now();
beforeAll(async () => {
  t = await createTestContext();
  clocked = await buildApp({ ...t.ctx, now: () => new Date(clock) }, { logger: false });
  await clocked.ready();
  // Two apps on one embedded database: more than the usual hook time on a loaded machine.
}, 120_000);
afterAll(async () => {
  await clocked.close();
  await t.close();
});

const MINUTE = 60_000;

describe('login throttle rules', () => {
  it('a few failures are free, then each attempt waits twice as long, then the account locks', () => {
    const start = new Date('2026-03-02T08:00:00Z');
    let state: LoginFailureState | undefined;
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) {
      expect(loginGate(state, start).allowed).toBe(true);
      state = afterFailure(state, start);
    }
    const gate = loginGate(state, start);
    expect(gate).toEqual({ allowed: false, locked: false, retryAt: new Date(start.getTime() + 1000) });
    state = afterFailure(state, new Date(start.getTime() + 1000));
    expect(loginGate(state, new Date(start.getTime() + 2999)).allowed).toBe(false);
    expect(loginGate(state, new Date(start.getTime() + 3000)).allowed).toBe(true);
    const locked = afterFailure({ failures: LOGIN_THROTTLE.lockAfter - 1, lastFailedAt: start, lockedUntil: null }, start);
    expect(loginGate(locked, new Date(start.getTime() + 14 * MINUTE))).toMatchObject({ allowed: false, locked: true });
    expect(loginGate(locked, new Date(start.getTime() + 15 * MINUTE)).allowed).toBe(true);
    // A day later the failures are forgotten.
    expect(afterFailure(locked, new Date(start.getTime() + 24 * 60 * MINUTE)).failures).toBe(1);
  });

  it('however the attempts are spread, at most 14 passwords are tried in an hour', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 * MINUTE }), { minLength: 1, maxLength: 300 }), (offsets) => {
        const start = Date.UTC(2026, 2, 2, 8);
        let state: LoginFailureState | undefined;
        let tried = 0;
        for (const offset of [...offsets].sort((a, b) => a - b)) {
          const now = new Date(start + offset);
          if (!loginGate(state, now).allowed) continue;
          tried += 1;
          state = afterFailure(state, now);
        }
        // 10 until the lock, then one after each 15-minute lock within the hour.
        return tried <= LOGIN_THROTTLE.lockAfter + 4;
      }),
    );
  });
});

describe('login throttled per account', () => {
  it('54 wrong passwords from as many addresses, then the right one, does not sign in', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const guess = (email: string, password: string) => attemptLogin(clocked, { tenant: tt.tenant.slug, email, password });
    const statuses: number[] = [];
    for (let i = 0; i < 54; i++) statuses.push((await guess(user.email, `fel-${i}`)).statusCode);
    expect(statuses.slice(0, LOGIN_THROTTLE.freeFailures)).toEqual(Array(LOGIN_THROTTLE.freeFailures).fill(401));
    expect(statuses.slice(LOGIN_THROTTLE.freeFailures).every((s) => s === 429)).toBe(true);
    const right = await guess(user.email, user.password);
    expect(right.statusCode).toBe(429);
    expect(right.cookies.find((c) => c.name === 'insyn.sid')).toBeUndefined();
    expect(right.headers['retry-after']).toBeDefined();
    expect(right.body).toContain('För många misslyckade inloggningar med den här e-postadressen');

    // An address without an account gets the same answers, in the same order.
    const unknown: number[] = [];
    for (let i = 0; i < 54; i++) unknown.push((await guess('ingen.alls@test.example', `fel-${i}`)).statusCode);
    expect(unknown).toEqual(statuses);
    expect(refusalText((await guess('ingen.alls@test.example', 'x')).body)).toBe(refusalText(right.body));
  });

  it('locks after repeated failures; the lock expires by time, and a correct login clears the count', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    let now = Date.now();
    for (let i = 0; i < LOGIN_THROTTLE.lockAfter; i++) {
      const result = await signInWithPassword(t.db, tt.tenant, user.email, 'fel-lösenord', new Date(now));
      expect(result).toEqual({ ok: false, reason: 'invalid' });
      now += 60_000; // past every back-off before the lock
    }
    const lockedAt = now - 60_000;
    const during = await signInWithPassword(t.db, tt.tenant, user.email, user.password, new Date(lockedAt + 14 * MINUTE));
    expect(during).toMatchObject({ ok: false, reason: 'throttled', locked: true });
    const after = await signInWithPassword(t.db, tt.tenant, user.email, user.password, new Date(lockedAt + 15 * MINUTE));
    expect(after.ok).toBe(true);
    // Cleared: the next typo is free again.
    const typo = await signInWithPassword(t.db, tt.tenant, user.email, 'fel', new Date(lockedAt + 16 * MINUTE));
    expect(typo).toEqual({ ok: false, reason: 'invalid' });
  });

  it('over the form: locked after repeated failures, open again by time or by an admin', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const tryPassword = (password: string) => attemptLogin(clocked, { tenant: tt.tenant.slug, email: user.email, password });
    for (let i = 0; i < LOGIN_THROTTLE.lockAfter; i++) {
      expect((await tryPassword(`fel-${i}`)).statusCode).toBe(401);
      clock += MINUTE; // past every back-off before the lock
    }
    const locked = await tryPassword(user.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('be en administratör låsa upp kontot');
    clock += 15 * MINUTE;
    expect((await tryPassword(user.password)).statusCode).toBe(303);

    for (let i = 0; i < LOGIN_THROTTLE.lockAfter; i++) {
      await tryPassword(`fel-${i}`);
      clock += MINUTE;
    }
    expect((await tryPassword(user.password)).statusCode).toBe(429);
    const cookie = await loginCookies(clocked, tt.tenant.slug, admin.email, admin.password);
    const { csrf, cookie: jar } = await formToken(clocked, `/staff/users/${user.id}`, cookie);
    const page = await clocked.inject({ method: 'GET', url: `/staff/users/${user.id}`, headers: { cookie } });
    expect(page.body).toContain(`efter ${LOGIN_THROTTLE.lockAfter} misslyckade inloggningar`);
    const res = await clocked.inject({
      method: 'POST',
      url: `/staff/users/${user.id}`,
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, action: 'unlock' }).payload,
    });
    expect(res.statusCode).toBe(303);
    expect((await tryPassword(user.password)).statusCode).toBe(303);
    const audit = (await listAudit(t.db, tt.tenant.id)).filter((a) => a.action === 'unlock');
    expect(audit.map((a) => [a.entity_id, a.actor_label])).toEqual([[user.id, admin.email]]);
  });

  it('the unlock API lifts the lock (admin only)', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const user = await createTestUser(t.db, tt, [{ role: 'officer', unitId: tt.rootId }]);
    const now = new Date();
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures + 1; i++) await signInWithPassword(t.db, tt.tenant, user.email, 'fel', now);
    expect((await signInWithPassword(t.db, tt.tenant, user.email, user.password, now)).ok).toBe(false);
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/unlock`, headers: user.auth });
    expect(refused.statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/unlock`, headers: admin.auth });
    expect(res.json()).toEqual({ unlocked: true });
    expect((await signInWithPassword(t.db, tt.tenant, user.email, user.password, now)).ok).toBe(true);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/unlock`, headers: admin.auth });
    expect(again.json()).toEqual({ unlocked: false });
  });

  it('an unknown address costs a password check too, so the time does not tell it apart', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const now = new Date();
    const time = async (email: string) => {
      const start = performance.now();
      await signInWithPassword(t.db, tt.tenant, email, 'fel-lösenord', now);
      return performance.now() - start;
    };
    await time('uppvärmning@test.example');
    // Known and unknown measured in turns, so a change of the machine's load hits both alike;
    // the median of the pairs' ratios. Five: the free failures before the throttle (a throttled
    // attempt is refused before any check and would look fast).
    const ratios: number[] = [];
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) {
      const known = await time(user.email);
      ratios.push((await time(`ingen-${i}@test.example`)) / known);
    }
    const ratio = ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? 0;
    // Without the dummy verification an unknown address answers tens of times faster (≈ 0.02).
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(4);
  });

  it.skipIf(!usingPostgres)('parallel guesses cannot pass the gate together (PostgreSQL)', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signInWithPassword(t.db, tt.tenant, user.email, `fel-${i}`, now)),
    );
    const tried = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    expect(tried).toBe(LOGIN_THROTTLE.freeFailures);
  });
});

describe('login form', () => {
  it('answers a repeated or malformed field with 400 and a message, not a 500', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const base = `tenant=${tt.tenant.slug}&password=${encodeURIComponent(user.password)}`;
    for (const payload of [
      `${base}&email=a%40test.example&email=b%40test.example`,
      `tenant=${tt.tenant.slug}&tenant=x&email=${user.email}&password=x`,
      `${base}&email=a%00%40test.example`,
      `${base}&email=${user.email}&password=zz`,
    ]) {
      const res = await attemptLogin(t.app, payload);
      expect(res.statusCode, payload).toBe(400);
      // The edge guard (src/http/input.ts) or the login form's own check: both say what is wrong.
      expect(res.body).toMatch(/Formuläret kom fram skadat|kan sparas/);
    }
  });

  it('asks for the organisation instead of picking one, and remembers it after a login', async () => {
    const tt = await createTestTenant(t.db, 'Minkommun');
    await createTestTenant(t.db, 'Annankommun');
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const fresh = await t.app.inject({ method: 'GET', url: '/staff/login' });
    expect(fresh.body).toMatch(/<option value(="")?>Välj organisation<\/option>/);
    expect(fresh.body).not.toMatch(/<option[^>]+selected/);
    const missing = await attemptLogin(t.app, { tenant: '', email: user.email, password: user.password });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Välj din organisation.');

    const linked = await t.app.inject({ method: 'GET', url: `/staff/login?org=${tt.tenant.slug}` });
    expect(linked.body).toContain(`<option value="${tt.tenant.slug}" selected>Minkommun</option>`);

    const ok = await attemptLogin(t.app, { tenant: tt.tenant.slug, email: user.email, password: user.password });
    const remembered = ok.cookies.find((c) => c.name === 'insyn.org');
    expect(remembered).toMatchObject({ value: tt.tenant.slug, httpOnly: true, path: '/staff/login' });
    const back = await t.app.inject({ method: 'GET', url: '/staff/login', headers: { cookie: `insyn.org=${tt.tenant.slug}` } });
    expect(back.body).toContain(`<option value="${tt.tenant.slug}" selected>Minkommun</option>`);
    expect(back.body).not.toContain('Välj organisation</option>');
    // A remembered name that no longer exists asks again.
    const stale = await t.app.inject({ method: 'GET', url: '/staff/login', headers: { cookie: 'insyn.org=finns-inte' } });
    expect(stale.body).toContain('Välj organisation</option>');
  });
});
