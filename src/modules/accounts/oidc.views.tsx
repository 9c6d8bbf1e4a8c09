import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Field, fieldError, Notice, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { OrgUnit } from '../org/org.service.ts';
import { ROLE_NAMES, ROLES } from './actor.ts';
import type { SignOnAdminView } from './oidc.service.ts';

type Session = NonNullable<StaffPageProps['session']>;

interface SignOnSettingsPageProps {
  session: Session;
  view: Partial<SignOnAdminView>;
  units: OrgUnit[];
  redirectUri: string;
  flash?: string;
  errors: FieldError[];
  /** What was typed, when the form comes back with errors (never the secret). */
  values?: Record<string, string>;
}

function Checkbox({ id, name, label, checked, hint }: { id: string; name: string; label: string; checked: boolean; hint?: string }) {
  return (
    <div class="field checkbox">
      <input type="checkbox" id={id} name={name} value="yes" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function SignOnSettingsPage({ session, view, units, redirectUri, flash, errors, values = {} }: SignOnSettingsPageProps) {
  const stored = view.stored;
  const v = (name: string, fallback: string | undefined) => values[name] ?? fallback ?? '';
  const unitName = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? 'okänd enhet') : 'hela organisationen');
  const policy = view.policy ?? { localPasswords: true, totpRequiredForAdmins: false };
  const secretError = fieldError(errors, 'clientSecret');
  return (
    <StaffPage title="Inloggning" session={session} current="/staff/sign-on">
      <h1>Inloggning</h1>
      {flash && <Notice>{flash}</Notice>}
      <ErrorSummary errors={errors} />

      <h2>Organisationens identitetstjänst</h2>
      <p>
        Med OpenID Connect loggar medarbetarna in med organisationens egen inloggning (t.ex. Microsoft Entra ID eller Keycloak). Registrera
        Insyn hos identitetstjänsten med den här återkopplingsadressen:
      </p>
      <p>
        <code class="token">{redirectUri}</code>
      </p>
      {!stored && view.envFallback && (
        <p>Just nu gäller inställningar från serverns miljövariabler (OIDC_*). Sparar du här gäller i stället dessa.</p>
      )}
      {stored && !stored.secretReadable && (
        <div class="error-summary" role="alert">
          <p>Den sparade klienthemligheten kan inte läsas (serverns SESSION_SECRET har bytts). Ange hemligheten igen.</p>
        </div>
      )}
      <form method="post" action="/staff/sign-on" novalidate>
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="action" value="settings" />
        <TextField
          id="displayName"
          label="Namn på knappen"
          hint='Visas som "Logga in med …" på inloggningssidan.'
          value={v('displayName', stored?.displayName)}
          errors={errors}
        />
        <TextField
          id="issuer"
          label="Identitetstjänstens adress (issuer)"
          hint="Till exempel https://login.microsoftonline.com/<tenant-id>/v2.0"
          value={v('issuer', stored?.issuer)}
          errors={errors}
        />
        <TextField id="clientId" label="Klient-id" value={v('clientId', stored?.clientId)} errors={errors} />
        <Field
          id="clientSecret"
          label="Klienthemlighet"
          hint={stored ? 'Sparad. Visas aldrig. Lämna tomt för att behålla den.' : 'Visas aldrig igen efter att den sparats.'}
          error={secretError}
        >
          <input
            type="password"
            id="clientSecret"
            name="clientSecret"
            autocomplete="off"
            aria-describedby={secretError ? 'clientSecret-hint clientSecret-error' : 'clientSecret-hint'}
            aria-invalid={secretError ? 'true' : undefined}
          />
        </Field>
        <TextField
          id="scopes"
          label="Omfång (scopes)"
          hint="Skiljs med mellanslag. Lägg till t.ex. groups om gruppattributet kräver det."
          value={v('scopes', stored?.scopes ?? 'openid email profile')}
          errors={errors}
        />
        <TextField
          id="groupsClaim"
          label="Gruppattribut (claim)"
          hint="Attributet som listar personens grupper; används av rollreglerna nedan."
          value={v('groupsClaim', stored?.groupsClaim ?? 'groups')}
          errors={errors}
        />
        <Checkbox
          id="createAccounts"
          name="createAccounts"
          label="Skapa konto vid första inloggningen"
          hint="Kontot får ingen roll förrän en regel eller en administratör ger en."
          checked={stored?.createAccounts ?? false}
        />
        <Checkbox id="enabled" name="enabled" label="Inloggning via identitetstjänsten är påslagen" checked={stored?.enabled ?? true} />
        <button type="submit">Spara inställningar</button>
      </form>

      <h2>Roller från grupper</h2>
      <p>
        Vid varje inloggning får personen rollerna för de grupper identitetstjänsten anger, och förlorar roller från grupper hen inte längre
        är med i. Roller som en administratör gett för hand ändras inte.
      </p>
      {(view.rules ?? []).length === 0 ? (
        <p>Inga regler ännu.</p>
      ) : (
        <ScrollTable caption="Regler för roller">
          <thead>
            <tr>
              <th scope="col">Grupp</th>
              <th scope="col">Roll</th>
              <th scope="col">Enhet</th>
              <th scope="col">Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {(view.rules ?? []).map((r) => (
              <tr>
                <td>
                  <code>{r.groupValue}</code>
                </td>
                <td>{ROLE_NAMES[r.role]}</td>
                <td>{unitName(r.unitId)}</td>
                <td>
                  <form method="post" action="/staff/sign-on" class="inline">
                    <CsrfField token={session.csrfToken} />
                    <input type="hidden" name="action" value="remove-rule" />
                    <input type="hidden" name="ruleId" value={r.id} />
                    <button type="submit" class="link-button">
                      Ta bort <span class="visually-hidden">regeln för {r.groupValue}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <form method="post" action="/staff/sign-on" novalidate>
        <h3>Lägg till en regel</h3>
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="action" value="add-rule" />
        <TextField
          id="groupValue"
          label="Grupp (namn eller id som identitetstjänsten skickar)"
          value={v('groupValue', '')}
          errors={errors}
        />
        <SelectField
          id="role"
          label="Roll"
          value={v('role', 'reader')}
          options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))}
          errors={errors}
        />
        <SelectField
          id="unitId"
          label="Enhet"
          hint="En roll på en enhet gäller också enheterna under den. Administratör gäller alltid hela organisationen."
          value={v('unitId', '')}
          empty="Hela organisationen"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          errors={errors}
        />
        <button type="submit">Lägg till regel</button>
      </form>

      <h2>Regler för inloggning</h2>
      <form method="post" action="/staff/sign-on" novalidate>
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="action" value="policy" />
        <fieldset id="localPasswords" aria-describedby={fieldError(errors, 'localPasswords') ? 'localPasswords-error' : undefined}>
          <legend>Lösenord i Insyn</legend>
          {fieldError(errors, 'localPasswords') && (
            <p class="error-message" id="localPasswords-error">
              <span class="visually-hidden">Fel: </span>
              {fieldError(errors, 'localPasswords')}
            </p>
          )}
          <div class="field radio">
            <input type="radio" id="localPasswords-yes" name="localPasswords" value="yes" checked={policy.localPasswords} />
            <label for="localPasswords-yes">Tillåtna (vid sidan av identitetstjänsten)</label>
          </div>
          <div class="field radio">
            <input type="radio" id="localPasswords-no" name="localPasswords" value="no" checked={!policy.localPasswords} />
            <label for="localPasswords-no">Avstängda: bara identitetstjänsten</label>
          </div>
        </fieldset>
        <fieldset id="totpRequiredForAdmins" aria-describedby="totpRequiredForAdmins-hint">
          <legend>Tvåstegsverifiering för administratörer</legend>
          <p class="hint" id="totpRequiredForAdmins-hint">
            Gäller inloggning med lösenord: en administratör utan tvåstegsverifiering måste slå på den direkt efter lösenordet, innan något
            annat. Inloggning via identitetstjänsten undantas, eftersom den sköter tvåstegsverifieringen själv. API-token påverkas inte.
          </p>
          <div class="field radio">
            <input
              type="radio"
              id="totpRequiredForAdmins-yes"
              name="totpRequiredForAdmins"
              value="yes"
              checked={policy.totpRequiredForAdmins}
            />
            <label for="totpRequiredForAdmins-yes">Krävs av administratörer</label>
          </div>
          <div class="field radio">
            <input
              type="radio"
              id="totpRequiredForAdmins-no"
              name="totpRequiredForAdmins"
              value="no"
              checked={!policy.totpRequiredForAdmins}
            />
            <label for="totpRequiredForAdmins-no">Frivillig för alla</label>
          </div>
        </fieldset>
        <button type="submit">Spara reglerna</button>
      </form>
    </StaffPage>
  );
}
