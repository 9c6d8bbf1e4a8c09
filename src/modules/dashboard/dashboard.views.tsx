import { Notice } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { type Actor, ROLE_NAMES } from '../accounts/actor.ts';

interface DashboardPageProps {
  session: NonNullable<StaffPageProps['session']>;
  actor: Actor;
  flash?: string;
}

export function DashboardPage({ session, actor, flash }: DashboardPageProps) {
  const roles = [...new Set(actor.grants.map((g) => ROLE_NAMES[g.role]))];
  return (
    <StaffPage title="Översikt" session={session} current="/staff">
      <h1>Översikt</h1>
      {flash && <Notice>{flash}</Notice>}
      <p class="lead">
        Välkommen, {actor.name}. Du är inloggad i {actor.tenantName} som {roles.join(', ') || 'användare utan roll'}.
      </p>
      <ul class="cards">
        {session.nav
          .filter((item) => item.href !== '/staff')
          .map((item) => (
            <li class="card">
              <h2>
                <a href={item.href}>{item.label}</a>
              </h2>
            </li>
          ))}
      </ul>
    </StaffPage>
  );
}
