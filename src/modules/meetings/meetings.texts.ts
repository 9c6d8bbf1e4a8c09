// Verdicts in words (sv, fi, en): a verdict is never shown by colour alone.
import type { Lang } from '../../web/i18n.ts';
import { dateTimeFormat } from '../../web/i18n.ts';
import type { Outcome } from './meetings.rules.ts';
import type { MeetingView } from './meetings.service.ts';

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', fi: 'fi-FI', en: 'en-GB' };

/** "10 mars 2026" from '2026-03-10'. */
export function shortDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function days(n: number, lang: Lang): string {
  if (lang === 'fi') return `${n} ${n === 1 ? 'päivä' : 'päivää'}`;
  if (lang === 'en') return `${n} ${n === 1 ? 'day' : 'days'}`;
  return `${n} ${n === 1 ? 'dag' : 'dagar'}`;
}

function workingDays(n: number, lang: Lang): string {
  if (lang === 'fi') return `${n} ${n === 1 ? 'työpäivä' : 'työpäivää'}`;
  if (lang === 'en') return `${n} working ${n === 1 ? 'day' : 'days'}`;
  return `${n} ${n === 1 ? 'arbetsdag' : 'arbetsdagar'}`;
}

export const OUTCOME_WORD: Record<Outcome, Record<Lang, string>> = {
  met: { sv: 'I tid', fi: 'Ajallaan', en: 'On time' },
  missed: { sv: 'För sent', fi: 'Myöhässä', en: 'Late' },
  pending: { sv: 'Väntar', fi: 'Odottaa', en: 'Pending' },
};

export const OUTCOME_CLASS: Record<Outcome, string> = { met: 'status-ok', missed: 'status-late', pending: 'status-warn' };

export function documentsText(m: MeetingView, lang: Lang): string {
  const { outcome, deadline, daysBefore } = m.documents;
  const due = deadline ? shortDate(deadline, lang) : '';
  if (daysBefore !== null) {
    const when =
      daysBefore < 0
        ? { sv: 'efter sammanträdet', fi: 'kokouksen jälkeen', en: 'after the meeting' }[lang]
        : { sv: `${days(daysBefore, lang)} före`, fi: `${days(daysBefore, lang)} ennen kokousta`, en: `${days(daysBefore, lang)} before` }[
            lang
          ];
    if (outcome === 'met') return `${OUTCOME_WORD.met[lang]} – ${when}`;
    return `${OUTCOME_WORD.missed[lang]} – ${when} ${{ sv: `(senast ${due})`, fi: `(viimeistään ${due})`, en: `(due by ${due})` }[lang]}`;
  }
  if (outcome === 'missed') {
    return {
      sv: `Inte publicerade – skulle ha publicerats senast ${due}`,
      fi: `Ei julkaistu – määräaika ${due} on umpeutunut`,
      en: `Not published – were due by ${due}`,
    }[lang];
  }
  return {
    sv: `Inte publicerade ännu – senast ${due}`,
    fi: `Ei vielä julkaistu – viimeistään ${due}`,
    en: `Not yet published – due by ${due}`,
  }[lang];
}

export function minutesText(m: MeetingView, lang: Lang): string {
  const { outcome, deadline, workingDaysAfter, publishedDate } = m.minutes;
  if (!m.minutesApprovedDate) {
    return { sv: 'Protokollet är inte justerat ännu', fi: 'Pöytäkirjaa ei ole vielä tarkastettu', en: 'Minutes not yet approved' }[lang];
  }
  const due = deadline ? shortDate(deadline, lang) : '';
  if (publishedDate !== null && workingDaysAfter !== null) {
    const when =
      workingDaysAfter <= 0
        ? { sv: 'samma dag som justeringen', fi: 'tarkastuspäivänä', en: 'on the day of approval' }[lang]
        : {
            sv: `${workingDays(workingDaysAfter, lang)} efter justeringen`,
            fi: `${workingDays(workingDaysAfter, lang)} tarkastuksen jälkeen`,
            en: `${workingDays(workingDaysAfter, lang)} after approval`,
          }[lang];
    if (outcome === 'met') return `${OUTCOME_WORD.met[lang]} – ${when}`;
    return `${OUTCOME_WORD.missed[lang]} – ${when} ${{ sv: `(senast ${due})`, fi: `(viimeistään ${due})`, en: `(due by ${due})` }[lang]}`;
  }
  if (outcome === 'missed') {
    return {
      sv: `Inte publicerat – skulle ha publicerats senast ${due}`,
      fi: `Ei julkaistu – määräaika ${due} on umpeutunut`,
      en: `Not published – was due by ${due}`,
    }[lang];
  }
  return {
    sv: `Inte publicerat ännu – senast ${due}`,
    fi: `Ei vielä julkaistu – viimeistään ${due}`,
    en: `Not yet published – due by ${due}`,
  }[lang];
}
