// The reports module's public face.

// The Chromium PDF printer, reused by the privacy module's register extract.
export { createPrinter, type ReportPrinter } from './report.chromium.ts';
export { reportTitle } from './report.model.ts';
export { type ReportSection, type ReportSectionBuilder, registerReportSection, type SectionTable } from './report.sections.ts';
export { registerReportRoutes } from './reports.routes.ts';
export { seedReportsDemo } from './reports.seed.ts';
export { listPublishedReports } from './reports.service.ts';
