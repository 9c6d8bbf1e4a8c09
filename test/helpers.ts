// Test support: a real database (embedded PGlite in memory, or PostgreSQL when
// TEST_DATABASE_URL is set), migrated, and the real app on it. Each test makes its own tenant
// through the factories, so tests never share mutable data.
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { type DatabaseHandle, type Db, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Role } from '../src/db/schema.ts';
import { buildApp } from '../src/http/app.ts';
import type { App, AppContext } from '../src/http/context.ts';
import { createApiToken, createUser, grantRole, loadActor } from '../src/modules/accounts/accounts.service.ts';
import type { Actor } from '../src/modules/accounts/actor.ts';
import { systemActor } from '../src/modules/accounts/actor.ts';
import { listUnits } from '../src/modules/org/org.service.ts';
import type { Tenant } from '../src/modules/tenants/tenants.repo.ts';
import { createTenant } from '../src/modules/tenants/tenants.service.ts';

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** The migrated embedded database dumped once by test/global-setup.ts, read once per test file. */
let pgliteTemplate: Blob | undefined;
function migratedTemplate(): Blob | undefined {
  const file = inject('pgliteTemplate');
  if (process.env.TEST_DATABASE_URL || !file || !existsSync(file)) return undefined;
  pgliteTemplate ??= new Blob([readFileSync(file)]);
  return pgliteTemplate;
}

/**
 * A fresh DATA_DIR for the embedded database on disk: a copy of the migrated template when the
 * global setup made one (a new cluster on disk takes 5–18 s to create here), else an empty one.
 */
export function freshDataDir(prefix = 'insyn-data-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const template = inject('dataDirTemplate');
  if (template && existsSync(template)) cpSync(template, dir, { recursive: true });
  return dir;
}

export async function openTestDatabase(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, poolSize: 4, loadDataDir: migratedTemplate() });
  // A no-op on the template (it is migrated); creates the schema on PostgreSQL or without one.
  await migrateToLatest(handle.db);
  return handle;
}

export interface TestContext {
  app: App;
  db: Db;
  ctx: AppContext;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-that-is-long-enough-0123456789',
    DATA_DIR: '/nonexistent-insyn-test-dir',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...overrides,
  });
}

/** The real app on a real, migrated database. Call close() in afterAll. */
export async function createTestContext(
  configOverrides: Record<string, string> = {},
  options: { now?: () => Date } = {},
): Promise<TestContext> {
  const handle = await openTestDatabase();
  const ctx: AppContext = { db: handle.db, dbKind: handle.kind, config: testConfig(configOverrides), now: options.now };
  // Own rate-limit counters: test files share one PostgreSQL database and one client address.
  const app = await buildApp(ctx, { logger: false, rateLimitNamespace: `${randomUUID()}|` });
  await app.ready();
  return {
    app,
    db: handle.db,
    ctx,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

export function uniqueSlug(prefix = 't'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export interface TestTenant {
  tenant: Tenant;
  rootId: string;
  /** The tenant's operator (an admin without a user account). */
  system: Actor;
}

export async function createTestTenant(db: Db, name = 'Testkommun'): Promise<TestTenant> {
  const tenant = await createTenant({ name, slug: uniqueSlug() }, { db }, 'test');
  const root = (await listUnits(db, tenant.id)).find((u) => u.kind === 'council');
  if (!root) throw new Error('no council');
  return { tenant, rootId: root.id, system: systemActor(tenant, 'test') };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  actor: Actor;
  token: string;
  /** `Authorization` header for app.inject. */
  auth: { authorization: string };
}

export async function createTestUser(db: Db, t: TestTenant, grants: { role: Role; unitId?: string | null }[]): Promise<TestUser> {
  const password = `pw-${randomUUID()}`;
  const email = `${randomBytes(4).toString('hex')}@test.example`;
  const user = await createUser(t.system, { email, name: `Test ${email}`, password }, { db });
  for (const g of grants) await grantRole(t.system, user.id, { role: g.role, unitId: g.unitId ?? null }, { db });
  const actor = await loadActor(db, t.tenant, user.id);
  if (!actor) throw new Error('no actor');
  const { token } = await createApiToken(db, { tenantId: t.tenant.id, userId: user.id, label: email }, 'test');
  return { id: user.id, email, password, actor, token, auth: { authorization: `Bearer ${token}` } };
}

/** Waits until `check` holds, asking every 50 ms; throws `message` after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 15_000, message = 'timed out'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let clients = 0;
/** A client address no other call got (198.18.0.0/15, the benchmarking range). */
export function newClientAddress(): string {
  clients += 1;
  return `198.18.${(clients >> 8) & 255}.${clients & 255}`;
}

/**
 * Signs in through the login form like a browser; returns the cookie header to send. Each call
 * comes from a client address of its own, so that no test uses up the per-client login limit of
 * another; tests of that limit choose their address.
 */
export async function loginCookies(app: App, tenantSlug: string, email: string, password: string): Promise<string> {
  const remoteAddress = newClientAddress();
  const page = await app.inject({ method: 'GET', url: '/staff/login', remoteAddress });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const jar = cookieHeader(page.cookies);
  const res = await app.inject({
    method: 'POST',
    url: '/staff/login',
    remoteAddress,
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, tenant: tenantSlug, email, password }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`login failed: ${res.statusCode}`);
  return mergeCookies(jar, cookieHeader(res.cookies));
}

export function cookieHeader(cookies: { name: string; value: string }[]): string {
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export function mergeCookies(...headers: string[]): string {
  const map = new Map<string, string>();
  for (const h of headers) {
    for (const part of h.split(/;\s*/).filter(Boolean)) {
      const i = part.indexOf('=');
      map.set(part.slice(0, i), part.slice(i + 1));
    }
  }
  return [...map].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Fetches a staff page and returns its CSRF token and cookies, for a following form post. */
export async function formToken(app: App, url: string, cookie: string): Promise<{ csrf: string; cookie: string }> {
  const page = await app.inject({ method: 'GET', url, headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!csrf) throw new Error(`no CSRF token on ${url} (status ${page.statusCode})`);
  return { csrf, cookie: mergeCookies(cookie, cookieHeader(page.cookies)) };
}

export function form(values: Record<string, string>): { 'content-type': string; payload: string } {
  return { 'content-type': 'application/x-www-form-urlencoded', payload: new URLSearchParams(values).toString() };
}
