// Input schemas of the cases module and their per-field messages in sv, fi and en.
import { Type } from 'typebox';
import type { CaseChannel, CaseEventKind, CaseLanguage, CaseStatus, CaseType } from '../../db/schema-cases.ts';
import { CalendarDate, Text } from '../../http/input.ts';
import type { FieldMessages } from '../../http/validate.ts';

export const CASE_TYPES = ['question', 'praise', 'complaint', 'suggestion', 'error_report'] as const satisfies readonly CaseType[];
export const CASE_CHANNELS = [
  'web',
  'email',
  'phone',
  'visit',
  'letter',
  'chat',
  'social_media',
  'self_service',
] as const satisfies readonly CaseChannel[];
export const CASE_STATUSES = ['new', 'in_progress', 'resolved'] as const satisfies readonly CaseStatus[];
export const CASE_LANGUAGES = ['sv', 'fi', 'en'] as const satisfies readonly CaseLanguage[];
export const STAFF_EVENT_KINDS = [
  'first_response',
  'next_feedback_promised',
  'referred',
  'resolved',
  'reopened',
  'note',
  'reassigned',
  'deadline_changed',
] as const satisfies readonly CaseEventKind[];
export type StaffEventKind = (typeof STAFF_EVENT_KINDS)[number];

export const CASE_TYPE_NAMES: Record<CaseType, string> = {
  question: 'Fråga',
  praise: 'Beröm',
  complaint: 'Klagomål',
  suggestion: 'Förslag',
  error_report: 'Felanmälan',
};
export const CASE_CHANNEL_NAMES: Record<CaseChannel, string> = {
  web: 'Webb',
  email: 'E-post',
  phone: 'Telefon',
  visit: 'Besök',
  letter: 'Brev',
  chat: 'Chatt',
  social_media: 'Sociala medier',
  self_service: 'E-tjänst',
};
export const CASE_STATUS_NAMES: Record<CaseStatus, string> = { new: 'Ny', in_progress: 'Pågår', resolved: 'Avslutad' };
export const EVENT_KIND_NAMES: Record<CaseEventKind, string> = {
  received: 'Inkommen',
  first_response: 'Återkoppling',
  next_feedback_promised: 'Ny återkoppling utlovad',
  referred: 'Hänvisad',
  resolved: 'Avslutad med svar',
  reopened: 'Återöppnad',
  note: 'Intern anteckning',
  reassigned: 'Omfördelad',
  deadline_changed: 'Tidsfrist ändrad',
  resident_message: 'Meddelande från invånaren',
};
/** Authorities questions are most often referred to; free text is allowed too. */
export const COMMON_AUTHORITIES = [
  'Skatteverket',
  'Försäkringskassan',
  'Polisen',
  'Trafikverket',
  'Region Stockholm',
  'Länsstyrelsen',
  'Arbetsförmedlingen',
];

const nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Optional(Type.Union([Type.Null(), s]));

export const ContactInput = Type.Object({
  name: nullable(Text({ max: 200 })),
  email: nullable(Type.String({ maxLength: 254, pattern: '^$|^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' })),
  phone: nullable(Type.String({ maxLength: 40, pattern: '^$|^[0-9+\\-() ]{5,40}$' })),
});

export const CreateCaseInput = Type.Object({
  type: Type.Enum(CASE_TYPES),
  channel: Type.Enum(CASE_CHANNELS),
  category: Text({ min: 2, max: 40 }),
  message: Text({ min: 1, max: 10000 }),
  subject: nullable(Text({ max: 200 })),
  contact: Type.Optional(ContactInput),
  language: Type.Optional(Type.Enum(CASE_LANGUAGES)),
  receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
  resolvedAtFirstContact: Type.Optional(Type.Object({ answer: Text({ min: 1, max: 10000 }) })),
  idempotencyKey: Type.Optional(Text({ min: 1, max: 200 })),
});
export type CreateCaseInput = Type.Static<typeof CreateCaseInput>;

