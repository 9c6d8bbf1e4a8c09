import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDataDir } from '../../test/helpers.ts';
import { run, UsageError } from './insyn.ts';

// The CLI reads DATABASE_URL / DATA_DIR itself: point it at a fresh database per test.
let saved: NodeJS.ProcessEnv;
beforeEach(() => {
  saved = { ...process.env };
  // A copy of a migrated DATA_DIR: creating a cluster on disk (5–18 s here) is the smoke test's part.
  if (!process.env.TEST_DATABASE_URL) process.env.DATA_DIR = freshDataDir('insyn-cli-');
  else process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  process.env.SESSION_SECRET = 'cli-test-secret-long-enough-0123456789';
  // Vite sets BASE_URL to '/' in tests; the CLI would reject it as a URL.
  delete process.env.BASE_URL;
});
afterEach(() => {
  process.env = saved;
});

async function capture(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  await run(args, (line) => lines.push(line));
  return lines;
}

describe('insyn CLI', () => {
  it('creates a tenant, a user with a generated password, and an API token on the last line', async () => {
    const slug = `cli-${Date.now().toString(36)}`;
    expect((await capture(['create-tenant', '--name', 'Clikommun', '--slug', slug]))[0]).toMatch(/^Created Clikommun/);
    const user = await capture(['create-user', '--tenant', slug, '--email', 'Ops@Example.se', '--role', 'admin']);
    expect(user[1]).toMatch(/^Password \(shown once\): \S{16,}$/);
    const token = await capture(['create-api-token', '--tenant', slug, '--email', 'ops@example.se']);
    expect(token.at(-1)).toMatch(/^insyn_[A-Za-z0-9_-]{40,}$/);
  }, 60_000);

  it('says what is wrong with clear errors', async () => {
    await expect(capture(['create-tenant', '--name', 'X'])).rejects.toThrow(UsageError);
    await expect(capture(['create-user', '--tenant', 'x', '--email', 'a@b.se', '--role', 'king'])).rejects.toThrow(/--role must be one of/);
    await expect(capture(['create-tenant', '--name', 'X', '--slug', 'Not Valid!'])).rejects.toThrow(/inte giltiga/);
    await expect(capture(['frobnicate'])).rejects.toThrow(/Unknown command/);
    expect((await capture(['--help']))[0]).toMatch(/^Usage: insyn/);
  }, 60_000);

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'backs up the embedded database and restores it into an empty DATA_DIR',
    async () => {
      const slug = `bak-${Date.now().toString(36)}`;
      await capture(['create-tenant', '--name', 'Backupkommun', '--slug', slug]);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'insyn-bak-')), 'backup.tar.gz');
      expect((await capture(['backup', '--out', file]))[0]).toMatch(/^Backed up/);
      await expect(capture(['restore', '--from', file])).rejects.toThrow(/is not empty/);
      process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'insyn-restored-'));
      expect((await capture(['restore', '--from', file]))[0]).toMatch(/\(1 municipalities\)$/);
      const again = await capture(['create-tenant', '--name', 'Backupkommun', '--slug', slug]).catch((e: Error) => e.message);
      expect(String(again)).toMatch(/upptagen|finns redan|taken/i);
    },
    120_000,
  );
});
