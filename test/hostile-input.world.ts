// The world the hostile-input sweeps run against: one tenant with something of every kind, a
// signed-in administrator, a resident's session, and the helpers that send a request and check
// its answer. Each sweep file (hostile-*.test.ts) builds its own world in beforeAll, so the three
// sweeps run in parallel test workers.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { addClosedDay } from '../src/modules/calendar/calendar.service.ts';
import { caseFixture } from '../src/modules/cases/cases.fixtures.ts';
import { createCase } from '../src/modules/cases/cases.service.ts';
import { createResponseTemplate } from '../src/modules/cases/response-templates.service.ts';
import { createMeeting } from '../src/modules/meetings/meetings.service.ts';
import { createUnit } from '../src/modules/org/org.service.ts';
import { saveLogo } from '../src/modules/portal/portal.settings.ts';
import { createPromise } from '../src/modules/promises/promises.service.ts';
import { satisfactionWorld } from '../src/modules/satisfaction/satisfaction.fixtures.ts';
import {
  cookieHeader,
  createTestContext,
  createTestTenant,
  createTestUser,
  formToken,
  loginCookies,
  type TestContext,
  type TestTenant,
} from './helpers.ts';
import type { Body } from './hostile-input.fixtures.ts';

export let t: TestContext;
export let w: World;
/** Builds the world before the file's tests and closes the app after them. */
export function useHostileWorld(): void {
  beforeAll(async () => {
    t = await createTestContext();
    w = await world();
  }, 180_000);
  afterAll(() => t.close());
}

export interface World {
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
  // The administrator also reports for unit A, so the goals report page shows its follow-up items.
  const admin = await createTestUser(t.db, tt, [{ role: 'admin' }, { role: 'agent', unitId: f.unitA }]);
  const other = await createTestUser(t.db, tt, [{ role: 'officer', unitId: f.unitA }]);
  const created = await createCase(
    null,
    { type: 'question', category: 'cat-a', message: 'Hej', language: 'sv' },
    { db: t.db, tenantId: tt.tenant.id },
  );
  const metric = { type: 'measured_series', valueKind: 'counts' };
  const promise = await createPromise(tt.system, { title: 'Nöjda', kind: 'policy', unitId: f.unitA1, validFrom: '2026-01-01', metric }, db);
  await addClosedDay(tt.system, { date: '2026-12-28', name: 'Klämdag' }, db);
  const meeting = await createMeeting(tt.system, { boardUnitId: board.id, meetingDate: '2026-03-12' }, db);
  const template = await createResponseTemplate(tt.system, { title: 'Tack', body: 'Tack för din fråga.' }, db);
  // A logo, so that the portal settings page shows its "remove the logo" form too.
  await saveLogo(tt.system, Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), db);
  const categories = await t.db.selectFrom('categories').select('id').where('tenant_id', '=', tt.tenant.id).execute();
  const goals = await goalsData(admin.auth, f.unitA, board.id);
  const satisfaction = await satisfactionWorld(t.db, tt);
  // A retention rule, so that the retention page shows its "end the rule" form too.
  const rule = await t.app.inject({
    method: 'POST',
    url: '/api/v1/retention/rules',
    headers: admin.auth,
    payload: { monthsAfterClosure: 24, decisionReference: 'Dokumenthanteringsplan, dnr KS 2025/123', effectiveFrom: '2099-01-01' },
  });
  expect(rule.statusCode, rule.body).toBe(201);
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
      board: board.id,
      promises: promise.id,
      outbox: '00000000-0000-4000-8000-000000000000',
      ...goals,
      surveys: satisfaction.surveyId,
      rules: rule.json().id,
      surveyQuestion: satisfaction.questionId,
      surveyToken: satisfaction.surveyToken,
      afterContactToken: satisfaction.afterContactToken,
    },
  };
}

