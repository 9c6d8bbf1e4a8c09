// Staff pages for categories (admin) and first-feedback statistics.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { formatShare } from '../../web/i18n.ts';
import { StaffPage } from '../../web/layout.tsx';
import type { OrgUnit } from '../org/org.service.ts';
import type { Session, Values } from './cases.views.tsx';
import type { Category } from './categories.service.ts';
import type { FirstResponseStats, Split } from './stats.service.ts';

interface CategoriesProps {
  session: Session;
  categories: Category[];
  units: OrgUnit[];
  values: Values;
  errors: FieldError[];
  flash?: string;
  /** The category being edited; absent = the create form. */
  editing?: Category;
  overrides?: { unitId: string; firstResponseDays: number }[];
  unitDays?: { values: Values; errors: FieldError[] };
}

function CategoryFields({ units, values, errors }: { units: OrgUnit[]; values: Values; errors: FieldError[] }) {
  return (
    <>
      <TextField
        id="code"
        label="Kod"
        value={values.code}
        errors={errors}
        hint="2–40 tecken: a–z, 0–9, - och _. Används i API:t och formulären."
      />
      <TextField id="name" label="Namn (svenska)" value={values.name} errors={errors} />
      <TextField id="nameFi" label="Namn på finska (frivilligt)" value={values.nameFi} errors={errors} />
      <TextField id="nameEn" label="Namn på engelska (frivilligt)" value={values.nameEn} errors={errors} />
      <SelectField
        id="unitId"
        label="Ägande enhet"
        value={values.unitId}
        errors={errors}
        empty="Välj enhet"
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <TextField
        id="firstResponseDays"
        label="Arbetsdagar till återkoppling (frivilligt)"
        value={values.firstResponseDays}
        errors={errors}
        hint="Lämna tomt för att använda enhetens eller kommunens standard."
      />
      <div class="field">
        <input type="checkbox" id="active" name="active" value="yes" checked={values.active !== 'no'} />{' '}
        <label for="active">Aktiv (kan väljas i formulären)</label>
      </div>
    </>
  );
}

