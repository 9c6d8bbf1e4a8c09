// Response templates: ready-made answers for case officers, per category or for every category.
// Managed by admin and quality; offered (active ones) on the case page of any case.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as categories from './categories.repo.ts';
import * as repo from './response-templates.repo.ts';

export type { ResponseTemplate } from './response-templates.repo.ts';

const MANAGERS = ['admin', 'quality'] as const;

export const ResponseTemplateInput = Type.Object({
  title: Text({ min: 1, max: 100 }),
  body: Text({ min: 1, max: 5000 }),
  categoryId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
  active: Type.Optional(Type.Boolean()),
});
export type ResponseTemplateInput = Type.Static<typeof ResponseTemplateInput>;

const MESSAGES = {
  title: 'Ange en rubrik (1–100 tecken).',
  body: 'Skriv mallens text (1–5000 tecken).',
  categoryId: 'Välj en kategori, eller alla kategorier.',
  active: 'Ange om mallen är aktiv.',
};

/** The placeholders a template body may contain, replaced when the template is used on a case. */
export const TEMPLATE_PLACEHOLDERS = ['{ärendenummer}', '{kommun}'] as const;

/** A template's body for one case: {ärendenummer} and {kommun} replaced (plain text; the view escapes it). */
export function fillTemplate(body: string, { caseNumber, tenantName }: { caseNumber: string; tenantName: string }): string {
  return body.replaceAll('{ärendenummer}', caseNumber).replaceAll('{kommun}', tenantName);
}

/** Every template of the actor's tenant, active first (admin and quality). */
export function listResponseTemplates(actor: Actor, { db }: { db: Db }): Promise<repo.ResponseTemplate[]> {
  requireAnyRole(actor, MANAGERS);
  return repo.listResponseTemplates(db, actor.tenantId);
}

/** Active templates offered on the page of a case of this category. */
export function templatesForCategory(db: Db, tenantId: string, categoryId: string): Promise<repo.ResponseTemplate[]> {
  return repo.listActiveTemplatesForCategory(db, tenantId, categoryId);
}

export async function getResponseTemplate(actor: Actor, id: string, { db }: { db: Db }): Promise<repo.ResponseTemplate> {
  requireAnyRole(actor, MANAGERS);
  const template = await repo.findResponseTemplate(db, actor.tenantId, id);
  if (!template) throw notFound('Svarsmallen');
  return template;
}

async function checked(actor: Actor, input: unknown, db: Db): Promise<repo.ResponseTemplateValues> {
  requireAnyRole(actor, MANAGERS);
  const v = validate(ResponseTemplateInput, input, MESSAGES);
  const title = v.title.trim();
  const body = v.body.trim();
  const fields = [
    ...(title ? [] : [{ field: 'title', message: MESSAGES.title }]),
    ...(body ? [] : [{ field: 'body', message: MESSAGES.body }]),
  ];
  const categoryId = v.categoryId ?? null;
  if (categoryId && !(await categories.findCategory(db, actor.tenantId, categoryId))) {
    fields.push({ field: 'categoryId', message: 'Kategorin finns inte.' });
  }
  if (fields.length > 0) throw new AppError('validation', 'Uppgifterna är inte giltiga.', { fields });
  return { title, body, categoryId, active: v.active ?? true };
}

export async function createResponseTemplate(actor: Actor, input: unknown, { db }: { db: Db }): Promise<repo.ResponseTemplate> {
  const values = await checked(actor, input, db);
  return db.transaction().execute(async (trx) => {
    const template = await repo.insertResponseTemplate(trx, actor.tenantId, values);
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'create',
      entity: 'response_template',
      entityId: template.id,
      data: { ...values },
    });
    return template;
  });
}

export async function updateResponseTemplate(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<repo.ResponseTemplate> {
  const before = await getResponseTemplate(actor, id, { db });
  const values = await checked(actor, input, db);
  return db.transaction().execute(async (trx) => {
    const template = await repo.updateResponseTemplate(trx, actor.tenantId, id, values);
    if (!template) throw notFound('Svarsmallen');
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'update',
      entity: 'response_template',
      entityId: id,
      data: { before, after: values },
    });
    return template;
  });
}

/** Stops offering a template; it is kept so the audit log can refer to it. */
export async function deactivateResponseTemplate(actor: Actor, id: string, { db }: { db: Db }): Promise<repo.ResponseTemplate> {
  const before = await getResponseTemplate(actor, id, { db });
  return db.transaction().execute(async (trx) => {
    const template = await repo.updateResponseTemplate(trx, actor.tenantId, id, { ...before, active: false });
    if (!template) throw notFound('Svarsmallen');
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'deactivate',
      entity: 'response_template',
      entityId: id,
      data: { title: before.title },
    });
    return template;
  });
}

/** Bulk insert for demo data (no audit per row; the caller audits the batch). */
export function insertResponseTemplatesUnchecked(db: Db, tenantId: string, values: repo.ResponseTemplateValues[]) {
  return repo.insertResponseTemplates(db, tenantId, values);
}
