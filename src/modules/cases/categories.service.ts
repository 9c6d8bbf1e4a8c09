// Categories route cases to the unit that owns them and may override the first-feedback days.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getUnit } from '../org/org.service.ts';
import * as repo from './categories.repo.ts';

export type { Category } from './categories.repo.ts';

export const CATEGORY_CODE_PATTERN = '^[a-z0-9_-]{2,40}$';

export const CategoryInput = Type.Object({
  code: Type.String({ pattern: CATEGORY_CODE_PATTERN }),
  name: Text({ min: 1, max: 200 }),
  nameFi: Type.Optional(Type.Union([Type.Null(), Text({ max: 200 })])),
  nameEn: Type.Optional(Type.Union([Type.Null(), Text({ max: 200 })])),
  unitId: Type.String({ format: 'uuid' }),
  firstResponseDays: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 60 })])),
  active: Type.Optional(Type.Boolean()),
});
export type CategoryInput = Type.Static<typeof CategoryInput>;

const MESSAGES = {
  code: 'Ange en kod med 2–40 tecken: små bokstäver a–z, siffror, - eller _.',
  name: 'Ange ett namn (1–200 tecken).',
  nameFi: 'Det finska namnet får ha 1–200 tecken.',
  nameEn: 'Det engelska namnet får ha 1–200 tecken.',
  unitId: 'Välj vilken enhet som äger kategorin.',
  firstResponseDays: 'Ange antal arbetsdagar som ett heltal 0–60, eller lämna tomt.',
  active: 'Ange om kategorin är aktiv.',
};

export function listCategories(db: Db, tenantId: string, options?: { activeOnly?: boolean }) {
  return repo.listCategories(db, tenantId, options);
}

export function findCategoryByCode(db: Db, tenantId: string, code: string) {
  return repo.findCategoryByCode(db, tenantId, code);
}

export async function getCategory(db: Db, tenantId: string, id: string): Promise<repo.Category> {
  const category = await repo.findCategory(db, tenantId, id);
  if (!category) throw notFound('Kategorin');
  return category;
}

async function checked(actor: Actor, input: unknown, db: Db): Promise<repo.CategoryValues> {
  requireAnyRole(actor, ['admin']);
  const v = validate(CategoryInput, input, MESSAGES);
  try {
    await getUnit(db, actor.tenantId, v.unitId);
  } catch {
    throw new AppError('validation', 'Enheten finns inte.', { fields: [{ field: 'unitId', message: 'Enheten finns inte.' }] });
  }
  return {
    code: v.code,
    name: v.name.trim(),
    nameFi: v.nameFi?.trim() || null,
    nameEn: v.nameEn?.trim() || null,
    unitId: v.unitId,
    firstResponseDays: v.firstResponseDays ?? null,
    active: v.active ?? true,
  };
}

function duplicate(error: unknown): never {
  if ((error as { code?: string }).code === '23505') {
    throw new AppError('conflict', 'Koden används redan.', {
      fields: [{ field: 'code', message: 'Det finns redan en kategori med den koden.' }],
    });
  }
  throw error;
}

export async function createCategory(actor: Actor, input: unknown, { db }: { db: Db }): Promise<repo.Category> {
  const values = await checked(actor, input, db);
  try {
    return await db.transaction().execute(async (trx) => {
      const category = await repo.insertCategory(trx, actor.tenantId, values);
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'create',
        entity: 'category',
        entityId: category.id,
        data: { ...values },
      });
      return category;
    });
  } catch (error) {
    duplicate(error);
  }
}

/**
 * Reads the category under a row lock inside the transaction, so two concurrent changes run one
 * after the other and each audits the state it really replaced; a code taken meanwhile is a 409.
 */
export async function updateCategory(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<repo.Category> {
  const values = await checked(actor, input, db);
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await repo.findCategory(trx, actor.tenantId, id, { forUpdate: true });
      if (!before) throw notFound('Kategorin');
      const category = await repo.updateCategory(trx, actor.tenantId, id, values);
      if (!category) throw notFound('Kategorin');
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'update',
        entity: 'category',
        entityId: id,
        data: { before, after: values },
      });
      return category;
    });
  } catch (error) {
    duplicate(error);
  }
}

/** Bulk insert for demo data and imports (no audit per row; the caller audits the batch). */
export function insertCategoriesUnchecked(db: Db, tenantId: string, values: repo.CategoryValues[]) {
  return repo.insertCategories(db, tenantId, values);
}
