// Hostile input against every form and API route: NUL bytes, lone surrogates, blank names,
// huge numbers, impossible dates and repeated fields. Each must end in a 4xx with a message (or
// be handled), never in a 500, and a refused request stores nothing. Routes are enumerated from
// the app itself, so a new route is swept too; forms are found by reading the real pages.
// Open311 (its own error shapes) and the login form are covered by their modules' tests.
import { sql } from 'kysely';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFixture } from '../src/modules/cases/cases.fixtures.ts';
import { createCase } from '../src/modules/cases/cases.service.ts';
import { createResponseTemplate } from '../src/modules/cases/response-templates.service.ts';
import { createMeeting } from '../src/modules/meetings/meetings.service.ts';
import { createUnit } from '../src/modules/org/org.service.ts';
import { createPromise } from '../src/modules/promises/promises.service.ts';
import {
  cookieHeader,
  createTestContext,
  createTestTenant,
  createTestUser,
  formToken,
  loginCookies,
  mergeCookies,
  type TestContext,
  type TestTenant,
} from './helpers.ts';

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await createTestContext();
  w = await world();
});
afterAll(() => t.close());

interface World {
  tt: TestTenant;
  ids: Record<string, string>;
  token: string;
  bearer: { authorization: string };
  staff: { cookie: string; csrf: string };
  resident: { cookie: string; csrf: string };
}

async function world(): Promise<World> {
  const tt = await createTestTenant(t.db);
  const db = { db: t.db };
  const f = await caseFixture(t.db, tt);
  const board = await createUnit(tt.system, { name: 'Byggnadsnämnden', kind: 'board', parentId: tt.rootId }, db);
  const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
  const other = await createTestUser(t.db, tt, [{ role: 'officer', unitId: f.unitA }]);
  const created = await createCase(
    null,
    { type: 'question', category: 'cat-a', message: 'Hej', language: 'sv' },
    { db: t.db, tenantId: tt.tenant.id },
  );
  const promise = await createPromise(
    tt.system,
    { title: 'Svar inom två dagar', kind: 'policy', unitId: f.unitA1, validFrom: '2026-01-01' },
    db,
  );
  const meeting = await createMeeting(tt.system, { boardUnitId: board.id, meetingDate: '2026-03-12' }, db);
  const template = await createResponseTemplate(tt.system, { title: 'Tack', body: 'Tack för din fråga.' }, db);
  const categories = await t.db.selectFrom('categories').select('id').where('tenant_id', '=', tt.tenant.id).execute();
  const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
  const staff = await formToken(t.app, '/staff', cookie);
  const page = await t.app.inject({ method: 'GET', url: `/${tt.tenant.slug}/cases/new` });
  const resident = { cookie: cookieHeader(page.cookies), csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '' };
  return {
    tt,
    token: created.trackingToken,
    bearer: admin.auth,
    staff,
    resident,
    ids: {
      cases: created.case.id,
      categories: categories[0]?.id ?? '',
      org: f.unitA,
      'org-units': f.unitA,
      users: other.id,
      'response-templates': template.id,
      meetings: meeting.id,
      promises: promise.id,
      outbox: '00000000-0000-4000-8000-000000000000',
    },
  };
}

// ---- the routes --------------------------------------------------------------------------------

interface Route {
  method: string;
  path: string;
}

/** Every route of the app, read from Fastify's own route tree (`printRoutes`, one node a line). */
function routesOf(tree: string): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const at = line.search(/[├└]── /);
    if (at < 0) continue;
    const depth = at / 4;
    const match = /^(\S+)(?: \(([^)]+)\))?$/.exec(line.slice(at + 4).trim());
    if (!match) continue;
    const parent = stack[depth - 1];
    const full = depth === 0 ? match[1] : parent === '/' ? `/${match[1]}` : `${parent}${match[1]}`;
    stack[depth] = full;
    stack.length = depth + 1;
    for (const method of (match[2] ?? '').split(', ').filter(Boolean)) if (method !== 'HEAD') routes.push({ method, path: full });
  }
  return routes;
}

// Open311 answers in GeoReport's shapes and the login form has its own tests; the rest take no input.
const OUT_OF_SCOPE = /^\/(open311\/|staff\/login|staff\/logout|metrics|health|api\/v1\/openapi\.json|\*)/;

function concrete(path: string): string {
  return path
    .replace(':tenant', w.tt.tenant.slug)
    .replace(':token', w.token)
    .replace(':date', '2026-12-28')
    .replace(/\/([a-z-]+)\/:id/, (_, base: string) => `/${base}/${w.ids[base] ?? w.ids.promises}`);
}

