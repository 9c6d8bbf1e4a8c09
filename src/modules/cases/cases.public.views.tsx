// The resident's form to ask a question or give feedback (the receipt and the tracking page are in
// cases.tracking.views.tsx). Texts in sv/fi/en are in cases.public.texts.ts.
import type { CaseType } from '../../db/schema-cases.ts';
import type { FieldError } from '../../http/errors.ts';
import { describedBy, fieldError } from '../../web/components.tsx';
import { type Lang, langAttr, type Translated } from '../../web/i18n.ts';
import { PublicPage } from '../../web/layout.tsx';
import { PublicField, PublicFieldset, PublicForm, publicFormTitle } from '../../web/public-form.tsx';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { T, TYPE_NAMES } from './cases.public.texts.ts';
import { CASE_TYPES } from './cases.schemas.ts';

// The routes import the resident's pages from here.
export { TYPE_NAMES } from './cases.public.texts.ts';
export { TRACK_MESSAGES, TrackingPage } from './cases.tracking.views.tsx';

const TYPE_HINTS: Record<CaseType, Translated> = {
  question: { sv: 'Du vill veta något.', fi: 'Haluat tietää jotakin.', en: 'You want to know something.' },
  praise: { sv: 'Något var bra.', fi: 'Jokin oli hyvin.', en: 'Something was good.' },
  complaint: { sv: 'Något var inte bra.', fi: 'Jokin ei ollut hyvin.', en: 'Something was not good.' },
  suggestion: {
    sv: 'Du har en idé om hur något kan bli bättre.',
    fi: 'Sinulla on idea parannuksesta.',
    en: 'You have an idea for an improvement.',
  },
  error_report: {
    sv: 'Något är trasigt, till exempel en gatlykta eller en lekplats.',
    fi: 'Jokin on rikki, esimerkiksi katuvalo tai leikkipaikka.',
    en: 'Something is broken, for example a street light or a playground.',
  },
};

const NUMBER_WORDS: Record<Lang, string[]> = {
  sv: ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio'],
  fi: ['nollan', 'yhden', 'kahden', 'kolmen', 'neljän', 'viiden', 'kuuden', 'seitsemän', 'kahdeksan', 'yhdeksän', 'kymmenen'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
};

/** "Vi återkopplar inom två arbetsdagar." with the tenant's N. */
export function promiseText(days: number, lang: Lang): string {
  const n = NUMBER_WORDS[lang][days] ?? String(days);
  if (lang === 'fi') return `Vastaamme ${n} työpäivän kuluessa.`;
  if (lang === 'en') return `We will get back to you within ${n} working day${days === 1 ? '' : 's'}.`;
  return `Vi återkopplar inom ${n} arbetsdag${days === 1 ? '' : 'ar'}.`;
}

export interface CategoryOption {
  code: string;
  name: string;
  /** Working days to first feedback for this area (category > unit > tenant). */
  days?: number;
  /** The language of the name: Swedish when the category has no name in the page's language. */
  lang: Lang;
}

/** "återkoppling inom 5 arbetsdagar", for an area whose days differ from the page's lead sentence. */
function areaDaysText(days: number, lang: Lang): string {
  if (lang === 'fi') return `vastaus ${days} työpäivän kuluessa`;
  if (lang === 'en') return `reply within ${days} working day${days === 1 ? '' : 's'}`;
  return `återkoppling inom ${days} arbetsdag${days === 1 ? '' : 'ar'}`;
}

/** The days most areas share (ties: the tenant's), for the lead sentence. */
function leadDays(categories: readonly CategoryOption[], tenantDays: number): number {
  const counts = new Map<number, number>();
  for (const c of categories) if (c.days !== undefined) counts.set(c.days, (counts.get(c.days) ?? 0) + 1);
  let best = tenantDays;
  for (const [days, n] of counts) if (n > (counts.get(best) ?? 0)) best = days;
  return best;
}

export interface CaseFormValues {
  type: string;
  category: string;
  subject: string;
  message: string;
  'contact.name': string;
  'contact.email': string;
  'contact.phone': string;
}

export const EMPTY_FORM: CaseFormValues = {
  type: '',
  category: '',
  subject: '',
  message: '',
  'contact.name': '',
  'contact.email': '',
  'contact.phone': '',
};

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: 'name' | 'email' | 'tel';
  value: string;
  error?: string;
  lang: Lang;
}

