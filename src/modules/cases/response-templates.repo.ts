// Queries of response templates (migrations 0007, 0011). Every query is filtered by tenant.
import type { Db } from '../../db/database.ts';
import type { CaseLanguage } from '../../db/schema-cases.ts';

export interface ResponseTemplate {
  id: string;
  title: string;
  body: string;
  /** Null = for every category. */
  categoryId: string | null;
  language: CaseLanguage;
  active: boolean;
}

export interface ResponseTemplateValues {
  title: string;
  body: string;
  categoryId: string | null;
  language: CaseLanguage;
  active: boolean;
}

const COLUMNS = ['id', 'title', 'body', 'category_id as categoryId', 'language', 'active'] as const;

const row = (v: ResponseTemplateValues) => ({
  title: v.title,
  body: v.body,
  category_id: v.categoryId,
  language: v.language,
  active: v.active,
});

export function listResponseTemplates(db: Db, tenantId: string): Promise<ResponseTemplate[]> {
  return db
    .selectFrom('response_templates')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .orderBy('active', 'desc')
    .orderBy('language')
    .orderBy('title')
    .orderBy('id')
    .execute();
}

/** Active templates offered for a case of this category and language: the category's own and those for every category. */
export function listActiveTemplatesForCase(
  db: Db,
  tenantId: string,
  categoryId: string,
  language: CaseLanguage,
): Promise<ResponseTemplate[]> {
  return db
    .selectFrom('response_templates')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .where('language', '=', language)
    .where((eb) => eb.or([eb('category_id', '=', categoryId), eb('category_id', 'is', null)]))
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export function findResponseTemplate(
  db: Db,
  tenantId: string,
  id: string,
  { forUpdate = false } = {},
): Promise<ResponseTemplate | undefined> {
  const q = db.selectFrom('response_templates').select(COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
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
