// Public texts of the promises pages in Swedish, Finnish and English, and the sentences that say
// how well a promise was kept.
import type { Lang, Translated } from '../../web/i18n.ts';
import { numberFormat } from '../../web/i18n.ts';
import type { Fulfilment } from './fulfilment.ts';
import { formatPercent } from './promises.chart.ts';
import type { Translations } from './promises.schemas.ts';
import type { VersionRow } from './promises.service.ts';

export const T = {
  title: { sv: 'Servicelöften', fi: 'Palvelulupaukset', en: 'Service promises' },
  lead: {
    sv: 'Det här lovar kommunen invånare och företag, och så här väl hölls löftena. Resultaten räknas fram ur kommunens egna ärenden, sammanträden och mätningar.',
    fi: 'Nämä ovat kunnan lupaukset asukkaille ja yrityksille, ja näin hyvin ne pidettiin. Tulokset lasketaan kunnan omista asioista, kokouksista ja mittauksista.',
    en: 'This is what the municipality promises residents and businesses, and how well the promises were kept. The results are computed from the municipality’s own cases, meetings and measurements.',
  },
  none: {
    sv: 'Inga servicelöften är publicerade ännu.',
    fi: 'Palvelulupauksia ei ole vielä julkaistu.',
    en: 'No service promises have been published yet.',
  },
  openData: { sv: 'Öppna data', fi: 'Avoin data', en: 'Open data' },
  openDataJson: {
    sv: 'Alla löften och resultat som JSON',
    fi: 'Kaikki lupaukset ja tulokset JSON-muodossa',
    en: 'All promises and results as JSON',
  },
  openDataCsv: {
    sv: 'Alla löften och resultat som CSV',
    fi: 'Kaikki lupaukset ja tulokset CSV-muodossa',
    en: 'All promises and results as CSV',
  },
  resultsJson: { sv: 'Månadsresultat som JSON', fi: 'Kuukausitulokset JSON-muodossa', en: 'Monthly results as JSON' },
  resultsCsv: { sv: 'Månadsresultat som CSV', fi: 'Kuukausitulokset CSV-muodossa', en: 'Monthly results as CSV' },
  remedy: { sv: 'Om vi inte håller löftet', fi: 'Jos emme pidä lupausta', en: 'If we do not keep the promise' },
  counterRequirement: { sv: 'Det här behöver vi av dig', fi: 'Tätä tarvitsemme sinulta', en: 'What we need from you' },
  measured: { sv: 'Så mäter vi', fi: 'Näin mittaamme', en: 'How we measure' },
  measureRules: {
    sv: 'Ett ärende, sammanträde eller månadsvärde räknas till den period där tidsgränsen infaller, och först när tidsgränsen har passerat – också om det redan är klart – så att en period som just börjat inte bedöms på de första fallen. En period med för få mätta bedöms inte. Resultatet jämförs med det mål som gäller vid periodens slut; har målet ändrats under perioden står det vid målet. Andelar visas med högst en decimal.',
    fi: 'Tapaus, kokous tai kuukausiarvo lasketaan siihen jaksoon, jolle sen määräaika osuu, ja vasta kun määräaika on kulunut – myös jos asia on jo hoidettu – jotta juuri alkanutta jaksoa ei arvioida ensimmäisten tapausten perusteella. Jaksoa, jossa on liian vähän mitattuja, ei arvioida. Tulosta verrataan jakson lopussa voimassa olevaan tavoitteeseen; jos tavoite muuttui jakson aikana, se mainitaan. Osuudet näytetään enintään yhden desimaalin tarkkuudella.',
    en: 'A case, meeting or monthly value counts in the period in which its deadline falls, and only once the deadline has passed – even if it is already done – so that a period that has just begun is not judged on its first cases. A period with too few measured is not judged. The result is compared with the target in force at the end of the period; if the target changed during the period, this is stated. Shares are shown with at most one decimal.',
  },
  ongoing: { sv: 'pågår', fi: 'kesken', en: 'in progress' },
  targetChanged: { sv: 'målet ändrades under perioden', fi: 'tavoite muuttui jakson aikana', en: 'the target changed during the period' },
  owner: { sv: 'Ansvarig', fi: 'Vastuussa', en: 'Responsible' },
  results: { sv: 'Resultat', fi: 'Tulokset', en: 'Results' },
  readMore: { sv: 'Historik och alla resultat', fi: 'Historia ja kaikki tulokset', en: 'History and all results' },
  month: { sv: 'Månad', fi: 'Kuukausi', en: 'Month' },
  target: { sv: 'Mål', fi: 'Tavoite', en: 'Target' },
  cases: { sv: 'Antal mätta', fi: 'Mitattuja', en: 'Measured' },
  kept: { sv: 'Hölls', fi: 'Pidettiin', en: 'Kept' },
  outcome: { sv: 'Utfall', fi: 'Tulos', en: 'Outcome' },
  verdict: { sv: 'Bedömning', fi: 'Arvio', en: 'Assessment' },
  history: { sv: 'Historik', fi: 'Historia', en: 'History' },
  versions: { sv: 'Versioner och beslut', fi: 'Versiot ja päätökset', en: 'Versions and decisions' },
  version: { sv: 'Version', fi: 'Versio', en: 'Version' },
  validity: { sv: 'Gäller', fi: 'Voimassa', en: 'In force' },
  decision: { sv: 'Beslut', fi: 'Päätös', en: 'Decision' },
  statusChanges: { sv: 'Statusändringar', fi: 'Tilamuutokset', en: 'Status changes' },
  date: { sv: 'Datum', fi: 'Päivämäärä', en: 'Date' },
  status: { sv: 'Status', fi: 'Tila', en: 'Status' },
  claims: { sv: 'Åberopade garantier', fi: 'Käytetyt takuut', en: 'Invoked guarantees' },
  claimsText: {
    sv: 'Garantin åberopades {count} gånger i år, kostnad {cost}.',
    fi: 'Takuuseen vedottiin tänä vuonna {count} kertaa, kustannus {cost}.',
    en: 'The guarantee was invoked {count} times this year, at a cost of {cost}.',
  },
  back: { sv: 'Alla servicelöften', fi: 'Kaikki palvelulupaukset', en: 'All service promises' },
  monthlyCaption: {
    sv: 'Andel per månad {year} och {last}',
    fi: 'Osuus kuukausittain {year} ja {last}',
    en: 'Share per month {year} and {last}',
  },
  chartLabel: {
    sv: 'Diagram: andel per månad {year} (heldragen linje, runda punkter) och {last} (streckad linje, fyrkantiga punkter), mål {target}. Samma uppgifter finns i tabellen.',
    fi: 'Kaavio: osuus kuukausittain {year} (yhtenäinen viiva, pyöreät pisteet) ja {last} (katkoviiva, neliöpisteet), tavoite {target}. Samat tiedot ovat taulukossa.',
    en: 'Chart: share per month in {year} (solid line, round markers) and {last} (dashed line, square markers), target {target}. The same data is in the table.',
  },
  legend: {
    sv: 'Heldragen linje med runda punkter: {year}. Streckad linje med fyrkantiga punkter: {last}. Prickad linje: målet.',
    fi: 'Yhtenäinen viiva ja pyöreät pisteet: {year}. Katkoviiva ja neliöpisteet: {last}. Pisteviiva: tavoite.',
    en: 'Solid line with round markers: {year}. Dashed line with square markers: {last}. Dotted line: the target.',
  },
  noValue: { sv: 'inga mätningar', fi: 'ei mittauksia', en: 'no measurements' },
  tooFewShort: { sv: 'för få för att bedöma', fi: 'liian vähän arvioitavaksi', en: 'too few to judge' },
  metShort: { sv: 'målet nått', fi: 'tavoite saavutettu', en: 'target met' },
  notMetShort: { sv: 'målet inte nått', fi: 'tavoitetta ei saavutettu', en: 'target not met' },
} satisfies Record<string, Translated>;

