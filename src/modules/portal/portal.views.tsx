import { type Lang, swedishOn, type Translated } from '../../web/i18n.ts';
import { PublicPage } from '../../web/layout.tsx';
import type { Tenant } from '../tenants/tenants.repo.ts';

const T = {
  startTitle: { sv: 'Kvalitet och resultat', fi: 'Laatu ja tulokset', en: 'Quality and results' },
  startLead: {
    sv: 'Insyn visar vad kommunen lovar invånare och företag, och hur väl löftena hålls – med resultat som räknas fram ur kommunens egna uppgifter.',
    fi: 'Insyn näyttää, mitä kunta lupaa asukkaille ja yrityksille ja miten hyvin lupaukset pidetään – tulokset lasketaan kunnan omista tiedoista.',
    en: 'Insyn shows what the municipality promises residents and businesses, and how well the promises are kept – with results computed from the municipality’s own data.',
  },
  chooseMunicipality: { sv: 'Välj kommun', fi: 'Valitse kunta', en: 'Choose a municipality' },
  noTenants: { sv: 'Inga kommuner finns ännu.', fi: 'Kuntia ei vielä ole.', en: 'There are no municipalities yet.' },
  homeLead: {
    sv: 'Här ser du kommunens servicelöften och hur väl de hålls, mål och resultat, och hur nöjda invånare och företag är.',
    fi: 'Täällä näet kunnan palvelulupaukset ja miten hyvin ne pidetään, tavoitteet ja tulokset sekä asukkaiden ja yritysten tyytyväisyyden.',
    en: 'Here you can see the municipality’s service promises and how well they are kept, goals and results, and how satisfied residents and businesses are.',
  },
  askQuestion: { sv: 'Ställ en fråga eller lämna en synpunkt', fi: 'Kysy tai anna palautetta', en: 'Ask a question or give feedback' },
  promise: {
    sv: 'Vi återkopplar inom två arbetsdagar.',
    fi: 'Vastaamme kahden työpäivän kuluessa.',
    en: 'We will get back to you within two working days.',
  },
  sections: { sv: 'Se resultaten', fi: 'Katso tulokset', en: 'See the results' },
  promisesLink: {
    sv: 'Servicelöften och hur de hålls',
    fi: 'Palvelulupaukset ja niiden toteutuminen',
    en: 'Service promises and how they are kept',
  },
  promisesText: {
    sv: 'Vad kommunen lovar, vad som händer om löftet bryts, och hur ofta det hålls – månad för månad.',
    fi: 'Mitä kunta lupaa, mitä tapahtuu jos lupaus rikotaan, ja kuinka usein se pidetään – kuukausittain.',
    en: 'What the municipality promises, what happens if a promise is broken, and how often it is kept – month by month.',
  },
  meetingsLink: {
    sv: 'Sammanträden: handlingar och protokoll',
    fi: 'Kokoukset: asiakirjat ja pöytäkirjat',
    en: 'Meetings: documents and minutes',
  },
  meetingsText: {
    sv: 'Publicerades handlingarna minst sex dagar före mötet och protokollet senast en arbetsdag efter justering?',
    fi: 'Julkaistiinko asiakirjat vähintään kuusi päivää ennen kokousta ja pöytäkirja viimeistään työpäivä tarkastuksen jälkeen?',
    en: 'Were the documents published at least six days before the meeting and the minutes at most one working day after approval?',
  },
  openData: { sv: 'Öppna data', fi: 'Avoin data', en: 'Open data' },
} satisfies Record<string, Translated>;

export function StartPage({ lang, tenants }: { lang: Lang; tenants: Tenant[] }) {
  return (
    <PublicPage title={T.startTitle[lang]} lang={lang} path="/">
      <h1>{T.startTitle[lang]}</h1>
      <p class="lead">{T.startLead[lang]}</p>
      <h2>{T.chooseMunicipality[lang]}</h2>
      {tenants.length === 0 ? (
        <p>{T.noTenants[lang]}</p>
      ) : (
        <ul class="cards">
          {tenants.map((t) => (
            <li class="card">
              <h3>
                <a href={`/${t.slug}?lang=${lang}`} lang={swedishOn(lang)}>
                  {t.name}
                </a>
              </h3>
            </li>
          ))}
        </ul>
      )}
    </PublicPage>
  );
}

export function TenantHomePage({ lang, tenant }: { lang: Lang; tenant: Tenant }) {
  return (
    <PublicPage title={`${T.startTitle[lang]} – ${tenant.name}`} lang={lang} path={`/${tenant.slug}`} tenant={tenant}>
      <h1>{T.startTitle[lang]}</h1>
      <p class="lead">{T.homeLead[lang]}</p>
      <p>{T.promise[lang]}</p>
      <p>
        <a class="button" href={`/${tenant.slug}/cases/new?lang=${lang}`}>
          {T.askQuestion[lang]}
        </a>
      </p>
      <h2>{T.sections[lang]}</h2>
      <ul class="cards">
        <li class="card">
          <h3>
            <a href={`/${tenant.slug}/promises?lang=${lang}`}>{T.promisesLink[lang]}</a>
          </h3>
          <p>{T.promisesText[lang]}</p>
        </li>
        <li class="card">
          <h3>
            <a href={`/${tenant.slug}/meetings?lang=${lang}`}>{T.meetingsLink[lang]}</a>
          </h3>
          <p>{T.meetingsText[lang]}</p>
        </li>
      </ul>
      <h2>{T.openData[lang]}</h2>
      <ul>
        <li>
          <a href={`/${tenant.slug}/promises.json`}>promises.json</a>, <a href={`/${tenant.slug}/promises.csv`}>promises.csv</a>
        </li>
        <li>
          <a href={`/${tenant.slug}/meetings.json`}>meetings.json</a>, <a href={`/${tenant.slug}/meetings.csv`}>meetings.csv</a>
        </li>
        <li>
          <a href={`/open311/v2/services.json?jurisdiction_id=${tenant.slug}`}>Open311 GeoReport v2</a>
        </li>
      </ul>
    </PublicPage>
  );
}
