// Staff pages of the portal: the public site's settings (name, logo, accent colour, licence,
// accessibility statement) and "Vad läser invånarna?" (page views without personal data).
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { formatCount, formatLongDate } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { ReadingStats } from './portal.pageviews.ts';
import { LICENCES, type PortalSettings } from './portal.settings.ts';

type Session = NonNullable<StaffPageProps['session']>;

export interface SettingsFormValues {
  displayName: string;
  accentColour: string;
  adjustColour: string;
  licence: string;
  contactEmail: string;
  feedbackCategory: string;
  compliance: string;
  knownIssues: string;
  assessedOn: string;
}

export function settingsValues(s: PortalSettings): SettingsFormValues {
  return {
    displayName: s.displayName ?? '',
    accentColour: s.accentColour ?? '',
    adjustColour: '',
    licence: s.licence,
    contactEmail: s.contactEmail ?? '',
    feedbackCategory: s.feedbackCategory ?? '',
    compliance: s.compliance,
    knownIssues: s.knownIssues,
    assessedOn: s.assessedOn ?? '',
  };
}

export function PortalSettingsPage({
  session,
  tenantSlug,
  settings,
  values,
  errors,
  flash,
  categories,
}: {
  session: Session;
  tenantSlug: string;
  settings: PortalSettings;
  values: SettingsFormValues;
  errors: FieldError[];
  flash?: string;
  categories: { code: string; name: string }[];
}) {
  return (
    <StaffPage title="Den öppna webbplatsen" session={session} current="/staff/portal">
      <h1>Den öppna webbplatsen</h1>
      {flash && <Notice>{flash}</Notice>}
      <p>
        Webbplatsen "Kvalitet och resultat" finns på <a href={`/${tenantSlug}`}>/{tenantSlug}</a>. Här ställer du in namn, logotyp, färg,
        licens för öppna data och tillgänglighetsredogörelsen.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/staff/portal" novalidate>
        <CsrfField token={session.csrfToken} />
        <TextField
          id="displayName"
          label="Namn på webbplatsen"
          hint="Lämna tomt för kommunens namn."
          value={values.displayName}
          errors={errors}
        />
        <TextField
          id="accentColour"
          label="Accentfärg"
          hint="Som #rrggbb. Färgen måste ha kontrast minst 4,5:1 mot vit bakgrund. Lämna tomt för standardfärgen."
          value={values.accentColour}
          errors={errors}
          inputClass="input-short"
        />
        <div class="field">
          <input type="checkbox" id="adjustColour" name="adjustColour" value="yes" checked={values.adjustColour === 'yes'} />{' '}
          <label for="adjustColour">Gör färgen mörkare om kontrasten är för låg</label>
        </div>
        <SelectField
          id="licence"
          label="Licens för öppna data"
          value={values.licence}
          options={Object.entries(LICENCES).map(([value, l]) => ({ value, label: l.name }))}
          errors={errors}
        />
        <h2>Tillgänglighetsredogörelse</h2>
        <SelectField
          id="compliance"
          label="Hur väl uppfyller webbplatsen lagen?"
          value={values.compliance}
          options={[
            { value: 'full', label: 'Helt förenlig' },
            { value: 'partial', label: 'Delvis förenlig' },
            { value: 'none', label: 'Inte förenlig' },
          ]}
          errors={errors}
        />
        <TextField
          id="knownIssues"
          label="Kända brister"
          hint="En tom rad mellan styckena."
          value={values.knownIssues}
          errors={errors}
          textarea
        />
        <TextField
          id="assessedOn"
          label="Senaste bedömning (ÅÅÅÅ-MM-DD)"
          value={values.assessedOn}
          errors={errors}
          inputClass="input-short"
        />
        <TextField id="contactEmail" label="E-post för frågor om tillgänglighet" value={values.contactEmail} errors={errors} type="email" />
        <SelectField
          id="feedbackCategory"
          label="Område för rapporter om brister"
          hint="Rapporterna blir ärenden i det här området. Utan val används det första aktiva området."
          value={values.feedbackCategory}
          empty="Första aktiva området"
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
          errors={errors}
        />
        <button type="submit">Spara</button>
      </form>
      <h2>Logotyp</h2>
      {settings.hasLogo ? (
        <p>
          Nuvarande logotyp:{' '}
          <img class="logo-preview" src={`/${tenantSlug}/logo?v=${settings.version}`} alt="Kommunens logotyp" height={40} />
        </p>
      ) : (
        <p>Ingen logotyp är vald.</p>
      )}
      <form method="post" action="/staff/portal/logo" enctype="multipart/form-data" novalidate>
        <CsrfField token={session.csrfToken} />
        <div class={errors.some((e) => e.field === 'logo') ? 'field has-error' : 'field'}>
          <label for="logo">Ny logotyp</label>
          <p class="hint" id="logo-hint">
            PNG eller JPEG, högst 200 kB. SVG tas inte emot.
          </p>
          <input type="file" id="logo" name="logo" accept="image/png,image/jpeg" aria-describedby="logo-hint" />
        </div>
        <button type="submit">Ladda upp</button>
      </form>
      {settings.hasLogo && (
        <form method="post" action="/staff/portal/logo/remove" class="inline">
          <CsrfField token={session.csrfToken} />
          <button type="submit" class="secondary">
            Ta bort logotypen
          </button>
        </form>
      )}
    </StaffPage>
  );
}

