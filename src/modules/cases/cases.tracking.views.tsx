// The resident's tracking page: the case as cases.resident.ts lets it through, its answers and
// events, and the form to add information. Security-relevant: never staff names, internal notes or
// contact details — only what the resident view contains.
import type { CaseType } from '../../db/schema-cases.ts';
import type { FieldError } from '../../http/errors.ts';
import { describedBy, fieldError } from '../../web/components.tsx';
import { formatDateTime, formatLongDate, type Lang, langAttr, swedishOn, type Translated } from '../../web/i18n.ts';
import { PublicPage } from '../../web/layout.tsx';
import { PublicField, PublicForm } from '../../web/public-form.tsx';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { T, TYPE_NAMES } from './cases.public.texts.ts';
import type { ResidentCaseView } from './cases.resident.ts';

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
      <PublicForm
        action={`${p.path}?lang=${lang}`}
        csrfToken={p.csrfToken}
        errors={p.errors}
        lang={lang}
        submit={T.addSend[lang]}
        heading={<h2>{T.addTitle[lang]}</h2>}
      >
        <PublicField id="text" label={T.addLabel[lang]} hint={T.addHint[lang]} error={textError} lang={lang}>
          <textarea
            id="text"
            name="text"
            rows={5}
            aria-describedby={describedBy('text', true, textError)}
            aria-invalid={textError ? 'true' : undefined}
            value={p.text}
          />
        </PublicField>
      </PublicForm>
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
