import type { App, AppContext } from '../../http/context.ts';

export function registerMeetingRoutes(_app: App, _ctx: AppContext): void {}
