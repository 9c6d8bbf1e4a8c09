import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, requireActor } from '../http/auth.ts';
import type { Actor } from '../modules/accounts/actor.ts';
import { hasAnyRole } from '../modules/accounts/policy.ts';
import type { StaffNavItem, StaffPageProps } from './layout.tsx';

/** The staff menu: every page an actor's roles give access to. Modules add theirs here. */
export function staffNav(actor: Actor): StaffNavItem[] {
  const nav: StaffNavItem[] = [{ href: '/staff', label: 'Översikt' }];
  nav.push({ href: '/staff/org', label: 'Organisation' });
  if (hasAnyRole(actor, ['admin'])) nav.push({ href: '/staff/users', label: 'Användare' });
  nav.push({ href: '/staff/calendar', label: 'Kalender' });
  nav.push({ href: '/staff/account', label: 'Mitt konto' });
  return nav;
}

export interface StaffContext {
  actor: Actor;
  session: NonNullable<StaffPageProps['session']>;
}

/** For a staff page: the signed-in actor and what the layout needs, or a 401 (→ login). */
export function staffContext(request: FastifyRequest, reply: FastifyReply): StaffContext {
  const actor = requireActor(request);
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
