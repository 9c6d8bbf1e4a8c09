import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Field, fieldError, SelectField, TextField } from '../../web/components.tsx';
import { StaffPage } from '../../web/layout.tsx';
import { PASSWORD_RULES } from './password-policy.ts';

export function ForgotPasswordPage({
  tenants,
  tenant,
  csrf,
  errors,
  sent,
}: {
  tenants: { slug: string; name: string }[];
  tenant: string;
  csrf: string;
  errors: FieldError[];
  sent?: boolean;
}) {
  return (
    <StaffPage title="Glömt lösenordet">
      <h1>Glömt lösenordet</h1>
      {sent ? (
        <div class="notice" role="status">
          <p>
            Om adressen har ett konto i organisationen har vi skickat ett mejl med en länk för att välja ett nytt lösenord. Länken fungerar
            en gång och i 30 minuter. Kommer inget mejl, kontrollera skräpposten eller fråga en administratör.
          </p>
        </div>
      ) : (
        <>
          <p>Ange organisation och e-postadress, så skickar vi en länk för att välja ett nytt lösenord.</p>
          <ErrorSummary errors={errors} />
          <form method="post" action="/staff/password/forgot" novalidate>
            <CsrfField token={csrf} />
            <SelectField
              id="tenant"
              label="Organisation"
              value={tenant}
              empty={tenant ? undefined : 'Välj organisation'}
              options={tenants.map((t) => ({ value: t.slug, label: t.name }))}
              errors={errors}
            />
            <TextField id="email" label="E-postadress" type="email" value="" errors={errors} />
            <button type="submit">Skicka länk</button>
          </form>
        </>
      )}
      <p>
        <a href="/staff/login">Tillbaka till inloggningen</a>
      </p>
    </StaffPage>
  );
}

export function ResetPasswordPage({
  token,
  csrf,
  errors,
  unusable,
}: {
  token: string;
  csrf: string;
  errors: FieldError[];
  unusable?: string;
}) {
  const error = fieldError(errors, 'password');
  return (
    <StaffPage title="Välj nytt lösenord">
      <h1>Välj nytt lösenord</h1>
      {unusable ? (
        <>
          <div class="error-summary" role="alert" tabindex={-1}>
            <h2>Länken fungerar inte</h2>
            <p>{unusable}</p>
          </div>
          <p>
            <a href="/staff/password/forgot">Be om en ny länk</a>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" action="/staff/password/reset" novalidate>
            <CsrfField token={csrf} />
            {token ? (
              <input type="hidden" name="token" value={token} />
            ) : (
              <TextField
                id="token"
                label="Koden från mejlet"
                hint="Om länken i mejlet inte gick att öppna: klistra in det som står efter token= i länken."
                value=""
                errors={errors}
              />
            )}
            <Field id="password" label="Nytt lösenord" hint={PASSWORD_RULES} error={error}>
              <input
                type="password"
                id="password"
                name="password"
                autocomplete="new-password"
                aria-describedby={error ? 'password-hint password-error' : 'password-hint'}
                aria-invalid={error ? 'true' : undefined}
              />
            </Field>
            <button type="submit">Spara lösenordet</button>
          </form>
        </>
      )}
    </StaffPage>
  );
}
