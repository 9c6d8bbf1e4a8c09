// Staff pages of cases: the inbox, the intake form ("Ny kontakt") and the case page.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, SelectField, TextField } from '../../web/components.tsx';
import { dateTimeFormat, formatLongDate } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { type DueState, dueStateLabel, formatWorkingDays } from './cases.deadline.ts';
import { CASE_CHANNEL_NAMES, CASE_CHANNELS, CASE_TYPE_NAMES, CASE_TYPES } from './cases.schemas.ts';
import type { FirstResponsePreview } from './cases.service.ts';
import type { Category } from './categories.service.ts';

export type Session = NonNullable<StaffPageProps['session']>;
export type Values = Record<string, string>;

const _dateTime = (iso: string) =>
  dateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));

export function DueLabel({ state }: { state: DueState }) {
  const { text, className } = dueStateLabel(state);
  return <span class={`due ${className}`}>{text}</span>;
}

interface IntakeProps {
  session: Session;
  categories: { category: Category; unitName: string; days: number }[];
  values: Values;
  errors: FieldError[];
  /** Owner and due date for the chosen area and time of receipt, before saving. */
  preview?: FirstResponsePreview;
  flash?: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Ansvarig: Gatuenheten. Återkoppling senast torsdag 3 december 2026 (2 arbetsdagar)." */
export function previewText(p: FirstResponsePreview): string {
  return `Ansvarig: ${p.unitName}. Återkoppling senast ${formatLongDate(p.due, 'sv')} (${plural(p.days, 'arbetsdag', 'arbetsdagar')}).`;
}

export function IntakePage({ session, categories, values, errors, preview, flash }: IntakeProps) {
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
            label: `${category.name} – ${unitName} (återkoppling inom ${formatWorkingDays(days)})`,
          }))}
        />
        <div class="intake-preview">
          <p id="intake-preview" aria-live="polite">
            {preview ? previewText(preview) : 'Välj område för att se ansvarig enhet och svarsdatum.'}
          </p>
          <button type="submit" name="action" value="preview" class="secondary">
            Visa ansvarig och svarsdatum
          </button>
        </div>
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
      <script src="/static/intake.js" defer />
    </StaffPage>
  );
}
