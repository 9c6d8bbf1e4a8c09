// Public pages (sv/fi/en, no JavaScript): a survey's answer page, the after-contact question, the
// thank-you pages, and the municipality's Insikt results per area (/:tenant/nojdhet).
import type { SurveyQuestionType } from '../../db/schema-satisfaction.ts';
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, describedBy, ScrollTable } from '../../web/components.tsx';
import { type Lang, swedishOn, type Translated } from '../../web/i18n.ts';
import { PublicPage } from '../../web/layout.tsx';
import { PublicField, PublicFieldset, PublicForm } from '../../web/public-form.tsx';
import type { Tenant } from '../tenants/tenants.repo.ts';
import type { PresentedResult } from './insikt.service.ts';
import type { Grade } from './nki.ts';
import type { QuestionRow, SurveyRow } from './surveys.repo.ts';

const T = {
  errorTitle: { sv: 'Det finns fel i svaren', fi: 'Vastauksissa on virheitä', en: 'There are errors in the answers' },
  required: { sv: '(obligatorisk)', fi: '(pakollinen)', en: '(required)' },
  optional: { sv: '(frivillig)', fi: '(vapaaehtoinen)', en: '(optional)' },
  send: { sv: 'Skicka svaren', fi: 'Lähetä vastaukset', en: 'Send the answers' },
  anonymous: {
    sv: 'Dina svar är anonyma: resultaten visas bara sammanställda, och aldrig när för få har svarat.',
    fi: 'Vastauksesi ovat nimettömiä: tulokset näytetään vain yhteenvetona eikä koskaan, jos vastaajia on liian vähän.',
    en: 'Your answers are anonymous: results are only shown combined, and never when too few have answered.',
  },
  scaleLow: { sv: 'mycket missnöjd', fi: 'erittäin tyytymätön', en: 'very dissatisfied' },
  scaleHigh: { sv: 'mycket nöjd', fi: 'erittäin tyytyväinen', en: 'very satisfied' },
  thanksTitle: { sv: 'Tack för dina svar!', fi: 'Kiitos vastauksistasi!', en: 'Thank you for your answers!' },
  thanksText: {
    sv: 'Dina svar är sparade. De hjälper oss att bli bättre.',
    fi: 'Vastauksesi on tallennettu. Ne auttavat meitä parantamaan toimintaamme.',
    en: 'Your answers have been saved. They help us do better.',
  },
  comment: {
    sv: 'Vill du berätta mer? (frivilligt)',
    fi: 'Haluatko kertoa lisää? (vapaaehtoinen)',
    en: 'Would you like to tell us more? (optional)',
  },
  commentHint: {
    sv: 'Skriv inte personuppgifter. Högst 2000 tecken.',
    fi: 'Älä kirjoita henkilötietoja. Enintään 2000 merkkiä.',
    en: 'Do not write personal details. At most 2000 characters.',
  },
  declineTitle: { sv: 'Vill du inte få sådana frågor?', fi: 'Etkö halua tällaisia kysymyksiä?', en: 'Do not want questions like this?' },
  decline: { sv: 'Nej tack, fråga mig inte igen', fi: 'Ei kiitos, älä kysy uudelleen', en: 'No thank you, do not ask me again' },
  declinedTitle: { sv: 'Vi frågar dig inte igen', fi: 'Emme kysy sinulta uudelleen', en: 'We will not ask you again' },
  declinedText: {
    sv: 'Du får inga fler frågor om nöjdhet efter dina ärenden.',
    fi: 'Et saa enää tyytyväisyyskysymyksiä asioidesi jälkeen.',
    en: 'You will get no more satisfaction questions after your cases.',
  },
  scoreNames: {
    sv: ['1 – mycket missnöjd', '2 – ganska missnöjd', '3 – varken eller', '4 – ganska nöjd', '5 – mycket nöjd'],
    fi: ['1 – erittäin tyytymätön', '2 – melko tyytymätön', '3 – ei kumpaakaan', '4 – melko tyytyväinen', '5 – erittäin tyytyväinen'],
    en: ['1 – very dissatisfied', '2 – fairly dissatisfied', '3 – neither', '4 – fairly satisfied', '5 – very satisfied'],
  },
  resultsTitle: {
    sv: 'Nöjdhet med myndighetsutövningen',
    fi: 'Tyytyväisyys viranomaistoimintaan',
    en: 'Satisfaction with regulatory services',
  },
  resultsIntro: {
    sv: 'Nöjd-Kund-Index (NKI) från SKR:s undersökning Insikt: företagens betyg på kommunens service inom bygglov, miljö- och hälsoskydd, livsmedelskontroll och serveringstillstånd, 0–100.',
    fi: 'Asiakastyytyväisyysindeksi (NKI) SKR:n Insikt-tutkimuksesta: yritysten arvio kunnan palvelusta rakennuslupien, ympäristö- ja terveydensuojelun, elintarvikevalvonnan ja anniskelulupien alalla, 0–100.',
    en: 'Customer Satisfaction Index (NKI) from SKR’s Insikt survey: how businesses rate the municipality’s service in building permits, environment and health protection, food control and alcohol licensing, 0–100.',
  },
  area: { sv: 'Område', fi: 'Alue', en: 'Area' },
  year: { sv: 'År', fi: 'Vuosi', en: 'Year' },
  answers: { sv: 'Antal svar', fi: 'Vastauksia', en: 'Answers' },
  grade: { sv: 'Betyg', fi: 'Arvio', en: 'Grade' },
  trend: { sv: 'Förändring', fi: 'Muutos', en: 'Change' },
  tooFew: { sv: 'för få svar', fi: 'liian vähän vastauksia', en: 'too few answers' },
  none: { sv: 'Inga resultat har publicerats ännu.', fi: 'Tuloksia ei ole vielä julkaistu.', en: 'No results have been published yet.' },
  generated: {
    sv: 'Demodata: resultaten per område är påhittade för att visa funktionen.',
    fi: 'Esittelytietoja: aluekohtaiset tulokset ovat keksittyjä.',
    en: 'Demo data: the results per area are made up to show the feature.',
  },
} satisfies Record<string, Translated | Record<Lang, string[]>>;

