import type { App, AppContext } from '../../http/context.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import { DashboardPage } from './dashboard.views.tsx';

export function registerDashboardRoutes(app: App, _ctx: AppContext): void {
  app.get('/staff', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    return html(reply, renderPage(DashboardPage({ session, actor, flash: takeFlash(request) })));
  });
}
