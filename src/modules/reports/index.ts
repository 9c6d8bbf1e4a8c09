// The reports module's public face.
export { registerReportSection, type ReportSection, type ReportSectionBuilder, type SectionTable } from './report.sections.ts';
export { registerReportRoutes } from './reports.routes.ts';
export { seedReportsDemo } from './reports.seed.ts';
