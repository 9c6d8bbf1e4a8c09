// Staff pages of cases: inbox, intake ("Ny kontakt"), case page with actions, categories and
// statistics, each in its own file. Plain forms, post → redirect → get.
import type { App, AppContext } from '../../http/context.ts';
import { addStaffNav } from '../../web/staff.ts';
import { registerCaseAdminRoutes } from './cases.admin.routes.ts';
import { registerCasePageRoutes } from './cases.case.routes.ts';
import { registerInboxRoutes } from './cases.inbox.routes.ts';
import { registerIntakeRoutes } from './cases.intake.routes.ts';
import { registerResponseTemplateRoutes } from './response-templates.routes.ts';

export function registerCaseStaffRoutes(app: App, { db }: AppContext): void {
  addStaffNav({ href: '/staff/cases', label: 'Ärenden', order: 10, roles: ['agent', 'officer', 'quality', 'admin'] });
  // Alt+Shift+N (Chrome, Edge, Firefox on Windows and Linux; Ctrl+Option+N on a Mac): an access key
  // does not collide with the screen readers' own keys, which use Insert, Caps Lock or Ctrl+Option.
  addStaffNav({ href: '/staff/cases/new', label: 'Ny kontakt', order: 11, roles: ['agent', 'officer', 'admin'], accessKey: 'n' });
  addStaffNav({ href: '/staff/stats', label: 'Statistik', order: 20 });
  addStaffNav({ href: '/staff/categories', label: 'Kategorier', order: 70, roles: ['admin'] });

  registerInboxRoutes(app, { db });

  registerIntakeRoutes(app, { db });
  registerCasePageRoutes(app, { db });
  registerCaseAdminRoutes(app, { db });
  registerResponseTemplateRoutes(app, { db });
}
