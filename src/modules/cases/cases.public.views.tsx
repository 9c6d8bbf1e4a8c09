// The resident's pages: ask a question or give feedback, the receipt, and the tracking page.
// Security-relevant: the tracking page shows only what cases.resident.ts lets through — never
// staff names, internal notes or contact details.
import type { CaseType } from '../../db/schema-cases.ts';
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, describedBy, fieldError } from '../../web/components.tsx';
import { formatDateTime, formatLongDate, type Lang, langAttr, swedishOn, type Translated } from '../../web/i18n.ts';
import { PublicPage } from '../../web/layout.tsx';
import type { Tenant } from '../tenants/tenants.repo.ts';
import type { ResidentCaseView } from './cases.resident.ts';
import { CASE_TYPES } from './cases.schemas.ts';

export const TYPE_NAMES: Record<CaseType, Translated> = {
  question: { sv: 'Fråga', fi: 'Kysymys', en: 'Question' },
  praise: { sv: 'Beröm', fi: 'Kiitos', en: 'Praise' },
  complaint: { sv: 'Klagomål', fi: 'Valitus', en: 'Complaint' },
  suggestion: { sv: 'Förslag', fi: 'Ehdotus', en: 'Suggestion' },
  error_report: { sv: 'Felanmälan', fi: 'Vikailmoitus', en: 'Error report' },
};

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

