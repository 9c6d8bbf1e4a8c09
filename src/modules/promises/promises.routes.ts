// The promises module's HTTP surface: JSON API, staff pages, public pages and open data.
import type { App, AppContext } from '../../http/context.ts';
import { registerPromiseApi } from './promises.api.ts';
import { registerPublicPromiseRoutes } from './promises.public.routes.ts';
import { registerPromiseStaffRoutes } from './promises.staff.routes.ts';

export function registerPromiseRoutes(app: App, ctx: AppContext): void {
  registerPromiseApi(app, ctx);
  registerPromiseStaffRoutes(app, ctx);
  registerPublicPromiseRoutes(app, ctx);
}
