// Staff forms that define the plan: one generic form page, driven by a list of fields, so each
// form (plan, goal area, goal, board text, indicator, assignment, action plan, activity) is a
// field list and nothing else. Server-rendered, no JavaScript; the GOV.UK error pattern
// (ErrorSummary above, the message at the field, aria-describedby/aria-invalid).
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, fieldError, Notice, SelectField, TextField } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';

type Session = NonNullable<StaffPageProps['session']>;

export interface Option {
  value: string;
  label: string;
}

export type FormField =
  | { kind: 'text' | 'textarea' | 'date' | 'number'; name: string; label: string; hint?: string }
  | { kind: 'select'; name: string; label: string; options: Option[]; empty?: string; hint?: string }
  | { kind: 'checkboxes'; name: string; label: string; options: Option[]; hint?: string }
  | { kind: 'checkbox'; name: string; label: string; hint?: string }
  | { kind: 'heading'; label: string; hint?: string };

/** What a form shows: a string per field, a list for checkboxes. */
export type FormValues = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export function FormFields({ fields, values, errors }: { fields: FormField[]; values: FormValues; errors: FieldError[] }) {
  return (
    <>
      {fields.map((f) => {
        switch (f.kind) {
          case 'heading':
            return (
              <>
                <h2>{f.label}</h2>
                {f.hint && <p class="hint">{f.hint}</p>}
              </>
            );
          case 'select':
            return (
              <SelectField
                id={f.name}
                label={f.label}
                value={one(values[f.name])}
                options={f.options}
                errors={errors}
                empty={f.empty}
                hint={f.hint}
              />
            );
          case 'checkboxes': {
            const error = fieldError(errors, f.name);
            const checked = many(values[f.name]);
            return (
              <fieldset id={f.name} class={error ? 'field has-error' : 'field'} aria-describedby={error ? `${f.name}-error` : undefined}>
                <legend>{f.label}</legend>
                {f.hint && <p class="hint">{f.hint}</p>}
                {error && (
                  <p class="error-message" id={`${f.name}-error`}>
                    <span class="visually-hidden">Fel: </span>
                    {error}
                  </p>
                )}
                {f.options.length === 0 && <p class="kind">Det finns inget att välja ännu.</p>}
                {f.options.map((o, n) => (
                  <div class="checkbox">
                    <input type="checkbox" id={`${f.name}-${n}`} name={f.name} value={o.value} checked={checked.includes(o.value)} />
                    <label for={`${f.name}-${n}`}>{o.label}</label>
                  </div>
                ))}
              </fieldset>
            );
          }
          case 'checkbox': {
            const error = fieldError(errors, f.name);
            return (
              <div class={error ? 'field has-error' : 'field'}>
                {error && (
                  <p class="error-message" id={`${f.name}-error`}>
                    <span class="visually-hidden">Fel: </span>
                    {error}
                  </p>
                )}
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id={f.name}
                    name={f.name}
                    value="true"
                    checked={one(values[f.name]) === 'true'}
                    aria-describedby={error ? `${f.name}-error` : undefined}
                  />
                  <label for={f.name}>{f.label}</label>
                </div>
              </div>
            );
          }
          default:
            return (
              <TextField
                id={f.name}
                label={f.label}
                value={one(values[f.name])}
                errors={errors}
                hint={f.hint}
                type={f.kind === 'date' ? 'date' : 'text'}
                textarea={f.kind === 'textarea'}
                inputClass={f.kind === 'number' ? 'narrow' : undefined}
              />
            );
        }
      })}
    </>
  );
}

export interface DefineForm {
  action: string;
  fields: FormField[];
  submit: string;
  /** A heading above this form when a page has more than one. */
  heading?: string;
}

/** Service field names → form field names (nested input is flat in a form). */
export function formField(field: string): string {
  return field
    .replace(/^(activity|0)\./, '')
    .replace(/^source\./, 'source_')
    .replace(/^source$/, 'sourceType');
}

/** Errors that belong to no field of the form are shown at the top and link to the form itself. */
export function formLevelErrors(errors: FieldError[], fields: FormField[], formId: string): FieldError[] {
  const names = new Set(fields.flatMap((f) => ('name' in f ? [f.name] : [])));
  const shown = errors.map((e) => (names.has(e.field) ? e : { ...e, field: formId }));
  return shown.filter((e, n) => shown.findIndex((x) => x.field === e.field && x.message === e.message) === n);
}

export function DefineFormBlock(p: { id: string; form: DefineForm; csrf: string; values: FormValues; errors: FieldError[] }) {
  const errors = formLevelErrors(p.errors, p.form.fields, p.id);
  return (
    <form method="post" action={p.form.action} id={p.id} tabindex={-1} class="define-form">
      {p.form.heading && <h2>{p.form.heading}</h2>}
      <ErrorSummary errors={errors} />
      <CsrfField token={p.csrf} />
      <FormFields fields={p.form.fields} values={p.values} errors={errors} />
      <button type="submit">{p.form.submit}</button>
    </form>
  );
}

export function DefinePage(p: {
  session: Session;
  title: string;
  back: { href: string; label: string };
  flash?: string;
  intro?: ComponentChildren;
  /** The page's forms; errors and values belong to the one named by `active` (default the first). */
  forms: { id: string; form: DefineForm; values: FormValues }[];
  active?: string;
  errors: FieldError[];
  children?: ComponentChildren;
}) {
  const active = p.active ?? p.forms[0]?.id;
  return (
    <StaffPage title={p.errors.length ? `Fel: ${p.title}` : p.title} session={p.session} current="/staff/goals">
      <p>
        <a href={p.back.href}>{p.back.label}</a>
      </p>
      <h1>{p.title}</h1>
      {p.flash && <Notice>{p.flash}</Notice>}
      {p.intro}
      {p.forms.map((f) => (
        <DefineFormBlock id={f.id} form={f.form} csrf={p.session.csrfToken} values={f.values} errors={f.id === active ? p.errors : []} />
      ))}
      {p.children}
    </StaffPage>
  );
}