export function ReadersPage({
  session,
  stats,
  days,
  today,
  unread,
}: {
  session: Session;
  stats: ReadingStats;
  days: number;
  today: string;
  unread: { path: string; title: string; kind: string }[];
}) {
  return (
    <StaffPage title="Vad läser invånarna?" session={session} current="/staff/portal/readers">
      <h1>Vad läser invånarna?</h1>
      <p>
        Sidvisningar på den öppna webbplatsen de senaste {days} dagarna, till och med {formatLongDate(today, 'sv')}. Vi sparar inga kakor,
        inga IP-adresser och ingen webbläsarinformation; besökare räknas en gång per sida och dag. Sökrobotar räknas inte.
      </p>
      <p class="big-number">{formatCount(stats.totalViews)} visningar</p>
      {stats.top.length === 0 ? (
        <p>Inga visningar ännu.</p>
      ) : (
        <ScrollTable caption={`Mest lästa sidor, senaste ${days} dagarna`}>
          <thead>
            <tr>
              <th scope="col">Sida</th>
              <th scope="col" class="num">
                Visningar
              </th>
              <th scope="col" class="num">
                Besökare
              </th>
              <th scope="col" class="num">
                {days} dagar före
              </th>
              <th scope="col">Trend</th>
            </tr>
          </thead>
          <tbody>
            {stats.top.map((r) => (
              <tr>
                <th scope="row">
                  <a href={r.path}>{r.path}</a>
                </th>
                <td class="num">{formatCount(r.views)}</td>
                <td class="num">{formatCount(r.visitors)}</td>
                <td class="num">{formatCount(r.previous)}</td>
                <td>{r.previous === 0 ? 'ny' : r.views > r.previous ? '↑ ökar' : r.views < r.previous ? '↓ minskar' : '→ lika'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {stats.days.length > 0 && (
        <details>
          <summary>Visningar per dag</summary>
          <ScrollTable caption="Visningar per dag">
            <thead>
              <tr>
                <th scope="col">Dag</th>
                <th scope="col" class="num">
                  Visningar
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.days.map((d) => (
                <tr>
                  <th scope="row">{d.day}</th>
                  <td class="num">{formatCount(d.views)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </details>
      )}
      <h2>Löften och mått som ingen har öppnat</h2>
      {unread.length === 0 ? (
        <p>Alla löften och mått har öppnats minst en gång.</p>
      ) : (
        <ul>
          {unread.map((u) => (
            <li>
              {u.kind}: <a href={u.path}>{u.title}</a>
            </li>
          ))}
        </ul>
      )}
    </StaffPage>
  );
}