function TextField({ id, label, hint, type = 'text', autocomplete, value, error, lang }: TextFieldProps) {
  const attrs = {
    id,
    name: id,
    value,
    autocomplete,
    'aria-describedby': describedBy(id, Boolean(hint), error),
    'aria-invalid': error ? ('true' as const) : undefined,
  };
  return (
    <PublicField id={id} label={label} hint={hint} error={error} lang={lang}>
      {type === 'email' ? (
        <input type="email" {...attrs} />
      ) : type === 'tel' ? (
        <input type="tel" {...attrs} />
      ) : (
        <input type="text" {...attrs} />
      )}
    </PublicField>
  );
}

interface CaseFormPageProps {
  lang: Lang;
  tenant: Tenant;
  categories: CategoryOption[];
  csrfToken: string;
  values: CaseFormValues;
  errors: FieldError[];
}

export function CaseFormPage({ lang, tenant, categories, csrfToken, values, errors }: CaseFormPageProps) {
  const err = (f: string) => fieldError(errors, f);
  const title = publicFormTitle(T.title[lang], errors, lang);
  const lead = leadDays(categories, tenant.firstResponseDays);
  return (
    <PublicPage title={title} lang={lang} tenant={tenant} path={`/${tenant.slug}/cases/new`}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{promiseText(lead, lang)}</p>
      <p>{T.whatNext[lang]}</p>
      {categories.length === 0 ? (
        <p>{T.noCategories[lang]}</p>
      ) : (
        <PublicForm
          action={`/${tenant.slug}/cases/new?lang=${lang}`}
          class="case-form"
          csrfToken={csrfToken}
          errors={errors}
          lang={lang}
          submit={T.send[lang]}
        >
          <PublicFieldset id="type" legend={T.typeLegend[lang]} error={err('type')} lang={lang}>
            <div class="radios">
              {CASE_TYPES.map((type, i) => (
                <div class="radio">
                  <input
                    type="radio"
                    name="type"
                    id={i === 0 ? 'type' : `type-${type}`}
                    value={type}
                    checked={values.type === type}
                    aria-describedby={`type-${type}-hint`}
                  />
                  <label for={i === 0 ? 'type' : `type-${type}`}>{TYPE_NAMES[type][lang]}</label>
                  <p class="hint" id={`type-${type}-hint`}>
                    {TYPE_HINTS[type][lang]}
                  </p>
                </div>
              ))}
            </div>
          </PublicFieldset>
          <PublicField id="category" label={T.area[lang]} hint={T.areaHint[lang]} error={err('category')} lang={lang}>
            <select
              id="category"
              name="category"
              aria-describedby={describedBy('category', true, err('category'))}
              aria-invalid={err('category') ? 'true' : undefined}
            >
              <option value="">{T.chooseArea[lang]}</option>
              {categories.map((c) => (
                <option value={c.code} selected={values.category === c.code} lang={langAttr(c.lang, lang)}>
                  {c.days !== undefined && c.days !== lead ? `${c.name} (${areaDaysText(c.days, lang)})` : c.name}
                </option>
              ))}
            </select>
          </PublicField>
          <TextField
            id="subject"
            label={`${T.subject[lang]} ${T.optional[lang]}`}
            value={values.subject}
            error={err('subject')}
            lang={lang}
          />
          <PublicField id="message" label={T.message[lang]} hint={T.messageHint[lang]} error={err('message')} lang={lang}>
            <textarea
              id="message"
              name="message"
              rows={8}
              aria-describedby={describedBy('message', true, err('message'))}
              aria-invalid={err('message') ? 'true' : undefined}
              value={values.message}
            />
          </PublicField>
          <fieldset class="contact" aria-describedby="anonymity">
            <legend>{T.contactLegend[lang]}</legend>
            <p class="hint" id="anonymity">
              {T.anonymity[lang]}
            </p>
            <TextField
              id="contact.name"
              label={T.name[lang]}
              autocomplete="name"
              value={values['contact.name']}
              error={err('contact.name')}
              lang={lang}
            />
            <TextField
              id="contact.email"
              label={T.email[lang]}
              hint={T.emailHint[lang]}
              type="email"
              autocomplete="email"
              value={values['contact.email']}
              error={err('contact.email')}
              lang={lang}
            />
            <TextField
              id="contact.phone"
              label={T.phone[lang]}
              type="tel"
              autocomplete="tel"
              value={values['contact.phone']}
              error={err('contact.phone')}
              lang={lang}
            />
          </fieldset>
        </PublicForm>
      )}
    </PublicPage>
  );
}
