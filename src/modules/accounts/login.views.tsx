import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Field, fieldError, SelectField } from '../../web/components.tsx';
import { StaffPage } from '../../web/layout.tsx';

interface LoginPageProps {
  tenants: { slug: string; name: string }[];
  csrf: string;
  next: string;
  /** tenant: the organisation chosen, remembered or given in the URL; '' asks. */
  values: { tenant: string; email: string };
  /** A refusal of the sign-in as a whole (wrong password, throttled). */
  error?: string;
  errors?: FieldError[];
  /** Organisations with single sign-on: "Logga in med <displayName>". */
  signOn?: { slug: string; displayName: string }[];
  /** The chosen organisation allows only single sign-on. */
  passwordsOff?: boolean;
  /** A neutral message (e.g. after logout). */
  notice?: string;
}

function signOnHref(slug: string, next: string): string {
  const query = new URLSearchParams({ org: slug });
  if (next !== '/staff') query.set('next', next);
  return `/staff/login/oidc?${query.toString()}`;
}

export function LoginPage({ tenants, csrf, next, values, error, errors = [], signOn = [], passwordsOff = false, notice }: LoginPageProps) {
  const emailError = fieldError(errors, 'email');
  // The chosen organisation's button only; every organisation's when none is chosen yet.
  const buttons = signOn.filter((s) => !values.tenant || s.slug === values.tenant);
  return (
    <StaffPage title="Logga in">
      <h1>Logga in</h1>
      {notice && (
        <div class="notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      {error && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>Inloggningen misslyckades</h2>
          <p>{error}</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      {buttons.length > 0 && (
        <section class="sign-on" aria-labelledby="sign-on-heading">
          <h2 id="sign-on-heading">Med din organisations inloggning</h2>
          <ul class="sign-on-list">
            {buttons.map((b) => (
              <li>
                <a class="button" href={signOnHref(b.slug, next)}>
                  Logga in med {b.displayName}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {passwordsOff ? (
        <p>Din organisation loggar bara in via sin egen inloggningstjänst. Lösenord i Insyn används inte.</p>
      ) : (
        <PasswordForm
          csrf={csrf}
          next={next}
          values={values}
          errors={errors}
          tenants={tenants}
          emailError={emailError}
          heading={buttons.length > 0}
        />
      )}
    </StaffPage>
  );
}

function PasswordForm({
  csrf,
  next,
  values,
  errors,
  tenants,
  emailError,
  heading,
}: {
  csrf: string;
  next: string;
  values: { tenant: string; email: string };
  errors: FieldError[];
  tenants: { slug: string; name: string }[];
  emailError: string | undefined;
  heading: boolean;
}) {
  return (
    <>
      {heading && <h2>Med e-postadress och lösenord</h2>}
      <form method="post" action="/staff/login" novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="next" value={next} />
        <SelectField
          id="tenant"
          label="Organisation"
          hint="Kommunen eller organisationen du arbetar i. Den här webbläsaren kommer ihåg ditt val."
          value={values.tenant}
          empty={values.tenant ? undefined : 'Välj organisation'}
          options={tenants.map((t) => ({ value: t.slug, label: t.name }))}
          errors={errors}
        />
        <Field id="email" label="E-postadress" error={emailError}>
          <input
            type="email"
            id="email"
            name="email"
            autocomplete="username"
            value={values.email}
            spellcheck={false}
            aria-describedby={emailError ? 'email-error' : undefined}
            aria-invalid={emailError ? 'true' : undefined}
          />
        </Field>
        <Field id="password" label="Lösenord" error={fieldError(errors, 'password')}>
          <input
            type="password"
            id="password"
            name="password"
            autocomplete="current-password"
            aria-describedby={fieldError(errors, 'password') ? 'password-error' : undefined}
          />
        </Field>
        <button type="submit">Logga in</button>
      </form>
      <p>
        <a href="/staff/password/forgot">Glömt lösenordet?</a>
      </p>
    </>
  );
}

/** After logout from Insyn, on the way to the provider's logout (the Refresh header takes the browser there). */
export function LoggedOutPage({ provider, url }: { provider: string; url: string }) {
  return (
    <StaffPage title="Utloggad">
      <h1>Du är utloggad från Insyn</h1>
      <p>Nu loggas du ut från {provider} också.</p>
      <p>
        <a href={url}>Fortsätt till {provider} för att logga ut där</a>
      </p>
    </StaffPage>
  );
}
