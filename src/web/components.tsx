import type { ComponentChildren } from 'preact';
import type { FieldError } from '../http/errors.ts';

/** GOV.UK-style error summary: a list of links to the fields, shown above the form. */
export function ErrorSummary({ errors, title = 'Det finns fel i formuläret' }: { errors: FieldError[]; title?: string }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldError(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}

/** Label, hint and error message around one input; the input gets aria-describedby itself. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <div class="notice" role="status">
      {children}
    </div>
  );
}

interface SelectFieldProps {
  id: string;
  /** Form field name; defaults to the id (differs when one page has several forms). */
  name?: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  errors?: FieldError[];
  /** Label of an empty first option; none when absent. */
  empty?: string;
  hint?: string;
}

/** A labelled select with its hint and error, wired with aria-describedby and aria-invalid. */
export function SelectField({ id, name, label, value, options, errors = [], empty, hint }: SelectFieldProps) {
  const error = fieldError(errors, id);
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <select id={id} name={name ?? id} aria-describedby={describedBy(id, Boolean(hint), error)} aria-invalid={error ? 'true' : undefined}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

interface TextFieldProps {
  id: string;
  name?: string;
  label: string;
  value: string | undefined;
  errors?: FieldError[];
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'datetime-local' | 'number';
  textarea?: boolean;
  /** Extra class on the input, e.g. a width. */
  inputClass?: string;
}

/** A labelled text input (or textarea) with its hint and error, wired for assistive technology. */
export function TextField({ id, name, label, value, errors = [], hint, type = 'text', textarea, inputClass }: TextFieldProps) {
  const error = fieldError(errors, id);
  const described = describedBy(id, Boolean(hint), error);
  const invalid = error ? 'true' : undefined;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {textarea ? (
        <textarea id={id} name={name ?? id} rows={5} aria-describedby={described} aria-invalid={invalid}>
          {value ?? ''}
        </textarea>
      ) : (
        <input
          id={id}
          name={name ?? id}
          type={type as 'text'}
          value={value ?? ''}
          class={inputClass}
          aria-describedby={described}
          aria-invalid={invalid}
        />
      )}
    </Field>
  );
}

interface ScrollTableProps {
  /** The table's caption; also names the scroll region. */
  caption: string;
  id?: string;
  class?: string;
  /** Language of the caption when it differs from the page's (e.g. a Swedish name on a Finnish page). */
  captionLang?: string;
  children: ComponentChildren;
}

/**
 * A table that may be wider than a phone (WCAG 1.4.10): it scrolls sideways inside its own region
 * instead of the page. The region is named by the caption and focusable, so keyboard users can
 * scroll it (axe: scrollable-region-focusable).
 */
export function ScrollTable({ caption, id, class: className, captionLang, children }: ScrollTableProps) {
  return (
    // A named <section> is a region landmark (role="region").
    <section class="table-scroll" aria-label={caption} tabindex={0}>
      <table id={id} class={className}>
        <caption lang={captionLang}>{caption}</caption>
        {children}
      </table>
    </section>
  );
}

/** A labelled file input (the form needs enctype="multipart/form-data"), with its hint and error. */
export function FileField({
  id,
  label,
  hint,
  accept,
  errors = [],
}: {
  id: string;
  label: string;
  hint: string;
  accept: string;
  errors?: FieldError[];
}) {
  const error = fieldError(errors, id);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={id}
        type="file"
        accept={accept}
        aria-describedby={describedBy(id, true, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </Field>
  );
}
