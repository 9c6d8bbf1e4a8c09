// Everything the goals module serves: its JSON API and its staff pages.
import type { App, AppContext } from '../../http/context.ts';
import { registerDefineStaffRoutes } from './define.staff.routes.tsx';
import { registerGoalsApi } from './goals.api.ts';
import { registerGoalStaffRoutes } from './goals.staff.routes.ts';
import { registerPlanImportStaffRoutes } from './import.staff.routes.ts';
import { registerRoundsApi } from './rounds.api.ts';
import { registerRoundStaffRoutes } from './rounds.staff.routes.ts';
import { registerTransferApi } from './transfer.api.ts';
import { registerWorkApi } from './work.api.ts';

export function registerGoalRoutes(app: App, ctx: AppContext): void {
  registerGoalsApi(app, ctx);
  registerWorkApi(app, ctx);
  registerRoundsApi(app, ctx);
  registerTransferApi(app, ctx);
  registerGoalStaffRoutes(app, ctx);
  registerRoundStaffRoutes(app, ctx);
  registerDefineStaffRoutes(app, ctx);
  registerPlanImportStaffRoutes(app, ctx);
}