export const GRADE_TEXT: Record<Grade, Translated> = {
  very_high: { sv: 'Mycket högt', fi: 'Erittäin korkea', en: 'Very high' },
  high: { sv: 'Högt', fi: 'Korkea', en: 'High' },
  pass: { sv: 'Godkänt', fi: 'Hyväksytty', en: 'Acceptable' },
  low: { sv: 'Lågt', fi: 'Matala', en: 'Low' },
  very_low: { sv: 'Mycket lågt', fi: 'Erittäin matala', en: 'Very low' },
};

/** A text in the page's language when given, else the Swedish one marked lang="sv". */
function localized(sv: string, fi: string | null | undefined, en: string | null | undefined, lang: Lang): { text: string; lang?: Lang } {
  const t = lang === 'fi' ? fi : lang === 'en' ? en : sv;
  return t ? { text: t } : { text: sv, lang: swedishOn(lang) };
}

function scaleValues(type: SurveyQuestionType): number[] {
  return type === 'scale5' ? [1, 2, 3, 4, 5] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
}

export interface SurveyPageProps {
  lang: Lang;
  tenant: Tenant;
  survey: SurveyRow;
  questions: QuestionRow[];
  path: string;
  csrfToken: string;
  values: Record<string, string>;
  errors: FieldError[];
  /** A message instead of the form (answered invitation, closed survey). */
  message?: string;
}

