// Search across the public site: one document per public page in portal_search_documents,
// searched with PostgreSQL full-text search and the Swedish configuration (stemming, stop words),
// on PostgreSQL and the embedded PGlite alike. The documents are rebuilt when the fingerprint of
// what they are made from changes, so a changed promise or goal is found at once.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface SearchDocument {
  path: string;
  kind: string;
  title: string;
  body: string;
}

export interface SearchHit extends SearchDocument {
  rank: number;
}

/** Rebuilds the tenant's documents if `fingerprint` differs from the one they were built from. */
export async function ensureSearchIndex(
  db: Db,
  tenantId: string,
  fingerprint: string,
  build: () => Promise<SearchDocument[]>,
): Promise<boolean> {
  const state = await db.selectFrom('portal_search_state').select('fingerprint').where('tenant_id', '=', tenantId).executeTakeFirst();
  if (state?.fingerprint === fingerprint) return false;
  const docs = await build();
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('tenants').select('id').where('id', '=', tenantId).forUpdate().executeTakeFirstOrThrow();
    await trx.deleteFrom('portal_search_documents').where('tenant_id', '=', tenantId).execute();
    const unique = [...new Map(docs.map((d) => [d.path, d])).values()];
    for (let i = 0; i < unique.length; i += 200) {
      const chunk = unique.slice(i, i + 200);
      await trx
        .insertInto('portal_search_documents')
        .values(
          chunk.map((d) => ({
            tenant_id: tenantId,
            path: d.path,
            kind: d.kind,
            title: d.title,
            body: d.body,
            document: sql<string>`setweight(to_tsvector('swedish', ${d.title}), 'A') || setweight(to_tsvector('swedish', ${d.body}), 'B')`,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('portal_search_state')
      .values({ tenant_id: tenantId, fingerprint, built_at: new Date() })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ fingerprint, built_at: new Date() }))
      .execute();
  });
  return true;
}

/** The words of a query as a prefix query ("bygglov" also finds "bygglovet"); null when there is no word. */
export function toPrefixQuery(q: string): string | null {
  const words =
    q
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 10) ?? [];
  if (words.length === 0) return null;
  return words.map((w) => `${w}:*`).join(' & ');
}

export async function searchSite(db: Db, tenantId: string, q: string, limit = 30): Promise<SearchHit[]> {
  const query = toPrefixQuery(q);
  if (!query) return [];
  const result = await sql<SearchHit>`
    select path, kind, title, body, ts_rank(document, to_tsquery('swedish', ${query}))::float8 as rank
    from portal_search_documents
    where tenant_id = ${tenantId} and document @@ to_tsquery('swedish', ${query})
    order by rank desc, title
    limit ${limit}`.execute(db);
  return result.rows;
}