const isApi = (path: string) => path.startsWith('/api/');
const isStaff = (path: string) => path.startsWith('/staff');

/** Rows a tenant has in every table a request could write to. */
async function stored(): Promise<string> {
  const tables = ['audit_log', 'cases', 'case_events', 'org_units', 'categories', 'meetings', 'promises', 'promise_versions'];
  const more = ['promise_measurements', 'promise_claims', 'closed_days', 'users', 'response_templates', 'api_tokens', 'mail_outbox'];
  const counts = await Promise.all(
    [...tables, ...more].map(async (table) => {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE tenant_id = ${w.tt.tenant.id}`.execute(
        t.db,
      );
      return `${table}=${r.rows[0]?.n}`;
    }),
  );
  return counts.join(' ');
}

type Body = Record<string, string | string[]>;

async function send(method: string, path: string, options: { query?: string; form?: Body; json?: unknown } = {}) {
  const url = `${concrete(path)}${options.query ? `?${options.query}` : ''}`;
  const headers: Record<string, string> = {};
  if (isApi(path)) Object.assign(headers, w.bearer);
  else headers.cookie = isStaff(path) ? w.staff.cookie : w.resident.cookie;
  if (options.json !== undefined) {
    return t.app.inject({ method: method as 'POST', url, headers, payload: JSON.stringify(options.json), ...{} }).then((r) => r);
  }
  if (options.form) {
    const params = new URLSearchParams();
    params.append('_csrf', isStaff(path) ? w.staff.csrf : w.resident.csrf);
    for (const [k, v] of Object.entries(options.form)) for (const one of [v].flat()) params.append(k, one);
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return t.app.inject({ method: method as 'POST', url, headers, payload: params.toString() });
  }
  return t.app.inject({ method: method as 'GET', url, headers });
}

type Res = { statusCode: number; body: string };
/** Problems found by a sweep, all listed at once. */
const problems: string[] = [];
/** A 4xx with something a person can read, as JSON or as a page. */
function expectRefused(res: Res, what: string, pattern?: RegExp) {
  if (res.statusCode < 400 || res.statusCode >= 500 || res.body.length < 20 || (pattern && !pattern.test(res.body)))
    problems.push(`${what} → ${res.statusCode} ${res.body.slice(0, 200)}`);
}
function expectNo500(res: Res, what: string) {
  if (res.statusCode >= 500) problems.push(`${what} → ${res.statusCode}`);
}
function reported() {
  const found = [...problems];
  problems.length = 0;
  return found;
}

const QUERY_NAMES = ['year', 'page', 'from', 'to', 'date', 'unit', 'status', 'category', 'channel', 'board', 'lang', 'scope', 'days'];
const HUGE = ['1e309', '1e308', '-1e309', 'Infinity', 'NaN', '99999999999999999999'];

describe('hostile query strings on every GET route', () => {
  const gets = () => routesOf(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.method === 'GET' && !OUT_OF_SCOPE.test(r.path));

  it('the sweep reaches the routes it should', () => {
    const paths = gets().map((r) => r.path);
    for (const p of [
      '/staff/cases',
      '/staff/stats',
      '/api/v1/cases',
      '/:tenant/meetings',
      '/:tenant/promises/:id',
      '/api/v1/calendar/holidays',
    ])
      expect(paths).toContain(p);
  });

  it('a NUL byte in any parameter is a 400 with a message, on every GET route', async () => {
    for (const route of gets()) {
      const res = await send('GET', route.path, { query: QUERY_NAMES.map((n) => `${n}=a%00b`).join('&') });
      expectRefused(res, `GET ${route.path} NUL`, /NUL/);
    }
    expect(reported()).toEqual([]);
  });

  it('huge and infinite numbers, impossible dates and repeated parameters never end in a 500', async () => {
    for (const route of gets()) {
      for (const value of [...HUGE, '2026-02-30', '0000-01-01', '%ED%A0%80']) {
        const res = await send('GET', route.path, { query: QUERY_NAMES.map((n) => `${n}=${value}`).join('&') });
        expectNo500(res, `GET ${route.path} ${value}`);
      }
      const twice = await send('GET', route.path, { query: QUERY_NAMES.map((n) => `${n}=2026&${n}=2027`).join('&') });
      expectNo500(twice, `GET ${route.path} repeated`);
    }
    expect(reported()).toEqual([]);
  });
});
