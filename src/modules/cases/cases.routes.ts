// JSON API of cases, categories and first-feedback statistics; the staff pages are registered
// from here too (cases.staff.routes.ts).
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { CalendarDate, Page } from '../../http/input.ts';
import { INBOX_ONLY, INBOX_SORTS } from './cases.inbox.ts';
import { registerLegalHoldRoutes } from './cases.legal-hold.routes.ts';
import { CASE_CHANNELS, CASE_LANGUAGES, CASE_STATUSES, CASE_TYPES, ContactInput, STAFF_EVENT_KINDS } from './cases.schemas.ts';
import { MAX_SEARCH_LENGTH } from './cases.search.ts';
import { addCaseEvent, createCase, getCase, listCases, setUnitFirstResponseDays } from './cases.service.ts';
import { registerCaseStaffRoutes } from './cases.staff.routes.ts';
import { createCategory, listCategories, updateCategory } from './categories.service.ts';
import { firstResponseStats } from './stats.service.ts';

const DATE = CalendarDate();
const NullableString = Type.Union([Type.Null(), Type.String()]);
const NullableDate = Type.Union([Type.Null(), DATE]);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
// A type array, not anyOf: Fastify's Ajv coerces types, and with anyOf [integer, null] a null
// would become 0 (or, the other way round, 0 would become null).
const NullableDays = Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, maximum: 60 });

export const CaseOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  caseNumber: Type.String({ description: 'Human-readable number, e.g. 2026-00042' }),
  type: Type.Enum(CASE_TYPES),
  channel: Type.Enum(CASE_CHANNELS),
  categoryId: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  assigneeUserId: NullableString,
  assigneeName: NullableString,
  language: Type.Enum(CASE_LANGUAGES),
  subject: NullableString,
  message: Type.String(),
  contact: Type.Object({ name: NullableString, email: NullableString, phone: NullableString }),
  receivedAt: Type.String({ format: 'date-time' }),
  receivedDate: DATE,
  firstResponseDue: DATE,
  firstResponseAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
  firstResponseDate: NullableDate,
  nextFeedbackDue: NullableDate,
  status: Type.Enum(CASE_STATUSES),
  resolvedAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
  resolvedAtFirstContact: Type.Boolean(),
  referredTo: NullableString,
  residentWroteAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const EventOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: NullableString,
  actorLabel: Type.String(),
  body: NullableString,
  data: Type.Record(Type.String(), Type.Unknown()),
  visibleToResident: Type.Boolean(),
});

const CreateCaseBody = Type.Object(
  {
    type: Type.Enum(CASE_TYPES),
    channel: Type.Enum(CASE_CHANNELS),
    category: Type.String({ description: 'Category code' }),
    message: Type.String(),
    subject: Type.Optional(NullableString),
    contact: Type.Optional(ContactInput),
    language: Type.Optional(Type.Enum(CASE_LANGUAGES)),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'Time of receipt (default now)' })),
    resolvedAtFirstContact: Type.Optional(Type.Object({ answer: Type.String() })),
  },
  { additionalProperties: false },
);

const EventBody = Type.Object(
  {
    kind: Type.Enum(STAFF_EVENT_KINDS),
    body: Type.Optional(NullableString),
    nextFeedbackDate: Type.Optional(DATE),
    authority: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
    unitId: Type.Optional(Type.String({ format: 'uuid' })),
    assigneeUserId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
    newDueDate: Type.Optional(DATE),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'Only admin tokens (imports of history)' })),
  },
  { additionalProperties: false },
);

const CategoryOut = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameFi: NullableString,
  nameEn: NullableString,
  unitId: Type.String(),
  firstResponseDays: NullableDays,
  active: Type.Boolean(),
});
const CategoryBody = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    nameFi: Type.Optional(NullableString),
    nameEn: Type.Optional(NullableString),
    unitId: Type.String(),
    firstResponseDays: Type.Optional(NullableDays),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const MeasuresOut = Type.Object({
  received: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  openOverdue: Type.Integer({ description: 'No first feedback and past the deadline: counted as missed' }),
  notYetDue: Type.Integer({ description: 'Excluded from the rate' }),
  onTimeRate: Type.Union([Type.Null(), Type.Number()]),
  medianWorkingDays: Type.Union([Type.Null(), Type.Number()]),
  resolvedAtFirstContact: Type.Integer(),
  firstContactRate: Type.Union([Type.Null(), Type.Number()]),
});
const SplitOut = Type.Intersect([Type.Object({ key: Type.String(), label: Type.String() }), MeasuresOut]);
export const StatsOut = Type.Object({
  from: DATE,
  to: DATE,
  unitId: NullableString,
  today: DATE,
  total: MeasuresOut,
  byChannel: Type.Array(SplitOut),
  byType: Type.Array(SplitOut),
  byCategory: Type.Array(SplitOut),
});