export const KIND: Record<string, Translated> = {
  guarantee: { sv: 'Tjänstegaranti', fi: 'Palvelutakuu', en: 'Service guarantee' },
  declaration: { sv: 'Servicedeklaration', fi: 'Palveluseloste', en: 'Service declaration' },
  policy: { sv: 'Servicepolicy', fi: 'Palvelupolitiikka', en: 'Service policy' },
};

export const STATUS: Record<string, Translated> = {
  draft: { sv: 'Utkast', fi: 'Luonnos', en: 'Draft' },
  decided: { sv: 'Beslutad', fi: 'Päätetty', en: 'Decided' },
  published: { sv: 'Publicerad', fi: 'Julkaistu', en: 'Published' },
  retired: { sv: 'Avslutad', fi: 'Päättynyt', en: 'Retired' },
};

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** A text of a version in the page's language, falling back to Swedish. */
/** The language `localized` gives a field in: the page's, or Swedish where it has no translation (for lang="sv"). */
export function localizedLang(v: VersionRow, field: 'title' | 'text' | 'remedy' | 'counterRequirement', lang: Lang): Lang {
  if (lang === 'sv') return 'sv';
  return (v.translations as Translations | null)?.[lang]?.[field]?.trim() ? lang : 'sv';
}

export function localized(v: VersionRow, field: 'title' | 'text' | 'remedy' | 'counterRequirement', lang: Lang): string {
  const sv = field === 'title' ? v.title : field === 'text' ? v.publicText : field === 'remedy' ? v.remedy : v.counterRequirement;
  if (lang === 'sv') return sv;
  const t = (v.translations as Translations | null)?.[lang]?.[field];
  return t?.trim() ? t : sv;
}

