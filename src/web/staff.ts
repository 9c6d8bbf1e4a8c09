import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../db/schema.ts';
import { csrfToken, requireActor, requireSignedIn } from '../http/auth.ts';
import type { Actor } from '../modules/accounts/actor.ts';
import { hasAnyRole } from '../modules/accounts/policy.ts';
import type { StaffNavItem, StaffPageProps } from './layout.tsx';

export interface StaffNavEntry extends StaffNavItem {
  /** Shown to actors with any of these roles; absent = every signed-in actor. */
  roles?: readonly Role[];
  /** Position in the menu; lower first. */
  order: number;
}

/** The one staff page a signed-in user without any role may open. */
export const ACCOUNT_PAGE = '/staff/account';

const navEntries: StaffNavEntry[] = [
  { href: '/staff', label: 'Översikt', order: 0 },
  { href: '/staff/org', label: 'Organisation', order: 80 },
  { href: '/staff/users', label: 'Användare', order: 85, roles: ['admin'] },
  { href: '/staff/calendar', label: 'Kalender', order: 90 },
  { href: ACCOUNT_PAGE, label: 'Mitt konto', order: 100 },
];

/** Each module adds its staff pages to the menu when its routes are registered. */
export function addStaffNav(entry: StaffNavEntry): void {
  if (!navEntries.some((e) => e.href === entry.href)) navEntries.push(entry);
}

/** The staff menu: every page an actor's roles give access to. */
export function staffNav(actor: Actor): StaffNavItem[] {
  // No role, no access: without a role only the own account page is open.
  const open = (e: StaffNavEntry) => (actor.grants.length === 0 ? e.href === ACCOUNT_PAGE : !e.roles || hasAnyRole(actor, e.roles));
  return navEntries
    .filter(open)
    .sort((a, b) => a.order - b.order)
    .map(({ href, label, accessKey }) => ({ href, label, accessKey }));
}

export interface StaffContext {
  actor: Actor;
  session: NonNullable<StaffPageProps['session']>;
}

/**
 * For a staff page: the signed-in actor and what the layout needs, or a 401 (→ login), or a 403
 * for an actor without any role. `withoutRole` is only for the user's own account page.
 */
export function staffContext(request: FastifyRequest, reply: FastifyReply, options: { withoutRole?: boolean } = {}): StaffContext {
  const actor = options.withoutRole ? requireSignedIn(request) : requireActor(request);
  return {
    actor,
    session: { name: actor.name, tenantName: actor.tenantName, csrfToken: csrfToken(reply), nav: staffNav(actor) },
  };
}

/** Takes the one-time message left by the previous request (post → redirect → get). */
export function takeFlash(request: FastifyRequest): string | undefined {
  const flash = request.session.flash;
  if (flash) request.session.flash = undefined;
  return flash;
}

export function html(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}
