import type { FieldError } from '../../http/errors.ts';
import { CsrfField, describedBy, ErrorSummary, Field, fieldError } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { Enrolment, SecondFactorStatus } from './totp.service.ts';

type Session = NonNullable<StaffPageProps['session']>;

function CodeInput({ errors, hint }: { errors: FieldError[]; hint: string }) {
  const error = fieldError(errors, 'code');
  return (
    <Field id="code" label="Kod" hint={hint} error={error}>
      <input
        type="text"
        id="code"
        name="code"
        inputmode="numeric"
        autocomplete="one-time-code"
        spellcheck={false}
        maxLength={20}
        aria-describedby={describedBy('code', true, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </Field>
  );
}

/** The second step of a sign-in: the code from the app, or a recovery code. */
export function SecondFactorPage({ csrf, error }: { csrf: string; error?: string }) {
  return (
    <StaffPage title="Tvåstegsverifiering">
      <h1>Tvåstegsverifiering</h1>
      {error && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>Inloggningen misslyckades</h2>
          <p>{error}</p>
        </div>
      )}
      <p>Lösenordet stämmer. Öppna autentiseringsappen i din telefon och skriv koden den visar för Insyn.</p>
      <form method="post" action="/staff/login/code" novalidate>
        <CsrfField token={csrf} />
        <CodeInput errors={[]} hint="Sex siffror. Har du inte telefonen: skriv en av dina reservkoder (till exempel ABCD-EFGH-JKLM)." />
        <button type="submit">Logga in</button>
      </form>
      <form method="post" action="/staff/logout">
        <CsrfField token={csrf} />
        <button type="submit" class="link-button">
          Avbryt inloggningen
        </button>
      </form>
      <p>Har du varken telefonen eller någon reservkod? Be en administratör i din organisation att återställa tvåstegsverifieringen.</p>
    </StaffPage>
  );
}

interface EnrolPageProps {
  /** Signed in (from "Mitt konto"); absent during a sign-in that requires enrolment. */
  session?: Session;
  csrf: string;
  enrolment: Enrolment;
  /** Where the form posts and where the QR image is. */
  action: string;
  qrUrl: string;
  errors: FieldError[];
  /** The tenant requires it of admins (enrolment during sign-in). */
  required?: boolean;
}

export function EnrolPage({ session, csrf, enrolment, action, qrUrl, errors, required }: EnrolPageProps) {
  return (
    <StaffPage title="Slå på tvåstegsverifiering" session={session} current={session ? '/staff/account' : undefined}>
      {session && (
        <p>
          <a href="/staff/account">Tillbaka till Mitt konto</a>
        </p>
      )}
      <h1>Slå på tvåstegsverifiering</h1>
      <ErrorSummary errors={errors} />
      {required && (
        <div class="notice" role="status">
          <p>Din organisation kräver tvåstegsverifiering av administratörer. Slå på den nu för att logga in.</p>
        </div>
      )}
      <p>
        Efter lösenordet frågar Insyn då efter en kod från en autentiseringsapp i din telefon (till exempel Microsoft Authenticator, Google
        Authenticator eller FreeOTP).
      </p>
      <h2>1. Lägg till Insyn i appen</h2>
      <p>Skanna QR-koden med appen.</p>
      <p>
        <img src={qrUrl} width={200} height={200} alt="QR-kod för autentiseringsappen. Nyckeln finns också som text nedan." />
      </p>
      <p>Kan du inte skanna? Välj att skriva in nyckeln i appen (tidsbaserad, 6 siffror):</p>
      <p>
        <code class="token">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <h2>2. Bekräfta med en kod</h2>
      <form method="post" action={action} novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="action" value="confirm" />
        <CodeInput errors={errors} hint="Sex siffror, som appen visar för Insyn just nu." />
        <button type="submit">Slå på</button>
      </form>
    </StaffPage>
  );
}

/** The recovery codes, shown on this response only. */
export function RecoveryCodesPage({ session, codes, next }: { session?: Session; codes: string[]; next: string }) {
  return (
    <StaffPage title="Dina reservkoder" session={session} current={session ? '/staff/account' : undefined}>
      <h1>Tvåstegsverifiering är påslagen</h1>
      <div class="notice" role="status">
        <p>Spara reservkoderna nu, till exempel utskrivna eller i en lösenordshanterare. De visas bara en gång.</p>
      </div>
      <p>Varje reservkod kan användas en gång i stället för en kod från appen, om du inte har telefonen.</p>
      <ul class="recovery-codes">
        {codes.map((c) => (
          <li>
            <code class="token">{c}</code>
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href={next}>
          Jag har sparat koderna, fortsätt
        </a>
      </p>
    </StaffPage>
  );
}

/** The section of "Mitt konto". */
export function SecondFactorSection({
  session,
  status,
  errors = [],
}: {
  session: Session;
  status: SecondFactorStatus;
  errors?: FieldError[];
}) {
  const error = fieldError(errors, 'code');
  return (
    <section aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading">Tvåstegsverifiering</h2>
      <p>Gäller inloggning med lösenord. Vid inloggning via organisationens identitetstjänst sköter den tvåstegsverifieringen.</p>
      {status.enabled ? (
        <>
          <p>
            Påslagen. Du har {status.recoveryLeft} oanvända reservkoder
            {status.recoveryLeft <= 3 ? ' – stäng av och slå på igen för att få nya.' : '.'}
          </p>
          <form method="post" action="/staff/account/totp" novalidate>
            <CsrfField token={session.csrfToken} />
            <input type="hidden" name="action" value="disable" />
            <Field id="code" label="Kod från appen eller reservkod" error={error}>
              <input
                type="text"
                id="code"
                name="code"
                inputmode="numeric"
                autocomplete="one-time-code"
                maxLength={20}
                aria-describedby={describedBy('code', false, error)}
                aria-invalid={error ? 'true' : undefined}
              />
            </Field>
            <Field id="totp-password" label="… eller ditt lösenord">
              <input type="password" id="totp-password" name="password" autocomplete="current-password" />
            </Field>
            <button type="submit" class="danger">
              Stäng av tvåstegsverifiering
            </button>
          </form>
        </>
      ) : (
        <form method="post" action="/staff/account/totp">
          <p>Inte påslagen.</p>
          <CsrfField token={session.csrfToken} />
          <input type="hidden" name="action" value="start" />
          <button type="submit">Slå på tvåstegsverifiering</button>
        </form>
      )}
    </section>
  );
}
