import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import { CHILD_UNIT_KINDS, createUnit, deleteUnit, getOrgTree, getUnit, listUnits, UNIT_KINDS, updateUnit } from './org.service.ts';
import { OrgPage, UnitEditPage } from './org.views.tsx';

const Kind = Type.Enum(UNIT_KINDS);
const UnitOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  kind: Kind,
});
const TreeNode = Type.Cyclic(
  {
    Node: Type.Object({
      id: Type.String(),
      parentId: Type.Union([Type.String(), Type.Null()]),
      name: Type.String(),
      kind: Type.String(),
      children: Type.Array(Type.Ref('Node')),
    }),
  },
  'Node',
);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const UnitBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Enum(CHILD_UNIT_KINDS),
    parentId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);

export function registerOrgRoutes(app: App, { db }: AppContext): void {
  app.get(
    '/api/v1/org-units',
    {
      schema: {
        summary: 'The organisation tree of the caller’s municipality',
        tags: ['organisation'],
        security: [{ bearer: [] }],
        response: { 200: Type.Object({ units: Type.Array(TreeNode) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { units: await getOrgTree(db, actor.tenantId) };
    },
  );

  app.post(
    '/api/v1/org-units',
    {
      schema: {
        summary: 'Create a unit (role admin)',
        tags: ['organisation'],
        security: [{ bearer: [] }],
        body: UnitBody,
        response: { 201: UnitOut },
      },
    },
    async (request, reply) => {
      const unit = await createUnit(requireActor(request), request.body, { db });
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    '/api/v1/org-units/:id',
    {
      schema: {
        summary: 'Rename, change kind or move a unit (role admin)',
        tags: ['organisation'],
        security: [{ bearer: [] }],
        params: IdParams,
        body: UnitBody,
        response: { 200: UnitOut },
      },
    },
    async (request) => updateUnit(requireActor(request), request.params.id, request.body, { db }),
  );

  app.delete(
    '/api/v1/org-units/:id',
    {
      schema: {
        summary: 'Remove a unit without sub-units (role admin)',
        tags: ['organisation'],
        security: [{ bearer: [] }],
        params: IdParams,
      },
    },
    async (request, reply) => {
      await deleteUnit(requireActor(request), request.params.id, { db });
      return reply.status(204).send();
    },
  );

  // Staff pages.
  app.get('/staff/org', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const [tree, units] = await Promise.all([getOrgTree(db, actor.tenantId), listUnits(db, actor.tenantId)]);
    return html(reply, renderPage(OrgPage({ session, actor, tree, units, flash: takeFlash(request), errors: [], values: {} })));
  });

  app.post('/staff/org', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const body = (request.body ?? {}) as Record<string, string>;
    const values = { name: body.name ?? '', kind: body.kind ?? '', parentId: body.parentId ?? '' };
    try {
      const unit = await createUnit(actor, values, { db });
      request.session.flash = `${unit.name} har lagts till.`;
      return reply.redirect('/staff/org', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const [tree, units] = await Promise.all([getOrgTree(db, actor.tenantId), listUnits(db, actor.tenantId)]);
      const errors: FieldError[] = error.fields;
      return html(reply, renderPage(OrgPage({ session, actor, tree, units, errors, values })), error.status);
    }
  });

  app.get('/staff/org/:id', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const { id } = request.params as { id: string };
    const unit = await getUnit(db, actor.tenantId, uuidOr404(id));
    const units = await listUnits(db, actor.tenantId);
    return html(reply, renderPage(UnitEditPage({ session, actor, unit, units, errors: [], values: unit })));
  });

  app.post('/staff/org/:id', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const { id } = request.params as { id: string };
    const unit = await getUnit(db, actor.tenantId, uuidOr404(id));
    const body = (request.body ?? {}) as Record<string, string>;
    if (body.action === 'delete') {
      await deleteUnit(actor, unit.id, { db });
      request.session.flash = `${unit.name} har tagits bort.`;
      return reply.redirect('/staff/org', 303);
    }
    const values = { name: body.name ?? '', kind: body.kind ?? unit.kind, parentId: body.parentId ?? unit.parentId ?? '' };
    try {
      await updateUnit(actor, unit.id, values, { db });
      request.session.flash = `${values.name} har sparats.`;
      return reply.redirect('/staff/org', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const units = await listUnits(db, actor.tenantId);
      return html(reply, renderPage(UnitEditPage({ session, actor, unit, units, errors: error.fields, values })), error.status);
    }
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id in a page URL is simply a page that does not exist. */
export function uuidOr404(id: string): string {
  if (!UUID.test(id)) throw new AppError('not_found', 'Sidan finns inte.');
  return id;
}
