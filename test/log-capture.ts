// A test app whose request log (the real pino output) is captured, for tests that search the log
// for what must never be in it (secrets from URLs, a person's data). Registers its own
// beforeAll/afterAll; the fields are set once beforeAll has run.
import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '../src/db/database.ts';
import { buildApp } from '../src/http/app.ts';
import type { App } from '../src/http/context.ts';
import { openTestDatabase, testConfig } from './helpers.ts';

export interface LoggedApp {
  handle: DatabaseHandle;
  app: App;
  /** The log lines written while `request` ran, as one text. */
  logOf(request: () => Promise<unknown>): Promise<string>;
}

export function useLoggedApp(): LoggedApp {
  const lines: string[] = [];
  const logged = {
    logOf: async (request: () => Promise<unknown>) => {
      lines.length = 0;
      await request();
      return lines.join('\n');
    },
  } as LoggedApp;
  beforeAll(async () => {
    logged.handle = await openTestDatabase();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    logged.app = await buildApp(
      { db: logged.handle.db, dbKind: logged.handle.kind, config: testConfig() },
      { logger: { level: 'info' }, logStream: stream, rateLimitNamespace: `${Math.random()}|` },
    );
    await logged.app.ready();
  });
  afterAll(async () => {
    await logged.app?.close();
    await logged.handle?.close();
  });
  return logged;
}
