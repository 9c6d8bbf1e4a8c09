// Queries of response templates (migration 0007). Every query is filtered by tenant.
import type { Db } from '../../db/database.ts';

export interface ResponseTemplate {
  id: string;
  title: string;
  body: string;
  /** Null = for every category. */
  categoryId: string | null;
  active: boolean;
}

export interface ResponseTemplateValues {
  title: string;
  body: string;
  categoryId: string | null;
  active: boolean;
}

const COLUMNS = ['id', 'title', 'body', 'category_id as categoryId', 'active'] as const;

const row = (v: ResponseTemplateValues) => ({ title: v.title, body: v.body, category_id: v.categoryId, active: v.active });

export function listResponseTemplates(db: Db, tenantId: string): Promise<ResponseTemplate[]> {
  return db
    .selectFrom('response_templates')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .orderBy('active', 'desc')
    .orderBy('title')
    .orderBy('id')
    .execute();
}

/** Active templates offered for a case of this category: the category's own and those for every category. */
export function listActiveTemplatesForCategory(db: Db, tenantId: string, categoryId: string): Promise<ResponseTemplate[]> {
  return db
    .selectFrom('response_templates')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .where((eb) => eb.or([eb('category_id', '=', categoryId), eb('category_id', 'is', null)]))
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export function findResponseTemplate(db: Db, tenantId: string, id: string): Promise<ResponseTemplate | undefined> {
  return db.selectFrom('response_templates').select(COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function insertResponseTemplate(db: Db, tenantId: string, values: ResponseTemplateValues): Promise<ResponseTemplate> {
  return db
    .insertInto('response_templates')
    .values({ tenant_id: tenantId, ...row(values) })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function insertResponseTemplates(db: Db, tenantId: string, values: ResponseTemplateValues[]): Promise<ResponseTemplate[]> {
  if (values.length === 0) return Promise.resolve([]);
  return db
    .insertInto('response_templates')
    .values(values.map((v) => ({ tenant_id: tenantId, ...row(v) })))
    .returning(COLUMNS)
    .execute();
}

export function updateResponseTemplate(
  db: Db,
  tenantId: string,
  id: string,
  values: ResponseTemplateValues,
): Promise<ResponseTemplate | undefined> {
  return db
    .updateTable('response_templates')
    .set({ ...row(values), updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
}
