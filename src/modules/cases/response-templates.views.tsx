// Staff pages of response templates (admin, quality): the list with a create form, and the edit page.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, SelectField, TextField } from '../../web/components.tsx';
import { StaffPage } from '../../web/layout.tsx';
import type { Session, Values } from './cases.views.tsx';
import type { Category } from './categories.service.ts';
import { PLACEHOLDERS, type ResponseTemplate } from './response-templates.service.ts';

interface TemplatesProps {
  session: Session;
  templates: ResponseTemplate[];
  categories: Category[];
  values: Values;
  errors: FieldError[];
  flash?: string;
  /** The template being edited; absent = the list with the create form. */
  editing?: ResponseTemplate;
}

const HREF = '/staff/response-templates';

const LANGUAGE_NAMES: Record<string, string> = { sv: 'Svenska', fi: 'Finska', en: 'Engelska' };

const PLACEHOLDER_HINT = `1–5000 tecken. Insyn fyller i ${Object.entries(PLACEHOLDERS)
  .map(([name, meaning]) => `{${name}} (${meaning})`)
  .join(', ')}. Annat inom {} eller [] måste handläggaren skriva in innan svaret kan skickas.`;

function TemplateFields({
  categories,
  values,
  errors,
  withActive,
}: {
  categories: Category[];
  values: Values;
  errors: FieldError[];
  withActive: boolean;
}) {
  return (
    <>
      <TextField id="title" label="Rubrik" value={values.title} errors={errors} hint="1–100 tecken. Visas i listan av mallar på ärendet." />
      <SelectField
        id="categoryId"
        label="Kategori"
        value={values.categoryId}
        errors={errors}
        empty="Alla kategorier"
        options={categories.map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name} (inaktiv)` }))}
      />
      <SelectField
        id="language"
        label="Språk"
        value={values.language}
        errors={errors}
        hint="Mallen erbjuds på ärenden på det språket."
        options={Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label }))}
      />
      <TextField id="body" label="Text" textarea value={values.body} errors={errors} hint={PLACEHOLDER_HINT} />
      {withActive && (
        <div class="field">
          <input type="checkbox" id="active" name="active" value="yes" checked={values.active !== 'no'} />{' '}
          <label for="active">Aktiv (erbjuds på ärenden)</label>
        </div>
      )}
    </>
  );
}

export function ResponseTemplatesPage({ session, templates, categories, values, errors, flash, editing }: TemplatesProps) {
  const categoryName = (id: string | null) => (id ? (categories.find((c) => c.id === id)?.name ?? '–') : 'Alla kategorier');
  if (editing) {
    return (
      <StaffPage title={`Ändra ${editing.title}`} session={session} current={HREF}>
        <p>
          <a href={HREF}>Tillbaka till svarsmallarna</a>
        </p>
        <h1>Ändra {editing.title}</h1>
        <form method="post" action={`${HREF}/${editing.id}`} novalidate>
          <ErrorSummary errors={errors} />
          <CsrfField token={session.csrfToken} />
          <TemplateFields categories={categories} values={values} errors={errors} withActive />
          <button type="submit">Spara</button>
        </form>
        {editing.active && (
          <form method="post" action={`${HREF}/${editing.id}/deactivate`}>
            <h2>Inaktivera mallen</h2>
            <p>En inaktiv mall erbjuds inte längre på ärenden. Den kan aktiveras igen.</p>
            <CsrfField token={session.csrfToken} />
            <button type="submit">Inaktivera</button>
          </form>
        )}
      </StaffPage>
    );
  }
  return (
    <StaffPage title="Svarsmallar" session={session} current={HREF}>
      <h1>Svarsmallar</h1>
      {flash && <Notice>{flash}</Notice>}
      <p>Handläggare kan börja sitt svar från en mall. En mall gäller en kategori eller alla kategorier.</p>
      {templates.length === 0 ? (
        <p>Det finns inga svarsmallar ännu.</p>
      ) : (
        <table>
          <caption>Svarsmallar</caption>
          <thead>
            <tr>
              <th scope="col">Rubrik</th>
              <th scope="col">Kategori</th>
              <th scope="col">Språk</th>
              <th scope="col">Aktiv</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr>
                <th scope="row">
                  <a href={`${HREF}/${t.id}`}>{t.title}</a>
                </th>
                <td>{categoryName(t.categoryId)}</td>
                <td>{LANGUAGE_NAMES[t.language]}</td>
                <td>{t.active ? 'Ja' : 'Nej'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action={HREF} novalidate>
        <h2>Lägg till en svarsmall</h2>
        <ErrorSummary errors={errors} />
        <CsrfField token={session.csrfToken} />
        <TemplateFields categories={categories} values={values} errors={errors} withActive={false} />
        <button type="submit">Lägg till</button>
      </form>
    </StaffPage>
  );
}
