// The `insyn` command line: database and account chores for operators.
// Works against DATABASE_URL at any time, and against the embedded database while no server holds it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { ConfigError, loadConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { DataDirLockedError, lockDataDir } from '../db/lock.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { describeDemoUsers, seedDemo } from '../db/seed/demo.ts';
import { AppError } from '../http/errors.ts';
import { createApiToken, createUser, findUserByEmail, grantRole } from '../modules/accounts/accounts.service.ts';
import { ROLES, systemActor } from '../modules/accounts/actor.ts';
import { generateBenchCases } from '../modules/cases/cases.bench-data.ts';
import { getUnit } from '../modules/org/org.service.ts';
import { createTenant, requireTenant } from '../modules/tenants/tenants.service.ts';

const USAGE = `Usage: insyn <command> [options]

Commands:
  migrate                                   Apply database migrations
  seed-demo                                 Load the demo municipalities (once)
  create-tenant --name N --slug S [--org-number NNNNNN-NNNN] [--language sv|fi|en]
                                            Create a municipality (with its council as the root unit)
  create-user --tenant S --email E --role R [--unit ID] [--name N]
                                            Create a local account; prints a generated password
  create-api-token --tenant S --email E [--name N]
                                            Create a personal API token; prints it on the last line
  backup --out FILE.tar.gz                 Embedded database: write it to one archive (the server must be stopped)
  restore --from FILE.tar.gz               Embedded database: load an archive into an empty DATA_DIR
  bench-data --tenant S --cases N [--years Y] [--until YYYY-MM-DD]
                                            Generate N realistic cases over Y years (default 2) for load tests

Roles: ${ROLES.join(', ')}
Environment: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded database, default ./data)`;