/** A plan, area, goal, manual indicator, assignment, action plan and an open round, made through the goals API. */
async function goalsData(auth: Record<string, string>, unitId: string, boardId: string): Promise<Record<string, string>> {
  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url, headers: auth, payload });
    expect(res.statusCode, `${url} ${res.body}`).toBe(201);
    return res.json().id as string;
  };
  const plan = await post('/api/v1/goal-plans', { title: 'Mål och budget', firstYear: 2025, lastYear: 2027 });
  const area = await post(`/api/v1/goal-plans/${plan}/goal-areas`, { number: 1, title: 'Attraktiv kommun' });
  const goal = await post(`/api/v1/goal-areas/${area}/goals`, { number: '1.1', title: 'God service', boardUnitId: boardId });
  const indicator = await post('/api/v1/indicators', {
    title: 'Andel besvarade samtal',
    unit: '%',
    direction: 'higher',
    decimals: 0,
    ownerUnitId: unitId,
    level: 'KF',
    source: { type: 'manual' },
    goalIds: [goal],
  });
  const assignment = await post('/api/v1/assignments', { kind: 'assignment', title: 'Uppdrag', responsibleUnitId: unitId, goalId: goal });
  const actionPlan = await t.app.inject({
    method: 'POST',
    url: '/api/v1/action-plans',
    headers: auth,
    payload: {
      title: 'Handlingsplan',
      responsibleUnitId: unitId,
      periodFrom: '2025-01-01',
      periodTo: '2027-12-31',
      followUpInterval: 'tertial',
      activities: [{ number: 1, title: 'Företagslots', startDate: '2025-02-01', endDate: '2025-12-31', responsibleUnitId: unitId }],
    },
  });
  expect(actionPlan.statusCode, actionPlan.body).toBe(201);
  const round = await post('/api/v1/follow-up-rounds', { planId: plan, title: 'Delår 1 2026', period: '2026-D1', deadline: '2026-05-15' });
  const mine = await t.app.inject({ method: 'GET', url: '/api/v1/follow-up-items/mine', headers: auth });
  const item = (mine.json() as { rounds: { items: { id: string }[] }[] }).rounds[0]?.items[0]?.id ?? '';
  expect(item, mine.body).not.toBe('');
  const report = await post('/api/v1/reports', { boardUnitId: boardId, period: '2026' });
  return {
    reports: report,
    'goal-plans': plan,
    plans: plan,
    'goal-areas': area,
    goals: goal,
    goalPlan: plan,
    indicators: indicator,
    assignments: assignment,
    'action-plans': actionPlan.json().id,
    activities: actionPlan.json().activities[0].id,
    'follow-up-rounds': round,
    rounds: round,
    'follow-up-items': item,
    report: item,
    item,
  };
}

// ---- the routes --------------------------------------------------------------------------------

// Open311 answers in GeoReport's shapes and the login form has its own tests; the rest take no input.
export const OUT_OF_SCOPE = /^\/(open311\/|staff\/login|staff\/logout|metrics|health|api\/v1\/openapi\.json|\*)/;

export function concrete(path: string): string {
  return path
    .replace(':tenant', w.tt.tenant.slug)
    .replace(/\/(enkat|public\/surveys)\/:token/, (_, base: string) => `/${base}/${w.ids.surveyToken}`)
    .replace('/nojdhet/svar/:token', `/nojdhet/svar/${w.ids.afterContactToken}`)
    .replace(':token', w.token)
    .replace(':date', '2026-12-28')
    .replace(':itemId', w.ids.item ?? '')
    .replace(':period', '2026-D1')
    .replace(/\/([a-z-]+)\/:id/, (_, base: string) => `/${base}/${w.ids[base] ?? w.ids.promises}`);
}

export const isApi = (path: string) => path.startsWith('/api/');
export const isStaff = (path: string) => path.startsWith('/staff');