export function CategoriesPage({ session, categories, units, values, errors, flash, editing, overrides = [], unitDays }: CategoriesProps) {
  const unitErrors = unitDays?.errors ?? [];
  const categoryErrors = errors.filter((e) => !unitErrors.includes(e));
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '–';
  if (editing) {
    return (
      <StaffPage title={`Ändra ${editing.name}`} session={session} current="/staff/categories">
        <p>
          <a href="/staff/categories">Tillbaka till kategorierna</a>
        </p>
        <h1>Ändra {editing.name}</h1>
        <form method="post" action={`/staff/categories/${editing.id}`} novalidate>
          <ErrorSummary errors={errors} />
          <CsrfField token={session.csrfToken} />
          <CategoryFields units={units} values={values} errors={errors} />
          <button type="submit">Spara</button>
        </form>
      </StaffPage>
    );
  }
  return (
    <StaffPage title="Kategorier" session={session} current="/staff/categories">
      <h1>Kategorier</h1>
      {flash && <Notice>{flash}</Notice>}
      <table>
        <caption>Kategorier och de enheter som äger dem</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Kod</th>
            <th scope="col">Enhet</th>
            <th scope="col">Arbetsdagar</th>
            <th scope="col">Aktiv</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr>
              <th scope="row">
                <a href={`/staff/categories/${c.id}`}>{c.name}</a>
              </th>
              <td>{c.code}</td>
              <td>{unitName(c.unitId)}</td>
              <td>{c.firstResponseDays ?? 'Standard'}</td>
              <td>{c.active ? 'Ja' : 'Nej'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/staff/categories" novalidate>
        <h2>Lägg till en kategori</h2>
        <ErrorSummary errors={categoryErrors} />
        <CsrfField token={session.csrfToken} />
        <CategoryFields units={units} values={values} errors={categoryErrors} />
        <button type="submit">Lägg till</button>
      </form>
      <h2>Tidsfrist per enhet</h2>
      <p>
        En kategori med eget antal arbetsdagar går före enheten; annars gäller närmaste enhet uppåt i organisationen som har ett värde,
        annars kommunens standard. Ändringar gäller nya ärenden.
      </p>
      {overrides.length > 0 && (
        <table>
          <caption>Enheter med egen tidsfrist</caption>
          <thead>
            <tr>
              <th scope="col">Enhet</th>
              <th scope="col">Arbetsdagar</th>
            </tr>
          </thead>
          <tbody>
            {overrides.map((o) => (
              <tr>
                <th scope="row">{unitName(o.unitId)}</th>
                <td>{o.firstResponseDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action="/staff/categories/unit-days" novalidate>
        <ErrorSummary errors={unitErrors} />
        <CsrfField token={session.csrfToken} />
        <SelectField
          id="unitDaysUnit"
          label="Enhet"
          value={unitDays?.values.unitDaysUnit}
          errors={unitErrors}
          empty="Välj enhet"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <TextField
          id="unitDays"
          label="Arbetsdagar till återkoppling"
          value={unitDays?.values.unitDays}
          errors={unitErrors}
          hint="Lämna tomt för att ta bort enhetens egen tidsfrist."
        />
        <button type="submit">Spara tidsfrist</button>
      </form>
    </StaffPage>
  );
}

function StatsTable({ caption, rows, first }: { caption: string; rows: Split[]; first: string }) {
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">Ärenden</th>
          <th scope="col">Räknade</th>
          <th scope="col">I tid</th>
          <th scope="col">För sent</th>
          <th scope="col">Öppna efter tidsfrist</th>
          <th scope="col">Ej förfallna</th>
          <th scope="col">Andel i tid</th>
          <th scope="col">Median arbetsdagar</th>
          <th scope="col">Lösta vid första kontakten</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            <td>{r.received}</td>
            <td>{r.onTime + r.late + r.openOverdue}</td>
            <td>{r.onTime}</td>
            <td>{r.late}</td>
            <td>{r.openOverdue}</td>
            <td>{r.notYetDue}</td>
            <td>{r.onTimeRate === null ? '–' : formatShare(r.onTimeRate)}</td>
            <td>{r.medianWorkingDays === null ? '–' : r.medianWorkingDays.toLocaleString('sv-SE')}</td>
            <td>{r.firstContactRate === null ? '–' : `${r.resolvedAtFirstContact} (${formatShare(r.firstContactRate)})`}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

interface StatsProps {
  session: Session;
  stats: FirstResponseStats | null;
  units: OrgUnit[];
  values: Values;
  errors: FieldError[];
  chartSvg: string;
  csvHref: string;
}

export function StatsPage({ session, stats, units, values, errors, chartSvg, csvHref }: StatsProps) {
  return (
    <StaffPage title="Statistik – återkoppling" session={session} current="/staff/stats">
      <h1>Återkoppling i tid</h1>
      <h2>Så mäter vi</h2>
      <ul>
        <li>Ärenden vars tidsfrist för första återkoppling ligger i perioden.</li>
        <li>
          Ett ärende räknas först när tidsfristen har passerat, också om det redan är besvarat (till dess står det under ”Ej förfallna”).
          Samma regel gäller servicelöftenas resultat, så ett löfte med samma antal arbetsdagar räknar lika många ärenden för samma period.
        </li>
        <li>Öppna ärenden efter tidsfristen räknas som missade.</li>
        <li>Andelar visas med högst en decimal, på samma sätt som på servicelöftenas sidor.</li>
      </ul>
      <form method="get" action="/staff/stats" class="filters" novalidate>
        <ErrorSummary errors={errors} />
        <SelectField
          id="unit"
          label="Enhet (med underenheter)"
          value={values.unit}
          empty="Hela kommunen"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <TextField id="from" label="Från" type="date" value={values.from} errors={errors} />
        <TextField id="to" label="Till" type="date" value={values.to} errors={errors} />
        <button type="submit">Visa</button>
      </form>
      {stats && (
        <>
          <StatsTable
            caption={`Totalt ${stats.from}–${stats.to}`}
            first="Period"
            rows={[{ ...stats.total, key: 'total', label: `${stats.from}–${stats.to}` }]}
          />
          <p>
            <a href={csvHref}>Ladda ner tabellerna som CSV</a>
          </p>
          <h2>Andel i tid per kategori</h2>
          {chartSvg ? (
            <figure class="chart-figure">
              {/* The SVG is produced by Observable Plot, which escapes all text (see stats.chart.ts). */}
              <div dangerouslySetInnerHTML={{ __html: chartSvg }} />
              <figcaption>Samma uppgifter finns i tabellen per kategori nedan.</figcaption>
            </figure>
          ) : (
            <p>Inga förfallna ärenden i perioden.</p>
          )}
          <StatsTable caption="Per kategori" first="Kategori" rows={stats.byCategory} />
          <StatsTable caption="Per kanal" first="Kanal" rows={stats.byChannel} />
          <StatsTable caption="Per typ" first="Typ" rows={stats.byType} />
        </>
      )}
    </StaffPage>
  );
}
