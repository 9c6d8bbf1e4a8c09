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
}

export function LoginPage({ tenants, csrf, next, values, error, errors = [] }: LoginPageProps) {
  const emailError = fieldError(errors, 'email');
  return (
    <StaffPage title="Logga in">
      <h1>Logga in</h1>
      {error && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>Inloggningen misslyckades</h2>
          <p>{error}</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
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
    </StaffPage>
  );
}
