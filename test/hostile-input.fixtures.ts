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
    'PATCH /api/v1/tenant': { name: 'Testkommun', orgNumber: '212000-0142', defaultLanguage: 'sv', firstResponseDays: 2 },
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
  };
}

/** Each string and number leaf of a body, by its path, with a function that replaces it. */
export function leaves(body: Json, path = ''): { path: string; value: string | number; replace: (v: Json) => Json }[] {
  if (typeof body === 'string' || typeof body === 'number') return [{ path, value: body, replace: (v) => v }];
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.entries(body).flatMap(([key, item]) =>
    leaves(item, path ? `${path}.${key}` : key).map((leaf) => ({ ...leaf, replace: (v: Json) => ({ ...body, [key]: leaf.replace(v) }) })),
  );
}