export function SurveyPage(p: SurveyPageProps) {
  const { lang } = p;
  const title = localized(p.survey.title, p.survey.titleFi, p.survey.titleEn, lang);
  const intro = localized(p.survey.intro, p.survey.introFi, p.survey.introEn, lang);
  const err = (id: string) => p.errors.find((e) => e.field === id)?.message;
  return (
    <PublicPage title={title.text} lang={lang} tenant={p.tenant} path={p.path}>
      <h1 lang={title.lang}>{title.text}</h1>
      {p.message ? (
        <p class="notice" role="status">
          {p.message}
        </p>
      ) : (
        <>
          {intro.text && <p lang={intro.lang}>{intro.text}</p>}
          <p class="hint">{T.anonymous[lang]}</p>
          <PublicForm
            action={`${p.path}?lang=${lang}`}
            class="survey-form"
            csrfToken={p.csrfToken}
            errors={p.errors}
            errorTitle={T.errorTitle[lang]}
            lang={lang}
            submit={T.send[lang]}
          >
            {p.questions.map((q) => {
              const id = `q-${q.id}`;
              const text = localized(q.text, q.textFi, q.textEn, lang);
              const error = err(id);
              const marker = q.required ? T.required[lang] : T.optional[lang];
              if (q.type === 'text') {
                return (
                  <PublicField
                    id={id}
                    label={
                      <>
                        <span lang={text.lang}>{text.text}</span> {marker}
                      </>
                    }
                    error={error}
                    lang={lang}
                  >
                    <textarea
                      id={id}
                      name={id}
                      rows={4}
                      maxlength={5000}
                      aria-describedby={error ? `${id}-error` : undefined}
                      aria-invalid={error ? 'true' : undefined}
                    >
                      {p.values[id] ?? ''}
                    </textarea>
                  </PublicField>
                );
              }
              const options =
                q.type === 'choice'
                  ? q.options.map((o, i) => ({ value: String(i), ...localized(o.sv, o.fi, o.en, lang) }))
                  : scaleValues(q.type).map((v, i, all) => ({
                      value: String(v),
                      text: i === 0 ? `${v} – ${T.scaleLow[lang]}` : i === all.length - 1 ? `${v} – ${T.scaleHigh[lang]}` : String(v),
                      lang: undefined as Lang | undefined,
                    }));
              return (
                <PublicFieldset
                  id={id}
                  legend={
                    <>
                      <span lang={text.lang}>{text.text}</span> {marker}
                    </>
                  }
                  error={error}
                  lang={lang}
                >
                  <div class={q.type === 'choice' ? 'radios' : 'radios scale'}>
                    {options.map((o, i) => (
                      <div class="radio">
                        <input
                          type="radio"
                          name={id}
                          id={i === 0 ? id : `${id}-${o.value}`}
                          value={o.value}
                          checked={p.values[id] === o.value}
                        />
                        <label for={i === 0 ? id : `${id}-${o.value}`} lang={o.lang}>
                          {o.text}
                        </label>
                      </div>
                    ))}
                  </div>
                </PublicFieldset>
              );
            })}
          </PublicForm>
        </>
      )}
    </PublicPage>
  );
}

export function ThanksPage({ lang, tenant, path, declined }: { lang: Lang; tenant: Tenant; path: string; declined?: boolean }) {
  const title = declined ? T.declinedTitle[lang] : T.thanksTitle[lang];
  return (
    <PublicPage title={title} lang={lang} tenant={tenant} path={path}>
      <h1>{title}</h1>
      <p>{declined ? T.declinedText[lang] : T.thanksText[lang]}</p>
    </PublicPage>
  );
}

export interface AfterContactPageProps {
  lang: Lang;
  tenant: Tenant;
  path: string;
  question: string;
  csrfToken: string;
  values: { score: string; comment: string };
  errors: FieldError[];
  message?: string;
}

