// Row types of the meetings module's tables (migration 0004_meetings.sql).
export interface MeetingTables {}
