// Texts of the e-mails a resident gets about a case, in the case's language.
import type { CaseLanguage } from '../../db/schema-cases.ts';

const MONTHS: Record<CaseLanguage, string> = { sv: 'sv-SE', fi: 'fi-FI', en: 'en-GB' };

// Building an Intl.DateTimeFormat costs about a millisecond: one per language, kept.
const LONG_DATE = new Map<CaseLanguage, Intl.DateTimeFormat>();

/** "onsdag 9 september 2026" for a 'YYYY-MM-DD' date, in the language. */
export function longDate(date: string, language: CaseLanguage): string {
  const [y, m, d] = date.split('-').map(Number);
  let format = LONG_DATE.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(MONTHS[language], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    LONG_DATE.set(language, format);
  }
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

interface ReceiptInput {
  language: CaseLanguage;
  tenantName: string;
  caseNumber: string;
  firstResponseDue: string;
  trackingUrl?: string;
  answer?: string;
}

export function receiptMail(r: ReceiptInput): { subject: string; body: string } {
  const due = longDate(r.firstResponseDue, r.language);
  const link = r.trackingUrl;
  switch (r.language) {
    case 'fi':
      return {
        subject: `Olemme vastaanottaneet asiasi ${r.caseNumber}`,
        body: [
          `Kiitos yhteydenotostasi. Asianumerosi on ${r.caseNumber}.`,
          r.answer ? `Vastaus: ${r.answer}` : `Palaamme asiaan viimeistään ${due}.`,
          link ? `Voit seurata asiaasi: ${link}` : '',
          '',
          r.tenantName,
        ]
          .filter((l, i, a) => l !== '' || i === a.length - 2)
          .join('\n'),
      };
    case 'en':
      return {
        subject: `We have received your case ${r.caseNumber}`,
        body: [
          `Thank you for contacting us. Your case number is ${r.caseNumber}.`,
          r.answer ? `Answer: ${r.answer}` : `We will get back to you by ${due} at the latest.`,
          link ? `Follow your case: ${link}` : '',
          '',
          r.tenantName,
        ]
          .filter((l, i, a) => l !== '' || i === a.length - 2)
          .join('\n'),
      };
    default:
      return {
        subject: `Vi har tagit emot ditt ärende ${r.caseNumber}`,
        body: [
          `Tack för att du kontaktade oss. Ditt ärendenummer är ${r.caseNumber}.`,
          r.answer ? `Svar: ${r.answer}` : `Vi återkopplar senast ${due}.`,
          link ? `Följ ditt ärende: ${link}` : '',
          '',
          r.tenantName,
        ]
          .filter((l, i, a) => l !== '' || i === a.length - 2)
          .join('\n'),
      };
  }
}

const EVENT_SUBJECT: Record<CaseLanguage, Record<string, string>> = {
  sv: {
    first_response: 'Svar på ditt ärende',
    next_feedback_promised: 'Besked om ditt ärende',
    referred: 'Ditt ärende har hänvisats',
    resolved: 'Ditt ärende är avslutat',
  },
  fi: {
    first_response: 'Vastaus asiaasi',
    next_feedback_promised: 'Tietoa asiastasi',
    referred: 'Asiasi on ohjattu eteenpäin',
    resolved: 'Asiasi on käsitelty',
  },
  en: {
    first_response: 'Reply to your case',
    next_feedback_promised: 'An update on your case',
    referred: 'Your case has been referred',
    resolved: 'Your case is closed',
  },
};

interface EventMailInput {
  language: CaseLanguage;
  tenantName: string;
  caseNumber: string;
  kind: 'first_response' | 'next_feedback_promised' | 'referred' | 'resolved';
  body: string | null;
  nextFeedbackDate?: string;
  authority?: string;
}

export function eventMail(e: EventMailInput): { subject: string; body: string } {
  const lines: string[] = [];
  if (e.body) lines.push(e.body);
  if (e.kind === 'next_feedback_promised' && e.nextFeedbackDate) {
    const when = longDate(e.nextFeedbackDate, e.language);
    lines.push(
      e.language === 'fi'
        ? `Palaamme asiaan viimeistään ${when}.`
        : e.language === 'en'
          ? `We will get back to you by ${when}.`
          : `Vi återkommer senast ${when}.`,
    );
  }
  if (e.kind === 'referred' && e.authority) {
    lines.push(
      e.language === 'fi'
        ? `Asiasi kuuluu viranomaiselle: ${e.authority}.`
        : e.language === 'en'
          ? `Your question belongs to: ${e.authority}.`
          : `Din fråga hör till ${e.authority}.`,
    );
  }
  lines.push('', e.tenantName);
  return { subject: `${EVENT_SUBJECT[e.language][e.kind]} ${e.caseNumber}`, body: lines.join('\n') };
}
