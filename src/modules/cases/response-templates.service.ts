// Response templates: ready-made answers for case officers, per category or for every category.
// Managed by admin and quality; offered (active ones) on the case page of any case.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import type { CaseLanguage } from '../../db/schema-cases.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { longDate } from './cases.mail.ts';
import { CASE_LANGUAGES } from './cases.schemas.ts';
import * as categories from './categories.repo.ts';
import { fillPlaceholders } from './response-templates.fill.ts';
import * as repo from './response-templates.repo.ts';

export type { ResponseTemplate } from './response-templates.repo.ts';

const MANAGERS = ['admin', 'quality'] as const;

export const ResponseTemplateInput = Type.Object({
  title: Text({ min: 1, max: 100 }),
  body: Text({ min: 1, max: 5000 }),
  categoryId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
  language: Type.Optional(Type.Enum(CASE_LANGUAGES)),
  active: Type.Optional(Type.Boolean()),
});
export type ResponseTemplateInput = Type.Static<typeof ResponseTemplateInput>;

const MESSAGES = {
  title: 'Ange en rubrik (1–100 tecken).',
  body: 'Skriv mallens text (1–5000 tecken).',
  categoryId: 'Välj en kategori, eller alla kategorier.',
  language: 'Välj svenska, finska eller engelska.',
  active: 'Ange om mallen är aktiv.',
};

export { PLACEHOLDERS } from './response-templates.fill.ts';

/** The values Insyn knows for a case, for filling a template (plain text; the view escapes it). */
export interface TemplateCase {
  caseNumber: string;
  tenantName: string;
  language: CaseLanguage;
  firstResponseDue: string;
  nextFeedbackDue: string | null;
  officerName: string;
  unitName: string;
}

/** A template's body for one case, with every placeholder Insyn knows filled in. */
export function fillTemplate(body: string, c: TemplateCase): string {
  return fillPlaceholders(body, {
    ärendenummer: c.caseNumber,
    kommun: c.tenantName,
    svarsdatum: longDate(c.firstResponseDue, c.language),
    'nästa återkoppling': c.nextFeedbackDue ? longDate(c.nextFeedbackDue, c.language) : null,
    handläggare: c.officerName,
    enhet: c.unitName,
  });
}

const duplicateTitle = () =>
  new AppError('conflict', 'Det finns redan en aktiv mall med den rubriken på det språket.', {
    fields: [{ field: 'title', message: 'Det finns redan en aktiv mall med den rubriken på det språket. Välj en annan rubrik.' }],
  });

/** Runs a change; a unique violation (two active templates with one title) becomes a 409 with a sentence. */
async function uniquely<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw duplicateTitle();
    throw error;
  }
}

/** Every template of the actor's tenant, active first (admin and quality). */
export function listResponseTemplates(actor: Actor, { db }: { db: Db }): Promise<repo.ResponseTemplate[]> {
  requireAnyRole(actor, MANAGERS);
  return repo.listResponseTemplates(db, actor.tenantId);
}

/** Active templates offered on the page of a case: its category's and those for every category, in the case's language. */
export function templatesForCase(
  db: Db,
  tenantId: string,
  c: { categoryId: string; language: CaseLanguage },
): Promise<repo.ResponseTemplate[]> {
  return repo.listActiveTemplatesForCase(db, tenantId, c.categoryId, c.language);
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
  return { title, body, categoryId, language: v.language ?? 'sv', active: v.active ?? true };
}

export async function createResponseTemplate(actor: Actor, input: unknown, { db }: { db: Db }): Promise<repo.ResponseTemplate> {
  const values = await checked(actor, input, db);
  return uniquely(() =>
    db.transaction().execute(async (trx) => {
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
    }),
  );
}

/**
 * Reads the template under a row lock and applies the change to what it is now: two concurrent
 * changes run one after the other, and each audits the state it really replaced.
 */
async function changeTemplate(
  actor: Actor,
  id: string,
  db: Db,
  action: 'update' | 'deactivate',
  next: (before: repo.ResponseTemplate) => repo.ResponseTemplateValues,
): Promise<repo.ResponseTemplate> {
  requireAnyRole(actor, MANAGERS);
  return uniquely(() =>
    db.transaction().execute(async (trx) => {
      const before = await repo.findResponseTemplate(trx, actor.tenantId, id, { forUpdate: true });
      if (!before) throw notFound('Svarsmallen');
      const after = next(before);
      const template = await repo.updateResponseTemplate(trx, actor.tenantId, id, after);
      if (!template) throw notFound('Svarsmallen');
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action,
        entity: 'response_template',
        entityId: id,
        data: action === 'update' ? { before, after } : { title: before.title },
      });
      return template;
    }),
  );
}

export async function updateResponseTemplate(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<repo.ResponseTemplate> {
  const values = await checked(actor, input, db);
  return changeTemplate(actor, id, db, 'update', () => values);
}

/** Stops offering a template; it is kept so the audit log can refer to it. Only `active` changes. */
export function deactivateResponseTemplate(actor: Actor, id: string, { db }: { db: Db }): Promise<repo.ResponseTemplate> {
  return changeTemplate(actor, id, db, 'deactivate', (before) => ({ ...before, active: false }));
}

/** Bulk insert for demo data (no audit per row; the caller audits the batch). */
export function insertResponseTemplatesUnchecked(db: Db, tenantId: string, values: repo.ResponseTemplateValues[]) {
  return repo.insertResponseTemplates(db, tenantId, values);
}