const T = {
  title: { sv: 'Ställ en fråga eller lämna en synpunkt', fi: 'Kysy tai anna palautetta', en: 'Ask a question or give feedback' },
  whatNext: {
    sv: 'Ditt meddelande går direkt till den del av kommunen som ansvarar för området. Du får ett ärendenummer och en länk där du kan följa ärendet.',
    fi: 'Viestisi menee suoraan aiheesta vastaavalle kunnan yksikölle. Saat asianumeron ja linkin, jonka kautta voit seurata asiaa.',
    en: 'Your message goes straight to the part of the municipality responsible for the area. You get a case number and a link where you can follow the case.',
  },
  optional: { sv: '(frivilligt)', fi: '(vapaaehtoinen)', en: '(optional)' },
  typeLegend: { sv: 'Vad gäller det?', fi: 'Mistä on kyse?', en: 'What is it about?' },
  area: { sv: 'Område', fi: 'Aihealue', en: 'Area' },
  areaHint: {
    sv: 'Välj det som passar bäst. Hamnar det fel skickar vi det vidare.',
    fi: 'Valitse sopivin. Jos valinta on väärä, välitämme asian eteenpäin.',
    en: 'Choose the one that fits best. If it is wrong, we pass it on.',
  },
  chooseArea: { sv: 'Välj område', fi: 'Valitse aihealue', en: 'Choose an area' },
  subject: { sv: 'Rubrik', fi: 'Otsikko', en: 'Subject' },
  message: { sv: 'Ditt meddelande', fi: 'Viestisi', en: 'Your message' },
  messageHint: {
    sv: 'Beskriv så tydligt du kan. Skriv inte känsliga uppgifter, till exempel om din hälsa.',
    fi: 'Kuvaa asia mahdollisimman selvästi. Älä kirjoita arkaluonteisia tietoja, kuten terveystietoja.',
    en: 'Describe it as clearly as you can. Do not write sensitive details, for example about your health.',
  },
  contactLegend: { sv: 'Dina kontaktuppgifter (frivilligt)', fi: 'Yhteystietosi (vapaaehtoinen)', en: 'Your contact details (optional)' },
  anonymity: {
    sv: 'Du kan vara anonym – ditt ärende behandlas lika seriöst ändå. Utan e-postadress kan vi inte svara dig med e-post, men du kan följa ärendet och läsa svaret via länken du får när du har skickat.',
    fi: 'Voit asioida nimettömänä – asiasi käsitellään yhtä vakavasti. Ilman sähköpostiosoitetta emme voi vastata sähköpostilla, mutta voit seurata asiaa ja lukea vastauksen linkistä, jonka saat lähettämisen jälkeen.',
    en: 'You can stay anonymous – your case is taken just as seriously. Without an e-mail address we cannot answer you by e-mail, but you can follow the case and read the answer through the link you get after sending.',
  },
  name: { sv: 'Namn', fi: 'Nimi', en: 'Name' },
  email: { sv: 'E-post', fi: 'Sähköposti', en: 'E-mail' },
  emailHint: {
    sv: 'Då får du en kvittens och svaret med e-post.',
    fi: 'Saat silloin kuittauksen ja vastauksen sähköpostilla.',
    en: 'You then get a receipt and the answer by e-mail.',
  },
  phone: { sv: 'Telefon', fi: 'Puhelin', en: 'Phone' },
  send: { sv: 'Skicka', fi: 'Lähetä', en: 'Send' },
  errorTitle: { sv: 'Det finns fel i formuläret', fi: 'Lomakkeessa on virheitä', en: 'There is a problem' },
  errorPrefix: { sv: 'Fel:', fi: 'Virhe:', en: 'Error:' },
  noCategories: {
    sv: 'Det går inte att skicka frågor här ännu. Kontakta kommunen på annat sätt.',
    fi: 'Täällä ei vielä voi lähettää kysymyksiä. Ota yhteyttä kuntaan muulla tavalla.',
    en: 'Questions cannot be sent here yet. Please contact the municipality in another way.',
  },
  receivedTitle: {
    sv: 'Tack! Vi har tagit emot ditt ärende',
    fi: 'Kiitos! Olemme vastaanottaneet asiasi',
    en: 'Thank you – we have received your case',
  },
  caseNumber: { sv: 'Ärendenummer', fi: 'Asianumero', en: 'Case number' },
  feedbackBy: { sv: 'Vi återkopplar senast', fi: 'Palaamme asiaan viimeistään', en: 'We will get back to you by' },
  yourLink: { sv: 'Din länk för att följa ärendet', fi: 'Linkkisi asian seuraamiseen', en: 'Your link to follow the case' },
  keepLink: {
    sv: 'Spara länken. Den är personlig: den som har länken kan läsa ärendet. Om du angav en e-postadress får du samma uppgifter med e-post.',
    fi: 'Tallenna linkki. Se on henkilökohtainen: kuka tahansa, jolla on linkki, voi lukea asian. Jos annoit sähköpostiosoitteen, saat samat tiedot sähköpostilla.',
    en: 'Keep the link. It is personal: anyone who has it can read the case. If you gave an e-mail address, you get the same by e-mail.',
  },
  caseTitle: { sv: 'Ärende', fi: 'Asia', en: 'Case' },
  status: { sv: 'Status', fi: 'Tila', en: 'Status' },
  type: { sv: 'Typ', fi: 'Tyyppi', en: 'Type' },
  received: { sv: 'Inkom', fi: 'Vastaanotettu', en: 'Received' },
  firstFeedback: { sv: 'Första återkoppling senast', fi: 'Ensimmäinen vastaus viimeistään', en: 'First feedback by' },
  firstFeedbackGiven: { sv: 'Första återkoppling gavs', fi: 'Ensimmäinen vastaus annettiin', en: 'First feedback given' },
  nextFeedback: { sv: 'Nästa återkoppling senast', fi: 'Seuraava vastaus viimeistään', en: 'Next feedback by' },
  history: { sv: 'Svar och händelser', fi: 'Vastaukset ja tapahtumat', en: 'Answers and events' },
  addTitle: { sv: 'Lägg till information', fi: 'Lisää tietoja', en: 'Add information' },
  addLabel: { sv: 'Ditt meddelande', fi: 'Viestisi', en: 'Your message' },
  addHint: {
    sv: 'Till exempel något du har glömt eller något som har ändrats.',
    fi: 'Esimerkiksi jotakin, minkä unohdit, tai jokin muutos.',
    en: 'For example something you forgot or something that has changed.',
  },
  addSend: { sv: 'Skicka tillägget', fi: 'Lähetä lisäys', en: 'Send the addition' },
  added: { sv: 'Tack! Ditt tillägg är skickat.', fi: 'Kiitos! Lisäyksesi on lähetetty.', en: 'Thank you – your addition has been sent.' },
  you: { sv: 'Du', fi: 'Sinä', en: 'You' },
} satisfies Record<string, Translated>;

const STATUS_NAMES: Record<ResidentCaseView['status'], Translated> = {
  new: {
    sv: 'Mottaget – ärendet väntar på handläggning',
    fi: 'Vastaanotettu – odottaa käsittelyä',
    en: 'Received – waiting to be handled',
  },
  in_progress: { sv: 'Under handläggning', fi: 'Käsittelyssä', en: 'Being handled' },
  resolved: { sv: 'Avslutat', fi: 'Käsitelty', en: 'Closed' },
};