export function AfterContactPage(p: AfterContactPageProps) {
  const { lang } = p;
  const err = (id: string) => p.errors.find((e) => e.field === id)?.message;
  const scoreError = err('score');
  const commentError = err('comment');
  return (
    <PublicPage title={p.question} lang={lang} tenant={p.tenant} path={p.path}>
      <h1>{p.question}</h1>
      {p.message ? (
        <p class="notice" role="status">
          {p.message}
        </p>
      ) : (
        <>
          <PublicForm
            action={`${p.path}?lang=${lang}`}
            class="survey-form"
            csrfToken={p.csrfToken}
            errors={p.errors}
            errorTitle={T.errorTitle[lang]}
            lang={lang}
            submit={T.send[lang]}
          >
            <PublicFieldset
              id="score"
              legend={
                <>
                  {p.question} {T.required[lang]}
                </>
              }
              error={scoreError}
              lang={lang}
            >
              <div class="radios">
                {T.scoreNames[lang].map((name, i) => (
                  <div class="radio">
                    <input
                      type="radio"
                      name="score"
                      id={i === 0 ? 'score' : `score-${i + 1}`}
                      value={String(i + 1)}
                      checked={p.values.score === String(i + 1)}
                    />
                    <label for={i === 0 ? 'score' : `score-${i + 1}`}>{name}</label>
                  </div>
                ))}
              </div>
            </PublicFieldset>
            <PublicField id="comment" label={T.comment[lang]} hint={T.commentHint[lang]} error={commentError} lang={lang}>
              <textarea
                id="comment"
                name="comment"
                rows={4}
                maxlength={2000}
                aria-describedby={describedBy('comment', true, commentError)}
                aria-invalid={commentError ? 'true' : undefined}
              >
                {p.values.comment}
              </textarea>
            </PublicField>
          </PublicForm>
          <h2>{T.declineTitle[lang]}</h2>
          <form method="post" action={`${p.path}/nej?lang=${lang}`}>
            <CsrfField token={p.csrfToken} />
            <button type="submit" class="secondary">
              {T.decline[lang]}
            </button>
          </form>
        </>
      )}
    </PublicPage>
  );
}

const fmt = (lang: Lang, v: number) => new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : lang === 'fi' ? 'fi-FI' : 'en-GB').format(v);

export function PublicResultsPage({
  lang,
  tenant,
  path,
  results,
  chartSvg,
}: {
  lang: Lang;
  tenant: Tenant;
  path: string;
  results: PresentedResult[];
  chartSvg: string | null;
}) {
  const years = [...new Set(results.map((r) => r.year))].sort((a, b) => b - a);
  return (
    <PublicPage title={T.resultsTitle[lang]} lang={lang} tenant={tenant} path={path}>
      <h1>{T.resultsTitle[lang]}</h1>
      <p>{T.resultsIntro[lang]}</p>
      {results.some((r) => r.generated) && <p class="notice">{T.generated[lang]}</p>}
      {results.length === 0 && <p>{T.none[lang]}</p>}
      {chartSvg && <div class="chart-box" dangerouslySetInnerHTML={{ __html: chartSvg }} />}
      {years.map((year) => (
        <ScrollTable caption={`NKI ${year}`}>
          <thead>
            <tr>
              <th scope="col">{T.area[lang]}</th>
              <th scope="col">NKI</th>
              <th scope="col">{T.grade[lang]}</th>
              <th scope="col">{T.trend[lang]}</th>
              <th scope="col">{T.answers[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {results
              .filter((r) => r.year === year)
              .map((r) => (
                <tr>
                  <th scope="row" lang={swedishOn(lang)}>
                    {r.areaName}
                  </th>
                  <td>{r.rounded === null ? T.tooFew[lang] : fmt(lang, r.rounded)}</td>
                  <td>{r.grade ? GRADE_TEXT[r.grade][lang] : '–'}</td>
                  <td>{r.trend === null ? '–' : r.trend > 0 ? `+${r.trend}` : String(r.trend)}</td>
                  <td>{fmt(lang, r.n)}</td>
                </tr>
              ))}
          </tbody>
        </ScrollTable>
      ))}
    </PublicPage>
  );
}
