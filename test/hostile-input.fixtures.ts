// The pieces of the hostile-input sweep that do not touch the app: the route list read from
// Fastify's route tree, the forms read from a page, and a valid body for every API route.
import { parseHTML } from 'linkedom';

export type Body = Record<string, string | string[]>;

export interface Route {
  method: string;
  path: string;
}

/** Every route of the app, read from Fastify's own route tree (`printRoutes`, one node a line). */
export function routesOf(tree: string): Route[] {
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

export interface Form {
  action: string;
  /** The route pattern the form posts to. */
  route: string;
  fields: Body;
}

/** Every POST form of a page, with the values the page fills in (the first option of a select). */
export function formsOf(page: string, routes: Route[]): Form[] {
  const { document } = parseHTML(page);
  const forms: Form[] = [];
  for (const form of document.querySelectorAll('form')) {
    if ((form.getAttribute('method') ?? 'get').toLowerCase() !== 'post') continue;
    const action = (form.getAttribute('action') ?? '').split(/[?#]/)[0] ?? '';
    const route = routes.find((r) => r.method === 'POST' && new RegExp(`^${r.path.replace(/:[a-z]+/gi, '[^/]+')}$`).test(action));
    if (!route) continue;
    const fields: Body = {};
    for (const el of form.querySelectorAll('input, select, textarea')) {
      const name = el.getAttribute('name');
      if (!name || name === '_csrf') continue;
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      if ((type === 'checkbox' || type === 'radio') && !el.hasAttribute('checked') && fields[name] !== undefined) continue;
      let value = el.getAttribute('value') ?? '';
      if (el.tagName === 'TEXTAREA') value = el.textContent || 'Text';
      if (el.tagName === 'SELECT') {
        const options = [...el.querySelectorAll('option')];
        value =
          (options.find((o) => o.hasAttribute('selected')) ?? options.find((o) => o.getAttribute('value')))?.getAttribute('value') ?? '';
      }
      if (!value && type !== 'password' && type !== 'checkbox') value = type === 'email' ? 'namn@exempel.se' : 'Text';
      fields[name] = value;
    }
    forms.push({ action, route: route.path, fields });
  }
  return forms;
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A valid body for every API route that takes one (the sweep checks that none is missing). */
export function apiBodies(ids: Record<string, string>): Record<string, Json> {
  const contact = { name: 'Anna Andersson', email: 'anna@exempel.se', phone: '070-123 45 67' };
  const decision = { board: 'Byggnadsnämnden', date: '2025-12-10', registrationNumber: 'BN 2025/1' };
  return {
    'POST /api/v1/cases': {
      type: 'question',
      channel: 'phone',
      category: 'cat-a',
      message: 'När töms soporna?',
      subject: 'Sophämtning',
      contact,
      language: 'sv',
      receivedAt: '2026-11-30T09:00:00+01:00',
    },
    'POST /api/v1/cases/:id/events': { kind: 'next_feedback_promised', body: 'Vi återkommer.', nextFeedbackDate: '2026-12-10' },
    'POST /api/v1/categories': {
      code: 'ny-kat',
      name: 'Ny kategori',
      nameFi: 'Uusi',
      nameEn: 'New',
      unitId: ids.org,
      firstResponseDays: 3,
    },
    'PUT /api/v1/categories/:id': { code: 'cat-a', name: 'Kategori A', nameFi: 'A', nameEn: 'A', unitId: ids.org, firstResponseDays: 3 },
    'POST /api/v1/org-units': { name: 'Ny enhet', kind: 'unit', parentId: ids.org },
    'PATCH /api/v1/org-units/:id': { name: 'Förvaltning A' },
    'DELETE /api/v1/org-units/:id': null,
    'PUT /api/v1/org-units/:id/first-response-days': { firstResponseDays: 3 },
    'PATCH /api/v1/tenant': {
      name: 'Testkommun',
      orgNumber: '212000-0142',
      defaultLanguage: 'sv',
      firstResponseDays: 2,
      municipalityCode: '0188',
    },
    'POST /api/v1/public/cases': { type: 'question', category: 'cat-a', message: 'Hej!', subject: 'Fråga', contact, language: 'fi' },
    'POST /api/v1/promises': {
      title: 'Svar inom två dagar',
      kind: 'policy',
      unitId: ids.org,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      text: 'Vi svarar snabbt.',
      metric: { type: 'case_first_response', workingDays: 2, filter: { categories: ['cat-a'] } },
      target: 0.9,
      remedy: 'Vi ber om ursäkt.',
      translations: { fi: { title: 'Vastaamme' } },
    },
    'PATCH /api/v1/promises/:id': {
      title: 'Nöjda besökare',
      text: 'Text',
      validTo: '2027-12-31',
      translations: { en: { title: 'Happy' } },
    },
    'POST /api/v1/promises/:id/transitions': { to: 'decided', decision },
    'POST /api/v1/promises/:id/measurements': { period: '2026-03', numerator: 5, denominator: 10, comment: 'Bra' },
    'POST /api/v1/promises/:id/claims': { claimedOn: '2026-03-02', description: 'Svaret kom sent.', remedyGiven: 'Ursäkt', costSek: 100 },
    'PUT /api/v1/promise-settings': { minCount: 5 },
    'POST /api/v1/meetings': {
      boardUnitId: ids.board,
      meetingDate: '2026-04-14',
      startsAt: '13:00',
      title: 'Ordinarie sammanträde',
      registrationNumber: 'BN 2026/2',
      documentsPublishedAt: '2026-04-06 16:30',
      minutesApprovedDate: '2026-04-16',
      minutesPublishedAt: '2026-04-17 08:00',
    },
    'PATCH /api/v1/meetings/:id': { title: 'Extra sammanträde', minutesApprovedDate: '2026-03-16' },
    'PUT /api/v1/cases/:id/open311': { description: 'Trasig gatlykta på Storgatan.' },
    'POST /api/v1/users/:id/unlock': null,
    ...goalsBodies(ids),
    ...koladaBodies(),
    ...retentionBodies(),
    'POST /api/v1/reports': { boardUnitId: ids.board, period: '2026-D1', introduction: 'Inledning', closing: 'Sammanfattning' },
    'POST /api/v1/reports/:id/approve': { decisionDate: '2026-03-25', registrationNumber: 'BN 2026/5' },
    'POST /api/v1/reports/:id/publish': null,
    // A person's data (privacy): the person in the body, never in the URL.
    'POST /api/v1/persons/export': { email: 'anna@exempel.se', phone: '070-123 45 67' },
  };
}

/** Retention (issue 13 item 5): rules, preview, runs and the legal hold. */
function retentionBodies(): Record<string, Json> {
  return {
    'POST /api/v1/retention/rules': {
      caseType: 'question',
      categoryCode: 'cat-a',
      monthsAfterClosure: 24,
      decisionReference: 'Dokumenthanteringsplan för kommunstyrelsen, beslutad 2025-03-12, dnr KS 2025/123',
      scope: 'contact_and_texts',
      effectiveFrom: '2099-01-01',
    },
    'POST /api/v1/retention/rules/:id/deactivate': null,
    'POST /api/v1/retention/preview': { date: '2027-01-01' },
    'POST /api/v1/retention/runs': null,
    'POST /api/v1/cases/:id/legal-hold': { reason: 'Överklagat till förvaltningsrätten' },
    'DELETE /api/v1/cases/:id/legal-hold': null,
    // TOTP second factor (issue 13): the admin's reset takes no body.
    'POST /api/v1/users/:id/second-factor/reset': null,
  };
}

/** Kolada (issue 11): the refresh takes no body; the indicator source is in POST /api/v1/indicators. */
function koladaBodies(): Record<string, Json> {
  return { 'POST /api/v1/indicators/:id/refresh': null };
}

/** Valid bodies for the goals API (the world holds a plan, area, goal, indicator, assignment, action plan and round). */
function goalsBodies(ids: Record<string, string>): Record<string, Json> {
  const unitId = ids.org;
  return {
    'POST /api/v1/goal-plans': { title: 'Mål och budget 2028', firstYear: 2028, lastYear: 2030, decidedBy: 'Kommunfullmäktige' },
    'PATCH /api/v1/goal-plans/:id': { title: 'Mål och budget', firstYear: 2025, lastYear: 2027, decisionDate: '2024-11-20' },
    'POST /api/v1/goal-plans/:id/goal-areas': { number: 2, title: 'Hållbar kommun', ambition: 'År 2035', position: 1 },
    'PATCH /api/v1/goal-areas/:id': { title: 'Attraktiv kommun', inPractice: 'Text' },
    'PUT /api/v1/goal-areas/:id/board-texts': { boardUnitId: ids.board, year: 2026, text: 'Nämndens text' },
    'POST /api/v1/goal-areas/:id/goals': { number: '1.2', title: 'Trygg kommun', text: 'Text', position: 2 },
    'PATCH /api/v1/goals/:id': { title: 'God service', text: 'Text' },
    'PUT /api/v1/goals/:id/board-texts': { boardUnitId: ids.board, year: 2026, text: 'Nämndens text' },
    'PUT /api/v1/goals/:id/assessments/:period': { status: 'partly', analysis: 'Bra men ojämnt.' },
    'POST /api/v1/indicators': {
      title: 'Nöjd kund-index',
      unit: 'index',
      direction: 'higher',
      decimals: 0,
      ownerUnitId: unitId,
      level: 'KF',
      source: { type: 'manual' },
    },
    'PATCH /api/v1/indicators/:id': { title: 'Andel besvarade samtal', unit: '%' },
    'PUT /api/v1/indicators/:id/values': [{ period: '2025', kind: 'outcome', value: 82, comment: 'Helår' }],
    'PUT /api/v1/goal-settings': { partlyRule: 'tolerance', defaultTolerance: 0.1 },
    'POST /api/v1/assignments': {
      kind: 'assignment',
      title: 'Ta fram en plan',
      responsibleUnitId: unitId,
      endDate: '2026-06-30',
      originBody: 'Kommunfullmäktige',
      originRegistrationNumber: 'KS 2024/12',
    },
    'PATCH /api/v1/assignments/:id': { title: 'Uppdrag', endDate: '2026-12-31' },
    'PUT /api/v1/assignments/:id/status/:period': { status: 'ongoing', comment: 'Påbörjat' },
    'POST /api/v1/action-plans': {
      title: 'Handlingsplan för företag',
      purpose: 'Bättre service.',
      responsibleUnitId: unitId,
      periodFrom: '2025-01-01',
      periodTo: '2027-12-31',
      followUpInterval: 'tertial',
      budget: { '2025': 450000 },
      activities: [{ number: 1, title: 'Servicemätning', startDate: '2025-03-01', endDate: '2026-06-30', responsibleUnitId: unitId }],
    },
    'PUT /api/v1/action-plans/:id': {
      title: 'Handlingsplan för företag',
      purpose: 'Bättre service.',
      responsibleUnitId: unitId,
      periodFrom: '2025-01-01',
      periodTo: '2027-12-31',
      followUpInterval: 'tertial',
    },
    'POST /api/v1/action-plans/:id/activities': {
      number: 2,
      title: 'Lots',
      startDate: '2025-02-01',
      endDate: '2025-12-31',
      responsibleUnitId: unitId,
    },
    'PATCH /api/v1/activities/:id': { title: 'Företagslots', endDate: '2025-11-30' },
    'PUT /api/v1/activities/:id/progress/:period': { status: 'ongoing', comment: 'Lotsen anställd' },
    'POST /api/v1/follow-up-rounds': {
      planId: ids.goalPlan,
      title: 'Delår 2 2026',
      period: '2026-D2',
      deadline: '2026-09-15',
      reminderWorkingDays: 3,
    },
    'POST /api/v1/follow-up-rounds/:id/close': null,
    'POST /api/v1/follow-up-items/:id/ready': null,
    'POST /api/v1/follow-up-items/:id/send-back': { comment: 'Kommentera avvikelsen.' },
    // satisfaction
    'PUT /api/v1/satisfaction/settings': {
      minAnswers: 7,
      bands: { veryHigh: 80, high: 70, pass: 62, low: 50 },
      afterContactDelayHours: 24,
    },
    'POST /api/v1/satisfaction/areas': { code: 'lantmateri', name: 'Lantmäteri' },
    'POST /api/v1/satisfaction/insikt': { year: 2025, period: 'H1', area: 'bygglov', n: 40, nki: 70.5, responseRate: 41 },
    'POST /api/v1/satisfaction/insikt/answers': {
      year: 2025,
      area: 'bygglov',
      answers: [
        [8, 9, 7],
        [10, 9, 9],
      ],
    },
    'POST /api/v1/satisfaction/insikt/raw': {
      year: 2025,
      respondents: [{ area: 'bygglov', nki: [8, 9, 7], factors: { bemotande: 9 }, bemotandeQuestion: 9 }],
    },
    'POST /api/v1/satisfaction/insikt/import': {
      format: 'csv',
      data: 'Område;År;Antal svar;NKI\nBygglov;2025;40;70',
      mapping: { area: 'Område', year: 'År', n: 'Antal svar', nki: 'NKI' },
    },
    'PUT /api/v1/satisfaction/targets': { area: 'total', year: 2026, target: 77 },
    'POST /api/v1/surveys': {
      title: 'Enkät',
      questions: [
        { type: 'scale5', text: 'Nöjd?', required: true },
        { type: 'choice', text: 'Kanal?', options: [{ sv: 'Telefon' }, { sv: 'E-post' }] },
      ],
    },
    'POST /api/v1/surveys/:id/invitations': { count: 2 },
    'POST /api/v1/surveys/:id/close': null,
    'POST /api/v1/public/surveys/:token/answers': { answers: [{ questionId: ids.surveyQuestion, value: 4 }] },
  };
}

/** Each string and number leaf of a body, by its path, with a function that replaces it. */
export function leaves(body: Json, path = ''): { path: string; value: string | number; replace: (v: Json) => Json }[] {
  if (typeof body === 'string' || typeof body === 'number') return [{ path, value: body, replace: (v) => v }];
  if (!body || typeof body !== 'object') return [];
  if (Array.isArray(body))
    return body.flatMap((item, i) =>
      leaves(item, path ? `${path}.${i}` : `${i}`).map((leaf) => ({
        ...leaf,
        replace: (v: Json) => body.map((x, j) => (j === i ? leaf.replace(v) : x)),
      })),
    );
  return Object.entries(body).flatMap(([key, item]) =>
    leaves(item, path ? `${path}.${key}` : key).map((leaf) => ({ ...leaf, replace: (v: Json) => ({ ...body, [key]: leaf.replace(v) }) })),
  );
}
