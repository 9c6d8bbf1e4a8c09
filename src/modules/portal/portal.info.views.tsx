// The open-data catalogue page, the accessibility statement and its feedback form, and search.

import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, ScrollTable, TextField } from '../../web/components.tsx';
import { formatLongDate, swedishOn } from '../../web/i18n.ts';
import { Page, type PageBase } from './portal.layout.tsx';
import { LICENCES } from './portal.settings.ts';
import { A11Y, T, t } from './portal.texts.ts';

export interface DatasetLink {
  id: string;
  title: string;
  csv: string;
  json: string;
}

export function DataPage({ base, datasets }: { base: PageBase; datasets: DatasetLink[] }) {
  const { lang, tenant, settings } = base;
  const licence = LICENCES[settings.licence];
  return (
    <Page base={base} title={T.dataTitle[lang]} path={`/${tenant.slug}/data`}>
      <h1>{T.dataTitle[lang]}</h1>
      <p class="lead">{T.dataLead[lang]}</p>
      <p>
        {T.licence[lang]}:{' '}
        <a href={licence.url} lang={swedishOn(lang)}>
          {licence.name}
        </a>
      </p>
      <ScrollTable caption={T.datasets[lang]}>
        <thead>
          <tr>
            <th scope="col">{T.dataset[lang]}</th>
            <th scope="col">{T.formats[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr>
              <th scope="row">{d.title}</th>
              <td>
                <a href={d.csv}>CSV</a> · <a href={d.json}>JSON</a>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <h2>{T.csvFormat[lang]}</h2>
      <p>{T.csvFormatText[lang]}</p>
      <h2>{T.catalogue[lang]}</h2>
      <p>
        <a href={`/${tenant.slug}/data/catalog.jsonld`}>catalog.jsonld</a>
      </p>
    </Page>
  );
}

// ---- Accessibility statement and its feedback form -------------------------------------

export function AccessibilityPage({ base }: { base: PageBase }) {
  const { lang, tenant, settings } = base;
  const name = settings.displayName ?? tenant.name;
  const site = `${T.siteTitle[lang]} – ${name}`;
  return (
    <Page base={base} title={t(A11Y.title, lang, { site: T.siteTitle[lang] })} path={`/${tenant.slug}/accessibility`}>
      <h1>{t(A11Y.title, lang, { site })}</h1>
      <p>{t(A11Y.intro, lang, { name })}</p>
      <h2>{A11Y.howTitle[lang]}</h2>
      <p>{A11Y[settings.compliance][lang]}</p>
      <h2>{A11Y.helpTitle[lang]}</h2>
      <p>{A11Y.helpText[lang]}</p>
      {settings.contactEmail && (
        <p>
          <a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a>
        </p>
      )}
      <h2>{A11Y.reportTitle[lang]}</h2>
      <p>{A11Y.reportText[lang]}</p>
      <p>
        <a class="button" href={`/${tenant.slug}/accessibility/feedback?lang=${lang}`}>
          {A11Y.reportLink[lang]}
        </a>
      </p>
      <h2>{A11Y.superTitle[lang]}</h2>
      <p>{A11Y.superText[lang]}</p>
      <p>
        <a href="https://www.digg.se/tdosanmalan">{A11Y.superLink[lang]}</a>
      </p>
      <h2>{A11Y.techTitle[lang]}</h2>
      <p>{A11Y.techText[lang]}</p>
      <h2>{A11Y.issuesTitle[lang]}</h2>
      {settings.knownIssues ? (
        settings.knownIssues.split(/\n{2,}/).map((para) => <p lang={swedishOn(lang)}>{para}</p>)
      ) : (
        <p>{A11Y.noIssues[lang]}</p>
      )}
      <h2>{A11Y.testTitle[lang]}</h2>
      <p>{A11Y.testText[lang]}</p>
      {settings.assessedOn && <p>{t(A11Y.assessedOn, lang, { date: formatLongDate(settings.assessedOn, lang) })}</p>}
    </Page>
  );
}

export interface FeedbackValues {
  page: string;
  message: string;
  email: string;
}

export function FeedbackPage({
  base,
  csrfToken,
  values,
  errors,
  unavailable,
}: {
  base: PageBase;
  csrfToken: string;
  values: FeedbackValues;
  errors: FieldError[];
  unavailable?: boolean;
}) {
  const { lang, tenant } = base;
  const action = `/${tenant.slug}/accessibility/feedback?lang=${lang}`;
  return (
    <Page base={base} title={A11Y.feedbackTitle[lang]} path={`/${tenant.slug}/accessibility/feedback`}>
      <p>
        <a href={`/${tenant.slug}/accessibility?lang=${lang}`}>{T.back[lang]}</a>
      </p>
      <h1>{A11Y.feedbackTitle[lang]}</h1>
      {unavailable ? (
        <p>{A11Y.noCategory[lang]}</p>
      ) : (
        <>
          <p class="lead">{A11Y.feedbackLead[lang]}</p>
          <ErrorSummary errors={errors} title={A11Y.errorTitle[lang]} />
          <form method="post" action={action} novalidate>
            <CsrfField token={csrfToken} />
            <TextField id="message" label={A11Y.messageField[lang]} value={values.message} errors={errors} textarea />
            <TextField id="page" label={A11Y.pageField[lang]} value={values.page} errors={errors} />
            <TextField id="email" label={A11Y.emailField[lang]} value={values.email} errors={errors} type="email" />
            <button type="submit">{A11Y.send[lang]}</button>
          </form>
        </>
      )}
    </Page>
  );
}

// ---- Search ----------------------------------------------------------------------------

export interface SearchResult {
  path: string;
  kind: string;
  title: string;
  body: string;
}

const KIND_NAME: Record<string, keyof typeof T> = {
  promise: 'kindPromise',
  area: 'kindArea',
  goal: 'kindGoal',
  indicator: 'kindIndicator',
  board: 'kindBoard',
};

export function SearchPage({ base, q, hits, error }: { base: PageBase; q: string; hits: SearchResult[] | null; error?: string }) {
  const { lang, tenant } = base;
  return (
    <Page base={base} title={T.searchTitle[lang]} path={`/${tenant.slug}/search`}>
      <h1>{T.searchTitle[lang]}</h1>
      <form method="get" action={`/${tenant.slug}/search`}>
        <input type="hidden" name="lang" value={lang} />
        <div class={error ? 'field has-error' : 'field'}>
          <label for="q">{T.searchLabel[lang]}</label>
          <p class="hint" id="q-hint">
            {T.searchHint[lang]}
          </p>
          {error && (
            <p class="error-message" id="q-error">
              {error}
            </p>
          )}
          <input
            id="q"
            name="q"
            type="search"
            value={q}
            aria-describedby={error ? 'q-hint q-error' : 'q-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit">{T.searchButton[lang]}</button>
      </form>
      {hits !== null && (
        <>
          <p role="status">{hits.length === 0 ? t(T.searchNone, lang, { q }) : t(T.searchHits, lang, { n: hits.length, q })}</p>
          <ol class="search-hits">
            {hits.map((h) => (
              <li>
                <a href={`${h.path}?lang=${lang}`} lang={swedishOn(lang)}>
                  {h.title}
                </a>{' '}
                <span class="kind">({T[KIND_NAME[h.kind] ?? 'kindPromise'][lang]})</span>
                {h.body && (
                  <p lang={swedishOn(lang)}>
                    {h.body.slice(0, 200)}
                    {h.body.length > 200 ? '…' : ''}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </Page>
  );
}

// ---- Embeds: small, no script, a link back to the full page ----------------------------