export function registerCaseRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.post(
    '/api/v1/cases',
    {
      schema: {
        summary: 'Register a contact (roles agent, officer, quality, admin). Same Idempotency-Key → the same case',
        tags: ['cases'],
        security: [{ bearer: [] }],
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        body: CreateCaseBody,
        response: { 200: CaseOut, 201: CaseOut },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await createCase(requireActor(request), { ...request.body, ...(key ? { idempotencyKey: key } : {}) }, { db });
      return reply.status(result.replayed ? 200 : 201).send(result.case);
    },
  );

  app.get(
    '/api/v1/cases',
    {
      schema: {
        summary: 'Cases of the units the caller covers, sorted by first-feedback deadline',
        tags: ['cases'],
        security: [{ bearer: [] }],
        querystring: Type.Object({
          unit: Type.Optional(Type.String({ format: 'uuid' })),
          status: Type.Optional(Type.Enum([...CASE_STATUSES, 'open'] as const)),
          dueBefore: Type.Optional(DATE),
          assignee: Type.Optional(Type.String({ format: 'uuid' })),
          category: Type.Optional(Type.String()),
          channel: Type.Optional(Type.Enum(CASE_CHANNELS)),
          q: Type.Optional(
            Type.String({ maxLength: MAX_SEARCH_LENGTH, description: 'Case number, name, e-mail, phone or words of the text' }),
          ),
          only: Type.Optional(Type.Enum(INBOX_ONLY, { description: 'Open cases due today, overdue, or with news from the resident' })),
          sort: Type.Optional(Type.Enum(INBOX_SORTS, { description: 'Default: due (first-feedback deadline)' })),
          page: Type.Optional(Page()),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(CaseOut), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return listCases(
        requireActor(request),
        {
          unitId: q.unit,
          status: q.status,
          dueBefore: q.dueBefore,
          assignee: q.assignee,
          category: q.category,
          channel: q.channel,
          q: q.q,
          only: q.only,
          sort: q.sort,
          page: q.page,
          pageSize: q.pageSize,
        },
        { db },
      );
    },
  );

  app.get(
    '/api/v1/cases/:id',
    {
      schema: {
        summary: 'A case with its timeline',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: Type.Intersect([CaseOut, Type.Object({ events: Type.Array(EventOut) })]) },
      },
    },
    async (request) => getCase(requireActor(request), request.params.id, { db }),
  );

  app.post(
    '/api/v1/cases/:id/events',
    {
      schema: {
        summary: 'Act on a case: first_response, next_feedback_promised, referred, resolved, reopened, note, reassigned, deadline_changed',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: IdParams,
        body: EventBody,
        response: { 201: CaseOut },
      },
    },
    async (request, reply) => reply.status(201).send(await addCaseEvent(requireActor(request), request.params.id, request.body, { db })),
  );

  app.get(
    '/api/v1/categories',
    {
      schema: {
        summary: 'Case categories and the units that own them',
        tags: ['cases'],
        security: [{ bearer: [] }],
        response: { 200: Type.Object({ categories: Type.Array(CategoryOut) }) },
      },
    },
    async (request) => ({ categories: await listCategories(db, requireActor(request).tenantId) }),
  );

  app.post(
    '/api/v1/categories',
    {
      schema: {
        summary: 'Create a category (role admin)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        body: CategoryBody,
        response: { 201: CategoryOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createCategory(requireActor(request), request.body, { db })),
  );

  app.put(
    '/api/v1/categories/:id',
    {
      schema: {
        summary: 'Change a category (role admin)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: IdParams,
        body: CategoryBody,
        response: { 200: CategoryOut },
      },
    },
    async (request) => updateCategory(requireActor(request), request.params.id, request.body, { db }),
  );

  app.get(
    '/api/v1/stats/first-response',
    {
      schema: {
        summary: 'First feedback on time, late and open past the deadline, for cases due in [from, to]',
        tags: ['cases'],
        security: [{ bearer: [] }],
        querystring: Type.Object({
          unit: Type.Optional(Type.String({ format: 'uuid' })),
          from: Type.Optional(DATE),
          to: Type.Optional(DATE),
        }),
        response: { 200: StatsOut },
      },
    },
    async (request) =>
      firstResponseStats(requireActor(request), { unitId: request.query.unit, from: request.query.from, to: request.query.to }, { db }),
  );

  app.put(
    '/api/v1/org-units/:id/first-response-days',
    {
      schema: {
        summary: 'Set (or clear with null) a unit’s override of the working days to first feedback (role admin)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: IdParams,
        body: Type.Object({ firstResponseDays: NullableDays }, { additionalProperties: false }),
        response: { 200: Type.Object({ unitId: Type.String(), firstResponseDays: NullableDays }) },
      },
    },
    async (request) => {
      await setUnitFirstResponseDays(requireActor(request), request.params.id, request.body.firstResponseDays, { db });
      return { unitId: request.params.id, firstResponseDays: request.body.firstResponseDays };
    },
  );

  registerCaseStaffRoutes(app, ctx);
  registerLegalHoldRoutes(app, ctx);
}