const WHEN: Record<'this' | 'last', Translated> = {
  this: { sv: 'i år', fi: 'tänä vuonna', en: 'this year' },
  last: { sv: 'i fjol', fi: 'viime vuonna', en: 'last year' },
};

/** "Löftet hölls i 93 % av fallen i år (mål 95 %)." — a clear sentence for residents. */
export function keptSentence(f: Fulfilment, share: boolean, when: 'this' | 'last', lang: Lang): string {
  const w = WHEN[when][lang];
  if (f.measured === 0 || f.ratio === null) {
    return { sv: `Inga mätningar ${w}.`, fi: `Ei mittauksia ${w}.`, en: `No measurements ${w}.` }[lang];
  }
  const target = f.target === null ? '' : `${formatPercent(f.target, lang)}${f.targetChanged ? `; ${T.targetChanged[lang]}` : ''}`;
  const ratio = formatPercent(f.ratio, lang);
  if (f.status === 'too_few') {
    return {
      sv: `För få fall ${w} för att bedöma (${f.measured} st).`,
      fi: `Liian vähän tapauksia ${w} arvioitavaksi (${f.measured} kpl).`,
      en: `Too few cases ${w} to judge (${f.measured}).`,
    }[lang];
  }
  const verdict = f.status === 'met' ? T.metShort[lang] : T.notMetShort[lang];
  if (share) {
    return {
      sv: `Utfallet ${w} ${when === 'this' ? 'är' : 'var'} ${ratio} (mål ${target}) – ${verdict}.`,
      fi: `Tulos ${w} ${when === 'this' ? 'on' : 'oli'} ${ratio} (tavoite ${target}) – ${verdict}.`,
      en: `The outcome ${w} ${when === 'this' ? 'is' : 'was'} ${ratio} (target ${target}) – ${verdict}.`,
    }[lang];
  }
  return {
    sv: `Löftet hölls i ${ratio} av fallen ${w} (mål ${target}) – ${verdict}.`,
    fi: `Lupaus pidettiin ${w} ${ratio}:ssa tapauksista (tavoite ${target}) – ${verdict}.`,
    en: `The promise was kept in ${ratio} of cases ${w} (target ${target}) – ${verdict}.`,
  }[lang];
}

export function statusWord(f: Fulfilment, lang: Lang): string {
  if (f.measured === 0) return T.noValue[lang];
  return f.status === 'met' ? T.metShort[lang] : f.status === 'not_met' ? T.notMetShort[lang] : T.tooFewShort[lang];
}

export function formatSek(amount: number, lang: Lang): string {
  return numberFormat(lang === 'fi' ? 'fi-FI' : lang === 'en' ? 'en-GB' : 'sv-SE', {
    style: 'currency',
    currency: 'SEK',
    maximumFractionDigits: 0,
  }).format(amount);
}
