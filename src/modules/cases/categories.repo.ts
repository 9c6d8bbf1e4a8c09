import type { Db } from '../../db/database.ts';

export interface Category {
  id: string;
  code: string;
  name: string;
  nameFi: string | null;
  nameEn: string | null;
  unitId: string;
  firstResponseDays: number | null;
  active: boolean;
}

const COLUMNS = [
  'id',
  'code',
  'name',
  'name_fi as nameFi',
  'name_en as nameEn',
  'unit_id as unitId',
  'first_response_days as firstResponseDays',
  'active',
] as const;

export function listCategories(db: Db, tenantId: string, { activeOnly = false } = {}): Promise<Category[]> {
  let q = db.selectFrom('categories').select(COLUMNS).where('tenant_id', '=', tenantId);
  if (activeOnly) q = q.where('active', '=', true);
  return q.orderBy('name').execute();
}

/** forUpdate: lock the row until the end of the transaction (check and change under one lock). */
export function findCategory(db: Db, tenantId: string, id: string, { forUpdate = false } = {}): Promise<Category | undefined> {
  const q = db.selectFrom('categories').select(COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export function findCategoryByCode(db: Db, tenantId: string, code: string): Promise<Category | undefined> {
  return db.selectFrom('categories').select(COLUMNS).where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
}

export interface CategoryValues {
  code: string;
  name: string;
  nameFi: string | null;
  nameEn: string | null;
  unitId: string;
  firstResponseDays: number | null;
  active: boolean;
}

function row(v: CategoryValues) {
  return {
    code: v.code,
    name: v.name,
    name_fi: v.nameFi,
    name_en: v.nameEn,
    unit_id: v.unitId,
    first_response_days: v.firstResponseDays,
    active: v.active,
  };
}

export function insertCategory(db: Db, tenantId: string, values: CategoryValues): Promise<Category> {
  return db
    .insertInto('categories')
    .values({ tenant_id: tenantId, ...row(values) })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function insertCategories(db: Db, tenantId: string, values: CategoryValues[]): Promise<Category[]> {
  if (values.length === 0) return Promise.resolve([]);
  return db
    .insertInto('categories')
    .values(values.map((v) => ({ tenant_id: tenantId, ...row(v) })))
    .returning(COLUMNS)
    .execute();
}

export function updateCategory(db: Db, tenantId: string, id: string, values: CategoryValues): Promise<Category | undefined> {
  return db
    .updateTable('categories')
    .set({ ...row(values), updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
}
