import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext, freshDataDir, testConfig } from '../../test/helpers.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { openDatabase } from './database.ts';
import { DataDirLockedError, lockDataDir } from './lock.ts';
import { splitSqlStatements } from './migrate.ts';

describe('splitSqlStatements', () => {
  it('splits on semicolons outside quotes, dollar quotes and comments', () => {
    const script = `-- a comment; with a semicolon
CREATE TABLE a (x text DEFAULT 'a;b');
CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
SELECT 'it''s; fine';`;
    expect(splitSqlStatements(script)).toEqual([
      "CREATE TABLE a (x text DEFAULT 'a;b')",
      'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql',
      "SELECT 'it''s; fine'",
    ]);
  });
});

describe('data directory lock', () => {
  it('a second opener in the same process is refused while the first holds it, and may open after release', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'insyn-lock-'));
    // Pretend another live process (our parent) holds it.
    writeFileSync(path.join(dir, 'insyn.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another Insyn process/);
  });

  it('a stale lock of a dead process is taken over', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'insyn-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(path.join(dir, 'insyn.lock'), dead);
    const release = lockDataDir(dir);
    expect(existsSync(path.join(dir, 'insyn.lock'))).toBe(true);
    release();
    expect(existsSync(path.join(dir, 'insyn.lock'))).toBe(false);
  });

  it('the embedded database persists in DATA_DIR and reopens after close', async () => {
    if (process.env.TEST_DATABASE_URL) return;
    // A copy of the migrated template (creating a cluster on disk is covered by the smoke test).
    const dir = freshDataDir('insyn-pglite-');
    const first = await openDatabase({ dataDir: dir });
    await first.db.schema.createTable('kept').addColumn('x', 'integer').execute();
    await first.db
      .insertInto('kept' as never)
      .values({ x: 42 } as never)
      .execute();
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const rows = await second.db
      .selectFrom('kept' as never)
      .selectAll()
      .execute();
    expect(rows).toEqual([{ x: 42 }]);
    await second.close();
  });
});

describe('health', () => {
  it('is 200 ok while the database answers and 503 once it does not', async () => {
    const t = await createTestContext();
    const ok = await t.app.inject({ method: 'GET', url: '/health' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ok' });
    await t.db.destroy();
    const down = await t.app.inject({ method: 'GET', url: '/health' });
    expect(down.statusCode).toBe(503);
    await t.app.close();
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const t = await createTestContext();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/org-units', '/api/v1/calendar/holidays', '/health']));
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/staff'))).toBe(false);
    await t.close();
  });
});

describe('config', () => {
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc', SESSION_SECRET: 'x'.repeat(40) })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', SESSION_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmpdir() })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmpdir() })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ TRUST_PROXY: 'true', SESSION_SECRET: 'x'.repeat(40) })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short', SESSION_SECRET: 'x'.repeat(40) })).toThrow(/METRICS_TOKEN/);
  });

  it('takes DATABASE_READ_URL only beside DATABASE_URL, and never repeats a URL (it may hold a password)', () => {
    const secret = 'x'.repeat(40);
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://r@replica/insyn', SESSION_SECRET: secret })).toThrow(/DATABASE_URL too/);
    const both = loadConfig({
      DATABASE_URL: 'postgres://p@primary/insyn',
      DATABASE_READ_URL: 'postgres://r@replica/insyn',
      SESSION_SECRET: secret,
    });
    expect(both.databaseReadUrl).toBe('postgres://r@replica/insyn');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:hunter2@[bad', SESSION_SECRET: secret })).toThrow(/DATABASE_URL must be a URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:hunter2@[bad', SESSION_SECRET: secret })).not.toThrow(/hunter2/);
  });

  it('reads TRUST_PROXY as off, a hop count or a list of proxy addresses', () => {
    const trust = (value: string | undefined) => loadConfig({ TRUST_PROXY: value, SESSION_SECRET: 'x'.repeat(40) }).trustProxy;
    expect(trust(undefined)).toBe(false);
    expect(trust('off')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 127.0.0.1')).toBe('10.0.0.0/8,127.0.0.1');
    expect(trust('loopback')).toBe('loopback');
  });

  it('generates and keeps a session secret in DATA_DIR in development', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'insyn-cfg-'));
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(a.sessionSecret).toHaveLength(64);
    expect(b.sessionSecret).toBe(a.sessionSecret);
  });
});

describe('metrics', () => {
  const token = 'metrics-token-0123456789abcdef';

  it('only with METRICS_TOKEN, and only for a scraper presenting it: Prometheus text labelled by route pattern', async () => {
    const t = await createTestContext({ METRICS_TOKEN: token });
    const without = await buildApp({ ...t.ctx, config: testConfig() }, { logger: false });
    try {
      await t.app.inject({ method: 'GET', url: '/api/v1/calendar/add-working-days?date=2026-04-02&days=2' });
      const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('insyn_http_request_duration_seconds_bucket');
      expect(res.body).toContain('route="/api/v1/calendar/add-working-days"');
      expect(res.body).not.toContain('date=2026');
      const anonymous = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.body).not.toContain('insyn_http');
      const wrong = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}x` } });
      expect(wrong.statusCode).toBe(401);
      // Without the setting there is no /metrics at all.
      const off = await without.inject({ method: 'GET', url: '/metrics' });
      expect(off.statusCode).toBe(404);
      expect(off.body).not.toContain('insyn_http');
    } finally {
      await without.close();
      await t.close();
    }
  });
});
