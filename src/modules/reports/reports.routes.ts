// Everything the reports module serves: its JSON API, staff pages and public pages. One Chromium
// (started on first use) prints PDFs and draws chart images; it closes with the app.
import type { App, AppContext } from '../../http/context.ts';
import { stopReportWorker } from './report.offthread.ts';
import { createPrinter } from './report.printer.ts';
import { registerReportsApi } from './reports.api.ts';
import { registerReportPublicRoutes } from './reports.public.tsx';
import { registerReportStaffRoutes } from './reports.staff.routes.tsx';

export function registerReportRoutes(app: App, ctx: AppContext): void {
  const printer = createPrinter(ctx.config.chromiumPath);
  app.addHook('onClose', async () => {
    await printer.close();
    await stopReportWorker();
  });
  registerReportsApi(app, ctx, printer);
  registerReportStaffRoutes(app, ctx, printer);
  registerReportPublicRoutes(app, ctx, printer);
}
