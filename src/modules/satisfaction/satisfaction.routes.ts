// Every route of the satisfaction module: the JSON API, the staff pages and the public pages.
import type { App, AppContext } from '../../http/context.ts';
import { registerSatisfactionApi } from './satisfaction.api.ts';
import { registerSatisfactionPublicRoutes } from './satisfaction.public.routes.ts';
import { registerSatisfactionStaffRoutes } from './satisfaction.staff.routes.ts';

export function registerSatisfactionRoutes(app: App, ctx: AppContext): void {
  registerSatisfactionApi(app, ctx);
  registerSatisfactionStaffRoutes(app, ctx);
  registerSatisfactionPublicRoutes(app, ctx);
}
