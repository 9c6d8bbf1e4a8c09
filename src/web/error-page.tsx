// The HTML page of an error or a missing page. Public URLs get the public header, the language
// switch and the visitor's language (?lang=, the language cookie, Accept-Language — there is no
// tenant default here, the error handler does not read the database); staff URLs get the Swedish
// staff header. The message is text; Preact escapes it.
import type { FastifyRequest } from 'fastify';
import { acceptedLang, isLang, LANG_COOKIE, type Lang, swedishOn, type Translated } from './i18n.ts';
import { PublicPage, StaffPage } from './layout.tsx';
import { renderPage } from './render.ts';

const TITLES: Record<number, Translated> = {
  401: { sv: 'Logga in', fi: 'Kirjaudu sisään', en: 'Sign in' },
  403: { sv: 'Ingen behörighet', fi: 'Ei käyttöoikeutta', en: 'Not allowed' },
  404: { sv: 'Sidan finns inte', fi: 'Sivua ei löydy', en: 'Page not found' },
  413: { sv: 'För mycket innehåll', fi: 'Liikaa sisältöä', en: 'Too much content' },
  429: { sv: 'För många försök', fi: 'Liian monta yritystä', en: 'Too many attempts' },
  500: { sv: 'Något gick fel', fi: 'Jokin meni vikaan', en: 'Something went wrong' },
  503: { sv: 'Tillfälligt otillgänglig', fi: 'Tilapäisesti poissa käytöstä', en: 'Temporarily unavailable' },
};
const OTHER_TITLE: Translated = { sv: 'Något blev fel', fi: 'Jokin meni vikaan', en: 'Something went wrong' };

// What a visitor reading Finnish or English is told; the specific message, in Swedish, follows.
const EXPLANATIONS: Record<number, Translated> = {
  403: {
    sv: 'Du har inte behörighet till det här.',
    fi: 'Sinulla ei ole oikeutta tähän, tai lomake on vanhentunut. Lataa sivu uudelleen ja yritä uudestaan.',
    en: 'You are not allowed to do this, or the form has expired. Reload the page and try again.',
  },
  404: {
    sv: 'Sidan finns inte.',
    fi: 'Sivua ei ole olemassa. Tarkista osoite tai aloita etusivulta.',
    en: 'The page does not exist. Check the address or start from the start page.',
  },
  429: {
    sv: 'För många försök. Vänta en stund och försök igen.',
    fi: 'Liian monta yritystä. Odota hetki ja yritä uudelleen.',
    en: 'Too many attempts. Wait a while and try again.',
  },
  500: {
    sv: 'Ett oväntat fel inträffade. Försök igen om en stund.',
    fi: 'Tapahtui odottamaton virhe. Yritä hetken kuluttua uudelleen.',
    en: 'An unexpected error occurred. Please try again in a while.',
  },
  503: {
    sv: 'Tjänsten når inte sin databas just nu. Försök igen om en stund.',
    fi: 'Palvelu ei juuri nyt saa yhteyttä tietokantaansa. Yritä hetken kuluttua uudelleen.',
    en: 'The service cannot reach its database right now. Please try again in a while.',
  },
};
const OTHER_EXPLANATION: Translated = {
  sv: 'Något i begäran var inte rätt.',
  fi: 'Pyynnössä oli jotakin vialla. Tarkista tiedot ja yritä uudelleen.',
  en: 'Something in the request was not right. Check what you entered and try again.',
};
const IN_SWEDISH: Translated = { sv: '', fi: 'Viesti ruotsiksi:', en: 'The message in Swedish:' };
const HOME: Translated = { sv: 'Till startsidan', fi: 'Etusivulle', en: 'To the start page' };

/** The visitor's language on an error page: ?lang=, the remembered choice, the browser's wish, Swedish. */
export function errorPageLang(request: FastifyRequest): Lang {
  const query = new URLSearchParams(request.url.split('?')[1] ?? '').get('lang');
  if (isLang(query)) return query;
  const cookie = request.cookies?.[LANG_COOKIE];
  if (isLang(cookie)) return cookie;
  return acceptedLang(request.headers['accept-language']) ?? 'sv';
}

function isStaffUrl(path: string): boolean {
  return path === '/staff' || path.startsWith('/staff/');
}

/**
 * A complete error page. `message` is the error's own sentence, in Swedish (the error texts are
 * Swedish): shown as it is on Swedish pages, marked lang="sv" after a sentence in the visitor's
 * language on Finnish and English ones (a 404 needs only that sentence); a 500 never shows one.
 */
export function errorPage(request: FastifyRequest, status: number, message?: string): string {
  const path = request.url.split('?')[0] || '/';
  const title = TITLES[status] ?? OTHER_TITLE;
  const explanation = EXPLANATIONS[status] ?? OTHER_EXPLANATION;
  const swedish = status >= 500 ? explanation.sv : (message ?? explanation.sv);
  const detail = status === 404 || status >= 500 ? undefined : message;
  if (isStaffUrl(path)) {
    return renderPage(
      <StaffPage title={title.sv}>
        <h1>{title.sv}</h1>
        <p>{swedish}</p>
        <p>
          <a href="/staff">Till översikten</a>
        </p>
      </StaffPage>,
    );
  }
  const lang = errorPageLang(request);
  return renderPage(
    <PublicPage title={title[lang]} lang={lang} path={path}>
      <h1>{title[lang]}</h1>
      {lang === 'sv' ? (
        <p>{swedish}</p>
      ) : (
        <>
          <p>{explanation[lang]}</p>
          {detail && (
            <p>
              {IN_SWEDISH[lang]} <span lang={swedishOn(lang)}>{detail}</span>
            </p>
          )}
        </>
      )}
      <p>
        <a href={`/?lang=${lang}`}>{HOME[lang]}</a>
      </p>
    </PublicPage>,
  );
}
