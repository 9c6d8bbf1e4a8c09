// Texts of the resident's case pages in sv/fi/en, shared by the form page and the tracking page.
import type { CaseType } from '../../db/schema-cases.ts';
import type { Translated } from '../../web/i18n.ts';

export const TYPE_NAMES: Record<CaseType, Translated> = {
  question: { sv: 'Fråga', fi: 'Kysymys', en: 'Question' },
  praise: { sv: 'Beröm', fi: 'Kiitos', en: 'Praise' },
  complaint: { sv: 'Klagomål', fi: 'Valitus', en: 'Complaint' },
  suggestion: { sv: 'Förslag', fi: 'Ehdotus', en: 'Suggestion' },
  error_report: { sv: 'Felanmälan', fi: 'Vikailmoitus', en: 'Error report' },
};

/** The words of the case form, the receipt and the tracking page. */
export const T = {
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
