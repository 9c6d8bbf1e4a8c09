import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Field, Notice, ScrollTable, TextField } from '../../web/components.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { OrgUnit } from '../org/org.service.ts';
import { type Actor, ROLE_NAMES, ROLES } from './actor.ts';
import type { LoginLock } from './login.service.ts';
import type { SecondFactorStatus } from './totp.service.ts';
import { SecondFactorSection } from './totp.views.tsx';

type Session = NonNullable<StaffPageProps['session']>;

interface UserRow {
  id: string;
  email: string;
  name: string;
  active: boolean;
  lastLoginAt: Date | null;
}
interface GrantRow {
  id: string;
  userId: string;
  role: keyof typeof ROLE_NAMES;
  unitId: string | null;
  unitName: string | null;
}

function grantLabel(g: GrantRow): string {
  return `${ROLE_NAMES[g.role]} – ${g.unitName ?? 'hela organisationen'}`;
}

interface UsersPageProps {
  session: Session;
  users: UserRow[];
  grants: GrantRow[];
  flash?: string;
  errors: FieldError[];
  values: { email?: string; name?: string };
}

export function UsersPage({ session, users, grants, flash, errors, values }: UsersPageProps) {
  return (
    <StaffPage title="Användare" session={session} current="/staff/users">
      <h1>Användare</h1>
      {flash && <Notice>{flash}</Notice>}
      <table>
        <caption>Användare och behörigheter</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">E-post</th>
            <th scope="col">Behörigheter</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td>
                <a href={`/staff/users/${u.id}`}>{u.name}</a>
              </td>
              <td>{u.email}</td>
              <td>
                {grants
                  .filter((g) => g.userId === u.id)
                  .map(grantLabel)
                  .join(', ') || 'Inga'}
              </td>
              <td>{u.active ? 'Aktiv' : 'Inaktiverad'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/staff/users" novalidate>
        <h2>Lägg till en användare</h2>
        <p>Ett lösenord skapas och visas en gång. Lämna över det på ett säkert sätt.</p>
        <ErrorSummary errors={errors} />
        <CsrfField token={session.csrfToken} />
        <TextField id="name" label="Namn" value={values.name} errors={errors} />
        <TextField id="email" label="E-postadress" type="email" value={values.email} errors={errors} />
        <button type="submit">Lägg till</button>
      </form>
    </StaffPage>
  );
}

interface UserPageProps {
  session: Session;
  user: UserRow;
  grants: GrantRow[];
  units: OrgUnit[];
  flash?: string;
  errors: FieldError[];
  newPassword?: string;
  /** Failed logins that hold the account back, when there are enough to matter. */
  lock?: LoginLock;
  /** Whether the user's TOTP second factor is on. */
  secondFactor?: boolean;
}

function lockText(lock: LoginLock): string {
  if (lock.locked && lock.retryAt) return `Låst till ${formatDateTime(lock.retryAt)} efter ${lock.failures} misslyckade inloggningar.`;
  if (lock.retryAt) return `${lock.failures} misslyckade inloggningar; nästa försök tillåts ${formatDateTime(lock.retryAt)}.`;
  return `${lock.failures} misslyckade inloggningar i rad; varje nytt fel ger längre väntetid.`;
}

export function UserPage({ session, user, grants, units, flash, newPassword, lock, secondFactor }: UserPageProps) {
  return (
    <StaffPage title={user.name} session={session} current="/staff/users">
      <p>
        <a href="/staff/users">Tillbaka till användarna</a>
      </p>
      <h1>{user.name}</h1>
      {flash && <Notice>{flash}</Notice>}
      {newPassword && (
        <div class="notice" role="status">
          <p>Användaren har lagts till. Lösenordet visas bara nu:</p>
          <p class="token">{newPassword}</p>
        </div>
      )}
      <dl class="facts">
        <dt>E-post</dt>
        <dd>{user.email}</dd>
        <dt>Status</dt>
        <dd>{user.active ? 'Aktiv' : 'Inaktiverad'}</dd>
        <dt>Senast inloggad</dt>
        <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Aldrig'}</dd>
        <dt>Inloggning</dt>
        <dd>{lock ? lockText(lock) : 'Inte spärrad'}</dd>
        <dt>Tvåstegsverifiering</dt>
        <dd>{secondFactor ? 'Påslagen' : 'Inte påslagen'}</dd>
      </dl>
      {secondFactor && (
        <form method="post" action={`/staff/users/${user.id}/second-factor`}>
          <CsrfField token={session.csrfToken} />
          <p>Har användaren tappat bort telefonen och reservkoderna? Efter en återställning loggar hen in med lösenordet.</p>
          <button type="submit">Återställ tvåstegsverifieringen</button>
        </form>
      )}
      {lock && (
        <form method="post" action={`/staff/users/${user.id}`}>
          <CsrfField token={session.csrfToken} />
          <button type="submit" name="action" value="unlock">
            Lås upp inloggningen
          </button>
        </form>
      )}
      <h2>Behörigheter</h2>
      {grants.length === 0 ? (
        <p>Inga behörigheter.</p>
      ) : (
        <ul>
          {grants.map((g) => (
            <li>
              {grantLabel(g)}{' '}
              <form method="post" action={`/staff/users/${user.id}`} class="inline">
                <CsrfField token={session.csrfToken} />
                <input type="hidden" name="grantId" value={g.id} />
                <button type="submit" name="action" value="revoke" class="link-button">
                  Ta bort <span class="visually-hidden">{grantLabel(g)}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`/staff/users/${user.id}`}>
        <h3>Ge en behörighet</h3>
        <p>En roll på en enhet gäller också alla enheter under den. Administratör gäller hela organisationen.</p>
        <CsrfField token={session.csrfToken} />
        <Field id="role" label="Roll">
          <select id="role" name="role">
            {ROLES.map((r) => (
              <option value={r}>{ROLE_NAMES[r]}</option>
            ))}
          </select>
        </Field>
        <Field id="unitId" label="Enhet">
          <select id="unitId" name="unitId">
            <option value="">Hela organisationen</option>
            {units.map((u) => (
              <option value={u.id}>{u.name}</option>
            ))}
          </select>
        </Field>
        <button type="submit" name="action" value="grant">
          Ge behörighet
        </button>
      </form>
      <form method="post" action={`/staff/users/${user.id}`}>
        <h3>Konto</h3>
        <CsrfField token={session.csrfToken} />
        {user.active ? (
          <button type="submit" name="action" value="deactivate" class="danger">
            Inaktivera kontot
          </button>
        ) : (
          <button type="submit" name="action" value="activate">
            Aktivera kontot
          </button>
        )}
      </form>
    </StaffPage>
  );
}

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  readOnly: boolean;
}

interface SessionRow {
  ref: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
}

interface AccountPageProps {
  session: Session;
  actor: Actor;
  tokens: TokenRow[];
  sessions: SessionRow[];
  /** The reference of the session this page is seen in. */
  currentRef: string;
  now: Date;
  flash?: string;
  newToken?: string;
  /** Absent for an actor without a user account. */
  secondFactor?: SecondFactorStatus;
}

/** "Firefox på Linux" from a user agent, or the text itself shortened. */
function browserName(agent: string | null): string {
  if (!agent) return 'Okänd webbläsare';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrome\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : undefined;
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /Android/.test(agent)
      ? 'Android'
      : /iPhone|iPad/.test(agent)
        ? 'iOS'
        : /Mac OS/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : undefined;
  return browser ? `${browser}${system ? ` på ${system}` : ''}` : agent.slice(0, 60);
}

function tokenStatus(t: TokenRow, now: Date): string | undefined {
  if (t.revokedAt) return 'Återkallad';
  if (t.expiresAt && t.expiresAt.getTime() <= now.getTime()) return 'Har gått ut';
  return undefined;
}

function SessionsTable({ session, sessions, currentRef }: { session: Session; sessions: SessionRow[]; currentRef: string }) {
  return (
    <ScrollTable caption="Där du är inloggad">
      <thead>
        <tr>
          <th scope="col">Webbläsare</th>
          <th scope="col">Inloggad</th>
          <th scope="col">Senast aktiv</th>
          <th scope="col">Åtgärd</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr>
            <td>
              {browserName(s.userAgent)}
              {s.ref === currentRef && <strong> (den här)</strong>}
            </td>
            <td>{formatDateTime(s.createdAt)}</td>
            <td>{formatDateTime(s.lastSeenAt)}</td>
            <td>
              <form method="post" action="/staff/account/sessions" class="inline">
                <CsrfField token={session.csrfToken} />
                <input type="hidden" name="sessionRef" value={s.ref} />
                <button type="submit" class="link-button">
                  {s.ref === currentRef ? 'Avsluta (loggar ut dig här)' : 'Avsluta'}{' '}
                  <span class="visually-hidden">
                    inloggningen i {browserName(s.userAgent)} från {formatDateTime(s.createdAt)}
                  </span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function AccountPage({ session, actor, tokens, sessions, currentRef, now, flash, newToken, secondFactor }: AccountPageProps) {
  return (
    <StaffPage title="Mitt konto" session={session} current="/staff/account">
      <h1>Mitt konto</h1>
      {flash && <Notice>{flash}</Notice>}
      <dl class="facts">
        <dt>Namn</dt>
        <dd>{actor.name}</dd>
        <dt>E-post</dt>
        <dd>{actor.label}</dd>
        <dt>Organisation</dt>
        <dd>{actor.tenantName}</dd>
        <dt>Roller</dt>
        <dd>{actor.grants.map((g) => ROLE_NAMES[g.role]).join(', ') || 'Inga'}</dd>
      </dl>
      {actor.grants.length === 0 && (
        <div class="notice" role="status">
          <p>
            Ditt konto har ingen behörighet i Insyn, så inga andra sidor öppnas och du kan inte skapa API-token. Be en administratör i din
            organisation om behörighet.
          </p>
        </div>
      )}
      {secondFactor && <SecondFactorSection session={session} status={secondFactor} />}
      <h2>Mina inloggningar</h2>
      <p>Webbläsare där du är inloggad. Känner du inte igen en, avsluta den och byt lösenord.</p>
      {sessions.length > 0 ? <SessionsTable session={session} sessions={sessions} currentRef={currentRef} /> : <p>Inga inloggningar.</p>}
      <h2>API-token</h2>
      <p>
        En personlig token ger program åtkomst till API:t med dina behörigheter. Skicka den som{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      {newToken && (
        <div class="notice" role="status">
          <p>Din nya token visas bara nu. Kopiera den och förvara den säkert:</p>
          <p class="token">{newToken}</p>
        </div>
      )}
      {tokens.length > 0 && (
        <ScrollTable caption="Dina token">
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Början</th>
              <th scope="col">Får</th>
              <th scope="col">Skapad</th>
              <th scope="col">Gäller till</th>
              <th scope="col">Senast använd</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{t.readOnly ? 'Bara läsa' : 'Läsa och ändra'}</td>
                <td>{formatDateTime(t.createdAt)}</td>
                <td>{t.expiresAt ? formatDateTime(t.expiresAt) : 'Tills vidare'}</td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Aldrig'}</td>
                <td>
                  {tokenStatus(t, now) ?? (
                    <form method="post" action="/staff/account/tokens" class="inline">
                      <CsrfField token={session.csrfToken} />
                      <input type="hidden" name="tokenId" value={t.id} />
                      <button type="submit" name="action" value="revoke" class="link-button">
                        Återkalla <span class="visually-hidden">{t.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {actor.grants.length > 0 && (
        <form method="post" action="/staff/account/tokens">
          <CsrfField token={session.csrfToken} />
          <Field id="token-name" label="Namn på ny token" hint="Till exempel: Integration med e-tjänsteplattformen">
            <input type="text" id="token-name" name="name" maxLength={100} aria-describedby="token-name-hint" />
          </Field>
          <Field id="token-expires" label="Giltig">
            <select id="token-expires" name="expiresInDays">
              <option value="90">90 dagar</option>
              <option value="30">30 dagar</option>
              <option value="7">7 dagar</option>
              <option value="365">Ett år</option>
              <option value="0">Tills vidare (tills du återkallar den)</option>
            </select>
          </Field>
          <div class="field checkbox">
            <input type="checkbox" id="token-read-only" name="readOnly" value="yes" />
            <label for="token-read-only">Bara läsa (token kan inte ändra något)</label>
          </div>
          <button type="submit" name="action" value="create">
            Skapa token
          </button>
        </form>
      )}
    </StaffPage>
  );
}
