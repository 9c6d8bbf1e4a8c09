// The reports module's public face.

// The Chromium HTML-to-PDF driver, reused by the privacy module's register extract.
export { type Chromium, createChromium } from './report.chromium.ts';
export { reportTitle } from './report.model.ts';
export { type ReportSection, type ReportSectionBuilder, registerReportSection, type SectionTable } from './report.sections.ts';
export { registerReportRoutes } from './reports.routes.ts';
export { seedReportsDemo } from './reports.seed.ts';
export { listPublishedReports } from './reports.service.ts';
