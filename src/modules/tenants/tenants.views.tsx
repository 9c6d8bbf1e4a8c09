import type { FieldError } from '../../http/errors.ts';
import { CsrfField, describedBy, ErrorSummary, Field, fieldError, Notice } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { Tenant } from './tenants.repo.ts';

type Session = NonNullable<StaffPageProps['session']>;

/** What the form shows: exactly what was typed, as text. */
export interface SettingsFormValues {
  name: string;
  orgNumber: string;
  defaultLanguage: string;
  firstResponseDays: string;
  municipalityCode: string;
}

const LANGUAGE_NAMES: { value: string; label: string }[] = [
  { value: 'sv', label: 'Svenska' },
  { value: 'fi', label: 'Finska' },
  { value: 'en', label: 'Engelska' },
];

interface TenantSettingsPageProps {
  session: Session;
  tenant: Tenant;
  flash?: string;
  errors: FieldError[];
  values: SettingsFormValues;
}

export function TenantSettingsPage({ session, tenant, flash, errors, values }: TenantSettingsPageProps) {
  const nameError = fieldError(errors, 'name');
  const orgError = fieldError(errors, 'orgNumber');
  const langError = fieldError(errors, 'defaultLanguage');
  const daysError = fieldError(errors, 'firstResponseDays');
  const codeError = fieldError(errors, 'municipalityCode');
  return (
    <StaffPage title="Inställningar" session={session} current="/staff/settings">
      <h1>Inställningar för {tenant.name}</h1>
      {flash && <Notice>{flash}</Notice>}
      <form method="post" action="/staff/settings" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField token={session.csrfToken} />
        <Field id="name" label="Kommunens namn" error={nameError}>
          <input
            type="text"
            id="name"
            name="name"
            value={values.name}
            maxLength={200}
            autocomplete="organization"
            aria-describedby={describedBy('name', false, nameError)}
            aria-invalid={nameError ? 'true' : undefined}
          />
        </Field>
        <Field id="orgNumber" label="Organisationsnummer" hint="Skrivs NNNNNN-NNNN. Kan lämnas tomt." error={orgError}>
          <input
            type="text"
            id="orgNumber"
            name="orgNumber"
            value={values.orgNumber}
            maxLength={20}
            inputmode="numeric"
            aria-describedby={describedBy('orgNumber', true, orgError)}
            aria-invalid={orgError ? 'true' : undefined}
          />
        </Field>
        <Field
          id="defaultLanguage"
          label="Förvalt språk"
          hint="Språket som invånarsidorna visas på om besökaren inte har valt något annat."
          error={langError}
        >
          <select
            id="defaultLanguage"
            name="defaultLanguage"
            aria-describedby={describedBy('defaultLanguage', true, langError)}
            aria-invalid={langError ? 'true' : undefined}
          >
            {LANGUAGE_NAMES.map((l) => (
              <option value={l.value} selected={values.defaultLanguage === l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="firstResponseDays"
          label="Återkoppling inom (arbetsdagar)"
          hint="Förvalt antal arbetsdagar till första återkoppling. Kategorier och enheter kan ha egna värden. Gäller ärenden som kommer in efter ändringen – ärenden som redan finns behåller sin tidsgräns."
          error={daysError}
        >
          <input
            type="text"
            id="firstResponseDays"
            name="firstResponseDays"
            value={values.firstResponseDays}
            inputmode="numeric"
            maxLength={3}
            class="narrow"
            aria-describedby={describedBy('firstResponseDays', true, daysError)}
            aria-invalid={daysError ? 'true' : undefined}
          />
        </Field>
        <Field
          id="municipalityCode"
          label="Kommunkod"
          hint="Kommunens fyrsiffriga kod i Kolada och SCB, till exempel 0188. Behövs för indikatorer som hämtas från Kolada. Kan lämnas tom."
          error={codeError}
        >
          <input
            type="text"
            id="municipalityCode"
            name="municipalityCode"
            value={values.municipalityCode}
            inputmode="numeric"
            maxLength={4}
            class="narrow"
            aria-describedby={describedBy('municipalityCode', true, codeError)}
            aria-invalid={codeError ? 'true' : undefined}
          />
        </Field>
        <button type="submit">Spara</button>
      </form>
    </StaffPage>
  );
}