export const CaseEventInput = Type.Object({
  kind: Type.Enum(STAFF_EVENT_KINDS),
  body: nullable(Text({ max: 10000 })),
  nextFeedbackDate: Type.Optional(CalendarDate()),
  authority: Type.Optional(Text({ min: 1, max: 200 })),
  reason: Type.Optional(Text({ max: 2000 })),
  unitId: Type.Optional(Type.String({ format: 'uuid' })),
  assigneeUserId: nullable(Type.String({ format: 'uuid' })),
  newDueDate: Type.Optional(CalendarDate()),
  at: Type.Optional(Type.String({ format: 'date-time' })),
});
export type CaseEventInput = Type.Static<typeof CaseEventInput>;

const CREATE_MESSAGES: Record<CaseLanguage, FieldMessages> = {
  sv: {
    type: 'Välj vad det gäller: fråga, beröm, klagomål, förslag eller felanmälan.',
    channel: 'Välj hur kontakten kom in.',
    category: 'Välj ett område.',
    message: 'Skriv ditt meddelande (högst 10 000 tecken).',
    subject: 'Rubriken får ha högst 200 tecken.',
    'contact.name': 'Namnet får ha högst 200 tecken.',
    'contact.email': 'Ange en giltig e-postadress, till exempel namn@exempel.se.',
    'contact.phone': 'Ange ett giltigt telefonnummer (siffror, +, - och mellanslag).',
    contact: 'Kontaktuppgifterna är inte giltiga.',
    language: 'Välj svenska, finska eller engelska.',
    receivedAt: 'Ange när kontakten kom in, som datum och tid.',
    resolvedAtFirstContact: 'Skriv svaret som gavs vid första kontakten.',
    'resolvedAtFirstContact.answer': 'Skriv svaret som gavs vid första kontakten.',
    idempotencyKey: 'Idempotency-Key får ha 1–200 tecken.',
  },
  fi: {
    type: 'Valitse asian tyyppi: kysymys, kiitos, valitus, ehdotus tai vikailmoitus.',
    channel: 'Valitse yhteydenottotapa.',
    category: 'Valitse aihealue.',
    message: 'Kirjoita viestisi (enintään 10 000 merkkiä).',
    subject: 'Otsikko saa olla enintään 200 merkkiä.',
    'contact.name': 'Nimi saa olla enintään 200 merkkiä.',
    'contact.email': 'Anna kelvollinen sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.',
    'contact.phone': 'Anna kelvollinen puhelinnumero.',
    contact: 'Yhteystiedot eivät ole kelvollisia.',
    language: 'Valitse ruotsi, suomi tai englanti.',
    receivedAt: 'Anna vastaanottoaika.',
    resolvedAtFirstContact: 'Kirjoita annettu vastaus.',
    'resolvedAtFirstContact.answer': 'Kirjoita annettu vastaus.',
    idempotencyKey: 'Idempotency-Key: 1–200 merkkiä.',
  },
  en: {
    type: 'Choose what it is about: question, praise, complaint, suggestion or error report.',
    channel: 'Choose the channel.',
    category: 'Choose an area.',
    message: 'Write your message (at most 10,000 characters).',
    subject: 'The subject can have at most 200 characters.',
    'contact.name': 'The name can have at most 200 characters.',
    'contact.email': 'Enter a valid e-mail address, like name@example.com.',
    'contact.phone': 'Enter a valid phone number (digits, +, - and spaces).',
    contact: 'The contact details are not valid.',
    language: 'Choose Swedish, Finnish or English.',
    receivedAt: 'Enter when the contact was received, as date and time.',
    resolvedAtFirstContact: 'Write the answer given at first contact.',
    'resolvedAtFirstContact.answer': 'Write the answer given at first contact.',
    idempotencyKey: 'Idempotency-Key must have 1–200 characters.',
  },
};

/** Per-field messages for case creation, in the resident's language. */
export function messagesFor(lang: CaseLanguage): FieldMessages {
  return CREATE_MESSAGES[lang] ?? CREATE_MESSAGES.sv;
}

export const EVENT_MESSAGES: FieldMessages = {
  kind: 'Välj en åtgärd.',
  body: 'Texten får ha högst 10 000 tecken.',
  nextFeedbackDate: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  authority: 'Ange vilken myndighet ärendet hänvisas till.',
  reason: 'Motiveringen får ha högst 2 000 tecken.',
  unitId: 'Välj en enhet.',
  assigneeUserId: 'Välj en handläggare.',
  newDueDate: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  at: 'Ange tidpunkten som ISO 8601, till exempel 2026-03-02T09:30:00+01:00.',
};
