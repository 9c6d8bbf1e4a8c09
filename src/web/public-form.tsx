// The structure every resident-facing form shares (the case form, the tracking page's addition,
// the survey and after-contact answers): an error summary in the page's language, each field's
// label, hint and error wired with aria-describedby, and the form with its CSRF token. The language
// switch is the public layout's. No JavaScript: the form posts and the server shows it again.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../http/errors.ts';
import { CsrfField, ErrorSummary } from './components.tsx';
import type { Lang, Translated } from './i18n.ts';

const TEXT = {
  errorTitle: { sv: 'Det finns fel i formuläret', fi: 'Lomakkeessa on virheitä', en: 'There is a problem' },
  errorPrefix: { sv: 'Fel:', fi: 'Virhe:', en: 'Error:' },
} satisfies Record<string, Translated>;

/** "Fel: <title>" when the form has errors, so a screen reader hears it first (GOV.UK pattern). */
export function publicFormTitle(title: string, errors: FieldError[], lang: Lang): string {
  return errors.length ? `${TEXT.errorPrefix[lang]} ${title}` : title;
}

/** The error list above the form, linking to the fields; nothing when there are no errors. */
export function PublicErrorSummary({ errors, lang, title }: { errors: FieldError[]; lang: Lang; title?: string }) {
  return <ErrorSummary errors={errors} title={title ?? TEXT.errorTitle[lang]} />;
}

/** One field's error message, id `<field>-error` for aria-describedby. */
export function PublicErrorText({ id, error, lang }: { id: string; error: string | undefined; lang: Lang }) {
  if (!error) return null;
  return (
    <p class="error-message" id={`${id}-error`}>
      <span class="visually-hidden">{TEXT.errorPrefix[lang]} </span>
      {error}
    </p>
  );
}

interface PublicFieldProps {
  id: string;
  label: ComponentChildren;
  hint?: string;
  error: string | undefined;
  lang: Lang;
  /** The input itself; it sets aria-describedby (components.tsx describedBy) and aria-invalid. */
  children: ComponentChildren;
}

/** Label, hint and error around one input. */
export function PublicField({ id, label, hint, error, lang, children }: PublicFieldProps) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <PublicErrorText id={id} error={error} lang={lang} />
      {children}
    </div>
  );
}

/** A group of radios under a legend, with the group's error; the first radio has the group's id. */
export function PublicFieldset({
  id,
  legend,
  error,
  lang,
  children,
}: {
  id: string;
  legend: ComponentChildren;
  error: string | undefined;
  lang: Lang;
  children: ComponentChildren;
}) {
  return (
    <fieldset class={error ? 'field has-error' : 'field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <PublicErrorText id={id} error={error} lang={lang} />
      {children}
    </fieldset>
  );
}

interface PublicFormProps {
  action: string;
  csrfToken: string;
  errors: FieldError[];
  lang: Lang;
  submit: string;
  /** The summary's title when the form's own words fit better ("errors in the answers"). */
  errorTitle?: string;
  class?: string;
  /** Shown first inside the form, above the error summary (a form's own heading). */
  heading?: ComponentChildren;
  children: ComponentChildren;
}

/** A public form: its heading, the error summary, the CSRF token, the fields and the submit button. */
export function PublicForm(p: PublicFormProps) {
  return (
    <form method="post" action={p.action} novalidate class={p.class}>
      {p.heading}
      <PublicErrorSummary errors={p.errors} lang={p.lang} title={p.errorTitle} />
      <CsrfField token={p.csrfToken} />
      {p.children}
      <button type="submit">{p.submit}</button>
    </form>
  );
}
