// Row types of the promises module's tables (migration 0005_promises.sql).
export interface PromiseTables {}
