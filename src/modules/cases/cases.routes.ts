import type { App, AppContext } from '../../http/context.ts';

export function registerCaseRoutes(_app: App, _ctx: AppContext): void {}