const EVENT_NAMES: Record<string, Translated> = {
  received: { sv: 'Ärendet kom in', fi: 'Asia vastaanotettiin', en: 'The case was received' },
  first_response: { sv: 'Svar', fi: 'Vastaus', en: 'Answer' },
  next_feedback_promised: {
    sv: 'Besked om när vi återkommer',
    fi: 'Tieto siitä, milloin palaamme asiaan',
    en: 'When we will get back to you',
  },
  referred: { sv: 'Hänvisat till en annan myndighet', fi: 'Ohjattu toiselle viranomaiselle', en: 'Referred to another authority' },
  resolved: { sv: 'Avslutat', fi: 'Käsitelty', en: 'Closed' },
  reopened: { sv: 'Öppnat igen', fi: 'Avattu uudelleen', en: 'Reopened' },
  resident_message: { sv: 'Ditt tillägg', fi: 'Lisäyksesi', en: 'Your addition' },
  deadline_changed: { sv: 'Ny tidsfrist', fi: 'Uusi määräaika', en: 'New deadline' },
  reassigned: { sv: 'Skickat vidare inom kommunen', fi: 'Siirretty kunnan sisällä', en: 'Passed on within the municipality' },
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

function PublicErrorSummary({ errors, lang }: { errors: FieldError[]; lang: Lang }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{T.errorTitle[lang]}</h2>
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

function ErrorText({ id, error, lang }: { id: string; error: string | undefined; lang: Lang }) {
  if (!error) return null;
  return (
    <p class="error-message" id={`${id}-error`}>
      <span class="visually-hidden">{T.errorPrefix[lang]} </span>
      {error}
    </p>
  );
}

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
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ErrorText id={id} error={error} lang={lang} />
      {type === 'email' ? (
        <input type="email" {...attrs} />
      ) : type === 'tel' ? (
        <input type="tel" {...attrs} />
      ) : (
        <input type="text" {...attrs} />
      )}
    </div>
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
  const title = errors.length ? `${T.errorPrefix[lang]} ${T.title[lang]}` : T.title[lang];
  const lead = leadDays(categories, tenant.firstResponseDays);
  return (
    <PublicPage title={title} lang={lang} tenant={tenant} path={`/${tenant.slug}/cases/new`}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{promiseText(lead, lang)}</p>
      <p>{T.whatNext[lang]}</p>
      {categories.length === 0 ? (
        <p>{T.noCategories[lang]}</p>
      ) : (
        <form method="post" action={`/${tenant.slug}/cases/new?lang=${lang}`} novalidate class="case-form">
          <PublicErrorSummary errors={errors} lang={lang} />
          <CsrfField token={csrfToken} />
          <div class={err('type') ? 'field has-error' : 'field'}>
            <fieldset aria-describedby={err('type') ? 'type-error' : undefined}>
              <legend>{T.typeLegend[lang]}</legend>
              <ErrorText id="type" error={err('type')} lang={lang} />
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
            </fieldset>
          </div>
          <div class={err('category') ? 'field has-error' : 'field'}>
            <label for="category">{T.area[lang]}</label>
            <p class="hint" id="category-hint">
              {T.areaHint[lang]}
            </p>
            <ErrorText id="category" error={err('category')} lang={lang} />
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
          </div>
          <TextField
            id="subject"
            label={`${T.subject[lang]} ${T.optional[lang]}`}
            value={values.subject}
            error={err('subject')}
            lang={lang}
          />
          <div class={err('message') ? 'field has-error' : 'field'}>
            <label for="message">{T.message[lang]}</label>
            <p class="hint" id="message-hint">
              {T.messageHint[lang]}
            </p>
            <ErrorText id="message" error={err('message')} lang={lang} />
            <textarea
              id="message"
              name="message"
              rows={8}
              aria-describedby={describedBy('message', true, err('message'))}
              aria-invalid={err('message') ? 'true' : undefined}
              value={values.message}
            />
          </div>
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
          <button type="submit">{T.send[lang]}</button>
        </form>
      )}
    </PublicPage>
  );
}

interface TrackingPageProps {
  lang: Lang;
  tenant: Tenant;
  view: ResidentCaseView;
  /** The private link, absolute. */
  trackingUrl: string;
  path: string;
  csrfToken: string;
  justCreated: boolean;
  justAdded: boolean;
  text: string;
  errors: FieldError[];
  category: { name: string; lang: Lang };
}

function Dated({ date, lang }: { date: string; lang: Lang }) {
  return <time datetime={date}>{formatLongDate(date, lang)}</time>;
}

export function TrackingPage(p: TrackingPageProps) {
  const { lang, view } = p;
  const textError = fieldError(p.errors, 'text');
  const typeName = TYPE_NAMES[view.type as CaseType]?.[lang] ?? view.type;
  return (
    <PublicPage title={`${T.caseTitle[lang]} ${view.caseNumber}`} lang={lang} tenant={p.tenant} path={p.path}>
      {p.justCreated && (
        <div class="panel" role="status">
          <h1>{T.receivedTitle[lang]}</h1>
          <p class="panel-number">
            {T.caseNumber[lang]}: <strong>{view.caseNumber}</strong>
          </p>
          <p>
            {T.feedbackBy[lang]} <Dated date={view.firstResponseDue} lang={lang} />.
          </p>
        </div>
      )}
      {p.justCreated && (
        <section aria-labelledby="link-title">
          <h2 id="link-title">{T.yourLink[lang]}</h2>
          <p class="token">
            <a href={p.trackingUrl}>{p.trackingUrl}</a>
          </p>
          <p>{T.keepLink[lang]}</p>
        </section>
      )}
      {p.justCreated ? (
        <h2>
          {T.caseTitle[lang]} {view.caseNumber}
        </h2>
      ) : (
        <h1>
          {T.caseTitle[lang]} {view.caseNumber}
        </h1>
      )}
      {p.justAdded && (
        <div class="notice" role="status">
          {T.added[lang]}
        </div>
      )}
      <dl class="facts">
        <dt>{T.status[lang]}</dt>
        <dd>
          {view.referredTo ? (
            <>
              {EVENT_NAMES.referred[lang]}: <span lang={swedishOn(lang)}>{view.referredTo}</span>
            </>
          ) : (
            STATUS_NAMES[view.status][lang]
          )}
        </dd>
        <dt>{T.type[lang]}</dt>
        <dd>{typeName}</dd>
        <dt>{T.area[lang]}</dt>
        <dd lang={langAttr(p.category.lang, lang)}>{p.category.name}</dd>
        <dt>{T.received[lang]}</dt>
        <dd>{formatDateTime(new Date(view.receivedAt), lang)}</dd>
        <dt>{view.firstResponseDate ? T.firstFeedbackGiven[lang] : T.firstFeedback[lang]}</dt>
        <dd>
          <Dated date={view.firstResponseDate ?? view.firstResponseDue} lang={lang} />
        </dd>
        {view.nextFeedbackDue && view.status !== 'resolved' && (
          <>
            <dt>{T.nextFeedback[lang]}</dt>
            <dd>
              <Dated date={view.nextFeedbackDue} lang={lang} />
            </dd>
          </>
        )}
      </dl>
      <h2>{T.history[lang]}</h2>
      <ol class="timeline">
        {view.events.map((e) => (
          <li>
            <h3>
              {(EVENT_NAMES[e.kind] ?? EVENT_NAMES.received)[lang]}
              {e.kind === 'referred' && e.authority ? (
                <>
                  : <span lang={swedishOn(lang)}>{e.authority}</span>
                </>
              ) : (
                ''
              )}
            </h3>
            <p class="meta">
              <time datetime={e.at}>{formatDateTime(new Date(e.at), lang)}</time> ·{' '}
              {e.from === 'resident' ? T.you[lang] : <span lang={swedishOn(lang)}>{e.from}</span>}
            </p>
            {e.kind === 'next_feedback_promised' && e.nextFeedbackDate && (
              <p>
                {T.nextFeedback[lang]} <Dated date={e.nextFeedbackDate} lang={lang} />.
              </p>
            )}
            {e.body && <Paragraphs text={e.body} />}
          </li>
        ))}
      </ol>
      <form method="post" action={`${p.path}?lang=${lang}`} novalidate>
        <h2>{T.addTitle[lang]}</h2>
        <PublicErrorSummary errors={p.errors} lang={lang} />
        <CsrfField token={p.csrfToken} />
        <div class={textError ? 'field has-error' : 'field'}>
          <label for="text">{T.addLabel[lang]}</label>
          <p class="hint" id="text-hint">
            {T.addHint[lang]}
          </p>
          <ErrorText id="text" error={textError} lang={lang} />
          <textarea
            id="text"
            name="text"
            rows={5}
            aria-describedby={describedBy('text', true, textError)}
            aria-invalid={textError ? 'true' : undefined}
            value={p.text}
          />
        </div>
        <button type="submit">{T.addSend[lang]}</button>
      </form>
    </PublicPage>
  );
}

/** Text as paragraphs, split on blank lines; always rendered as text. */
function Paragraphs({ text }: { text: string }) {
  return (
    <div class="message-text">
      {text.split(/\n{2,}/).map((para) => (
        <p>{para}</p>
      ))}
    </div>
  );
}

export const TRACK_MESSAGES: Record<Lang, string> = {
  sv: 'Skriv ditt meddelande (högst 10 000 tecken).',
  fi: 'Kirjoita viestisi (enintään 10 000 merkkiä).',
  en: 'Write your message (at most 10,000 characters).',
};
