// Vitest global setup: on the embedded database, migrate one PGlite once and dump it to a file;
// every test file then starts from that dump (see openTestDatabase) instead of creating a cluster
// and running every migration again — 2.5 s instead of 6–17 s per test file on a 2-core machine.
// The same database is also written to a DATA_DIR that tests of the on-disk database copy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** File holding a dump of a migrated embedded database ('' on PostgreSQL). */
    pgliteTemplate: string;
    /** A DATA_DIR holding the same migrated database on disk, to copy ('' on PostgreSQL). */
    dataDirTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  project.provide('pgliteTemplate', '');
  project.provide('dataDirTemplate', '');
  if (process.env.TEST_DATABASE_URL) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'insyn-pglite-template-'));
  const file = path.join(dir, 'migrated.tar');
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  // On disk, creating a cluster takes even longer (5–18 s here): tests that need a DATA_DIR copy this one.
  const dataDir = path.join(dir, 'data-dir');
  mkdirSync(dataDir);
  const onDisk = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), loadDataDir: dump });
  await onDisk.close();
  project.provide('pgliteTemplate', file);
  project.provide('dataDirTemplate', dataDir);
  return () => rmSync(dir, { recursive: true, force: true });
}
