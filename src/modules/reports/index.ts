// The reports module's public face.
export { type ReportSection, type ReportSectionBuilder, registerReportSection, type SectionTable } from './report.sections.ts';
export { registerReportRoutes } from './reports.routes.ts';
export { seedReportsDemo } from './reports.seed.ts';
export { listPublishedReports } from './reports.service.ts';
