// Staff pages of cases: the inbox, the intake form ("Ny kontakt") and the case page.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { dateTimeFormat } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { OrgUnit } from '../org/org.service.ts';
import { type DueState, dueStateLabel } from './cases.deadline.ts';
import type { CaseView } from './cases.present.ts';
import { CASE_CHANNEL_NAMES, CASE_CHANNELS, CASE_STATUS_NAMES, CASE_TYPE_NAMES, CASE_TYPES } from './cases.schemas.ts';
import type { Category } from './categories.service.ts';

export type Session = NonNullable<StaffPageProps['session']>;
export type Values = Record<string, string>;

const dateTime = (iso: string) =>
  dateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));

export function DueLabel({ state }: { state: DueState }) {
  const { text, className } = dueStateLabel(state);
  return <span class={`due ${className}`}>{text}</span>;
}

export interface InboxRow {
  c: CaseView;
  state: DueState;
}

interface InboxProps {
  session: Session;
  rows: InboxRow[];
  total: number;
  page: number;
  pageSize: number;
  filters: Values;
  units: OrgUnit[];
  categories: Category[];
  flash?: string;
  query: string;
}

export function InboxPage({ session, rows, total, page, pageSize, filters, units, categories, flash, query }: InboxProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (p: number) =>
    `/staff/cases?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), page: String(p) })}`;
  return (
    <StaffPage title="Ärenden" session={session} current="/staff/cases">
      <h1>Ärenden</h1>
      {flash && <Notice>{flash}</Notice>}
      <form method="get" action="/staff/cases" class="filters">
        <SelectField
          id="scope"
          label="Visa"
          value={filters.scope}
          options={[
            { value: 'units', label: 'Mina enheter' },
            { value: 'mine', label: 'Tilldelade mig' },
          ]}
        />
        <SelectField
          id="unit"
          label="Enhet"
          value={filters.unit}
          empty="Alla enheter"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <SelectField
          id="status"
          label="Status"
          value={filters.status}
          options={[
            { value: 'open', label: 'Öppna' },
            ...Object.entries(CASE_STATUS_NAMES).map(([value, label]) => ({ value, label })),
            { value: 'all', label: 'Alla' },
          ]}
        />
        <SelectField
          id="category"
          label="Kategori"
          value={filters.category}
          empty="Alla kategorier"
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
        />
        <SelectField
          id="channel"
          label="Kanal"
          value={filters.channel}
          empty="Alla kanaler"
          options={CASE_CHANNELS.map((c) => ({ value: c, label: CASE_CHANNEL_NAMES[c] }))}
        />
        <button type="submit">Filtrera</button>
      </form>
      <ScrollTable
        caption={`${total} ${total === 1 ? 'ärende' : 'ärenden'}, sorterade efter tidsfrist${pages > 1 ? ` (sida ${page} av ${pages})` : ''}`}
      >
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            <th scope="col">Inkom</th>
            <th scope="col">Typ</th>
            <th scope="col">Kategori</th>
            <th scope="col">Enhet</th>
            <th scope="col">Status</th>
            <th scope="col">Återkoppling senast</th>
            <th scope="col">Läge</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ c, state }) => (
            <tr>
              <th scope="row">
                <a href={`/staff/cases/${c.id}`}>{c.caseNumber}</a>
              </th>
              <td>{dateTime(c.receivedAt)}</td>
              <td>{CASE_TYPE_NAMES[c.type]}</td>
              <td>{c.categoryName}</td>
              <td>{c.unitName}</td>
              <td>{CASE_STATUS_NAMES[c.status]}</td>
              <td>{c.firstResponseDue}</td>
              <td>
                <DueLabel state={state} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {pages > 1 && (
        <nav aria-label="Sidor" class="pager">
          {page > 1 && <a href={pageLink(page - 1)}>Föregående sida</a>} {page < pages && <a href={pageLink(page + 1)}>Nästa sida</a>}
        </nav>
      )}
    </StaffPage>
  );
}

interface IntakeProps {
  session: Session;
  categories: { category: Category; unitName: string; days: number }[];
  values: Values;
  errors: FieldError[];
  flash?: string;
}

export function IntakePage({ session, categories, values, errors, flash }: IntakeProps) {
  return (
    <StaffPage title="Ny kontakt" session={session} current="/staff/cases/new">
      <h1>Ny kontakt</h1>
      {flash && <Notice>{flash}</Notice>}
      <form method="post" action="/staff/cases/new" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField token={session.csrfToken} />
        <SelectField
          id="channel"
          label="Kanal"
          value={values.channel}
          errors={errors}
          options={CASE_CHANNELS.map((c) => ({ value: c, label: CASE_CHANNEL_NAMES[c] }))}
        />
        <TextField
          id="receivedAt"
          label="Mottagen"
          type="datetime-local"
          value={values.receivedAt}
          errors={errors}
          hint="Svensk tid. Ändra om kontakten kom in tidigare."
        />
        <SelectField
          id="type"
          label="Vad gäller det?"
          value={values.type}
          errors={errors}
          options={CASE_TYPES.map((t) => ({ value: t, label: CASE_TYPE_NAMES[t] }))}
        />
        <SelectField
          id="category"
          label="Område"
          value={values.category}
          errors={errors}
          empty="Välj område"
          hint="Enheten som äger området får ärendet; tidsfristen räknas i arbetsdagar från mottagningsdagen."
          options={categories.map(({ category, unitName, days }) => ({
            value: category.code,
            label: `${category.name} – ${unitName} (återkoppling inom ${days} arbetsdagar)`,
          }))}
        />
        <TextField id="subject" label="Rubrik (frivilligt)" value={values.subject} errors={errors} />
        <TextField id="message" label="Meddelande" value={values.message} errors={errors} textarea />
        <fieldset>
          <legend>Kontaktuppgifter (frivilligt)</legend>
          <TextField id="contact.name" label="Namn" value={values['contact.name']} errors={errors} />
          <TextField id="contact.email" label="E-post" type="email" value={values['contact.email']} errors={errors} />
          <TextField id="contact.phone" label="Telefon" type="tel" value={values['contact.phone']} errors={errors} />
        </fieldset>
        <SelectField
          id="language"
          label="Språk"
          value={values.language}
          options={[
            { value: 'sv', label: 'Svenska' },
            { value: 'fi', label: 'Finska' },
            { value: 'en', label: 'Engelska' },
          ]}
        />
        <div class="field">
          <input type="checkbox" id="resolved" name="resolved" value="yes" checked={values.resolved === 'yes'} />{' '}
          <label for="resolved">Löst vid första kontakten</label>
        </div>
        <TextField id="answer" label="Svaret som gavs (om löst vid första kontakten)" value={values.answer} errors={errors} textarea />
        <button type="submit">Registrera</button>
      </form>
    </StaffPage>
  );
}
