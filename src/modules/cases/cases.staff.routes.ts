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
  // An access key (Alt+N in Chrome and Edge, Alt+Shift+N in Firefox, Ctrl+Option+N on a Mac) does not
  // collide with screen readers, whose own commands use Insert or Caps Lock (NVDA, JAWS) or Ctrl+Option
  // with other keys (VoiceOver); N is not a browser access key of its own.
  addStaffNav({ href: '/staff/cases/new', label: 'Ny kontakt', order: 11, roles: ['agent', 'officer', 'admin'], accessKey: 'n' });
  addStaffNav({ href: '/staff/stats', label: 'Statistik', order: 20 });
  addStaffNav({ href: '/staff/categories', label: 'Kategorier', order: 70, roles: ['admin'] });

  registerInboxRoutes(app, { db });

  registerIntakeRoutes(app, { db });
  registerCasePageRoutes(app, { db });
  registerCaseAdminRoutes(app, { db });
  registerResponseTemplateRoutes(app, { db });
}