export class UsageError extends Error {}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Missing --${name}`);
  return value.trim();
}

async function withDatabase<T>(fn: (handle: DatabaseHandle) => Promise<T>, migrate = true): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    if (migrate) await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

export async function run(argv: string[], out: (line: string) => void = console.log): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      'org-number': { type: 'string' },
      language: { type: 'string' },
      tenant: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      cases: { type: 'string' },
      years: { type: 'string' },
      until: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    out(USAGE);
    return;
  }
  switch (command) {
    case 'migrate':
      return withDatabase(async ({ db }) => {
        const { applied } = await migrateToLatest(db);
        out(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      }, false);
    case 'seed-demo':
      return withDatabase(async ({ db }) => {
        const report = await seedDemo(db);
        out(report.created ? describeDemoUsers(report) : 'The demo data is already there.');
      });
    case 'create-tenant': {
      const name = required(values, 'name');
      const slug = required(values, 'slug');
      return withDatabase(async ({ db }) => {
        const input = {
          name,
          slug,
          ...(values['org-number'] ? { orgNumber: values['org-number'] } : {}),
          ...(values.language ? { defaultLanguage: values.language as 'sv' } : {}),
        };
        const tenant = await createTenant(input, { db }, 'cli');
        out(`Created ${tenant.name} (${tenant.slug}), id ${tenant.id}`);
      });
    }
    case 'create-user': {
      const slug = required(values, 'tenant');
      const email = required(values, 'email');
      const role = required(values, 'role');
      if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      return withDatabase(async ({ db }) => {
        const tenant = await requireTenant(db, slug);
        const actor = systemActor(tenant);
        // Check the unit first so a bad --unit leaves no account without a role behind.
        if (values.unit) {
          if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.unit))
            throw new UsageError('--unit must be a unit id (uuid)');
          await getUnit(db, tenant.id, values.unit);
        }
        const user = await createUser(actor, { email, name: values.name ?? email.split('@')[0] }, { db });
        await grantRole(actor, user.id, { role, unitId: values.unit ?? null }, { db });
        out(`Created ${user.email} with role ${role}${values.unit ? ` on unit ${values.unit}` : ''} in ${tenant.slug}`);
        out(`Password (shown once): ${user.generatedPassword ?? ''}`);
      });
    }
    case 'create-api-token': {
      const slug = required(values, 'tenant');
      const email = required(values, 'email');
      return withDatabase(async ({ db }) => {
        const tenant = await requireTenant(db, slug);
        const user = await findUserByEmail(db, tenant.id, email.toLowerCase());
        if (!user) throw new UsageError(`No user ${email} in ${slug}`);
        const created = await createApiToken(db, { tenantId: tenant.id, userId: user.id, label: 'cli' }, values.name ?? 'CLI');
        out(`API token for ${user.email} (shown once; send as "Authorization: Bearer <token>"):`);
        out(created.token);
      });
    }
    case 'backup': {
      const file = required(values, 'out');
      const config = loadConfig();
      if (config.databaseUrl) throw new UsageError('DATABASE_URL is set: back up PostgreSQL with pg_dump -Fc (docs/OPERATIONS.md)');
      if (!existsSync(path.join(config.dataDir, 'pglite'))) throw new UsageError(`No embedded database in ${config.dataDir}`);
      // The lock refuses while the server runs: PGlite lives in that process's memory, and a copy
      // of its files taken beside it would not be consistent.
      const release = lockDataDir(config.dataDir);
      try {
        const pglite = await PGlite.create({ dataDir: path.join(config.dataDir, 'pglite') });
        const archive = await pglite.dumpDataDir('gzip');
        await pglite.close();
        writeFileSync(file, Buffer.from(await archive.arrayBuffer()), { mode: 0o600 });
        out(`Backed up ${config.dataDir} to ${file} (${Math.round(archive.size / 1024)} kB)`);
      } finally {
        release();
      }
      return;
    }
    case 'restore': {
      const file = required(values, 'from');
      const config = loadConfig();
      if (config.databaseUrl) throw new UsageError('DATABASE_URL is set: restore PostgreSQL with pg_restore (docs/OPERATIONS.md)');
      const target = path.join(config.dataDir, 'pglite');
      if (existsSync(target) && readdirSync(target).length > 0)
        throw new UsageError(`${target} is not empty: restore into a new DATA_DIR and switch to it`);
      const release = lockDataDir(config.dataDir);
      try {
        const pglite = await PGlite.create({ dataDir: target, loadDataDir: new Blob([readFileSync(file)]) });
        const { rows } = await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM tenants');
        await pglite.close();
        out(`Restored ${file} into ${config.dataDir} (${rows[0]?.n ?? 0} municipalities)`);
      } finally {
        release();
      }
      return;
    }
    case 'bench-data': {
      const slug = required(values, 'tenant');
      const cases = Number(required(values, 'cases'));
      const years = Number(values.years ?? '2');
      if (!Number.isSafeInteger(cases) || cases < 1 || cases > 20_000_000)
        throw new UsageError('--cases must be a whole number 1–20000000');
      if (!Number.isSafeInteger(years) || years < 1 || years > 20) throw new UsageError('--years must be a whole number 1–20');
      if (values.until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.until)) throw new UsageError('--until must be YYYY-MM-DD');
      return withDatabase(async ({ db }) => {
        const tenant = await requireTenant(db, slug);
        const started = Date.now();
        const result = await generateBenchCases(db, tenant.id, {
          cases,
          years,
          ...(values.until ? { until: values.until } : {}),
          onProgress: (done, total) => out(`${done} / ${total} cases (${((Date.now() - started) / 1000).toFixed(1)} s)`),
        });
        out(
          `Generated ${result.inserted} cases received ${result.from}–${result.to} in ${slug} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      });
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

async function main() {
  try {
    await run(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`insyn: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof AppError) {
      const details = error.fields.map((f) => `  ${f.field}: ${f.message}`).join('\n');
      console.error(`insyn: ${error.message}${details ? `\n${details}` : ''}`);
    } else if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      console.error(`insyn: ${error.message}`);
    } else {
      console.error('insyn:', error);
    }
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
