import type { App, AppContext } from '../../http/context.ts';

export function registerPromiseRoutes(_app: App, _ctx: AppContext): void {}