const TABLES = ['audit_log', 'cases', 'case_events', 'org_units', 'categories', 'meetings', 'promises', 'promise_versions']
  .concat(['promise_measurements', 'promise_claims', 'closed_days', 'users', 'response_templates', 'api_tokens', 'mail_outbox'])
  .concat(['goal_plans', 'goal_areas', 'goals', 'goal_board_texts', 'goal_assessments', 'goal_settings', 'indicators', 'indicator_values'])
  .concat(['goal_assignments', 'goal_assignment_updates', 'action_plans', 'action_plan_activities', 'action_plan_progress'])
  .concat(['follow_up_rounds', 'follow_up_items', 'portal_settings', 'reports'])
  .concat(['satisfaction_settings', 'satisfaction_areas', 'insikt_results', 'insikt_targets', 'surveys', 'survey_questions'])
  .concat(['survey_invitations', 'survey_responses', 'survey_answers', 'after_contact_requests', 'after_contact_optouts'])
  .map((table) => sql`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE tenant_id = ${sql.ref('t.id')}`);

/** Rows the tenant has in every table a request could write to, in one query. */
export async function stored(): Promise<string> {
  const counts = sql.join(
    TABLES.map((q) => sql`(${q})`),
    sql`, `,
  );
  const r = await sql<{ n: number[] }>`SELECT ARRAY[${counts}] AS n FROM tenants t WHERE t.id = ${w.tt.tenant.id}`.execute(t.db);
  return JSON.stringify(r.rows[0]?.n);
}

/**
 * The tenant's row counts around requests that must store nothing, read again only after a
 * request that may have stored something (a sweep sends thousands; counting twice per request
 * was a third of its time).
 */
export function storedTracker() {
  let known: string | undefined;
  return {
    /** The counts before a request that must store nothing. */
    async before(): Promise<string> {
      known ??= await stored();
      return known;
    },
    /** After a request that must store nothing: whether it stored something. */
    async changedSince(before: string): Promise<boolean> {
      known = await stored();
      return known !== before;
    },
    /** After a request that may store something. */
    forget(): void {
      known = undefined;
    },
  };
}

let client = 0;

export async function send(method: string, path: string, options: { query?: string; form?: Body; raw?: string } = {}) {
  const url = `${concrete(path)}${options.query ? `?${options.query}` : ''}`;
  const headers: Record<string, string> = {};
  // Each request from its own address: the public form's rate limit is not what is tested here.
  const remoteAddress = `10.7.${Math.floor(++client / 250) % 250}.${client % 250}`;
  if (isApi(path)) Object.assign(headers, w.bearer);
  else headers.cookie = isStaff(path) ? w.staff.cookie : w.resident.cookie;
  if (options.raw !== undefined) {
    headers['content-type'] = 'application/json';
    return t.app.inject({ method: method as 'POST', url, headers, remoteAddress, payload: options.raw });
  }
  if (options.form) {
    const params = new URLSearchParams();
    params.append('_csrf', isStaff(path) ? w.staff.csrf : w.resident.csrf);
    for (const [k, v] of Object.entries(options.form)) for (const one of [v].flat()) params.append(k, one);
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return t.app.inject({ method: method as 'POST', url, headers, remoteAddress, payload: params.toString() });
  }
  return t.app.inject({ method: method as 'GET', url, headers, remoteAddress });
}

/** Whitespace only, including a no-break space and a tab. */
export const BLANK = ' \u00a0\t ';

export type Res = { statusCode: number; body: string };
/** Problems found by a sweep, all listed at once. */
export const problems: string[] = [];
/** A 4xx with something a person can read, as JSON or as a page. */
export function expectRefused(res: Res, what: string, pattern?: RegExp) {
  if (res.statusCode < 400 || res.statusCode >= 500 || res.body.length < 20 || (pattern && !pattern.test(res.body)))
    problems.push(`${what} → ${res.statusCode} ${res.body.slice(0, 200)}`);
  expectNo500(res, what);
}
/** The error handler's last line of defence answers 400 too; reaching it means the edge let the value through. */
export const REFUSED_BY_DATABASE = 'ett värde är inte giltigt. Kontrollera fälten';
export function expectNo500(res: Res, what: string) {
  if (res.statusCode >= 500) problems.push(`${what} → ${res.statusCode}`);
  if (res.body.includes(REFUSED_BY_DATABASE)) problems.push(`${what} → reached the database`);
}
export function reported() {
  const found = [...problems];
  problems.length = 0;
  return found;
}
