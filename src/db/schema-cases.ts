// Row types of the cases module's tables (migration 0003_cases.sql).
export interface CaseTables {}
