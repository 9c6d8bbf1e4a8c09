// Personal data in the audit log's before/after is masked: enough to recognise a change, not to
// read a resident's address or number back out of the log.

// Masked at display (the page and the CSV), so the log itself stays a faithful record.
const PERSONAL_KEYS = /(email|e_mail|phone|telephone|mobile|address|personnummer|ssn|message|body|answer|contact_?name|resident_?name)$/i;
/** Objects whose `name` is a person's. */
const PERSON_ENTITIES = new Set(['user', 'case', 'contact', 'person']);

/** a***@e***.se — the first letter of each part and the top-level domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return maskText(email);
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}***@${host.slice(0, 1)}***${tld}`;
}

/** The first character and the length: "A… (12 tecken)". */
export function maskText(text: string): string {
  if (text.length === 0) return '';
  const digits = text.replace(/\D/g, '');
  if (digits.length >= 6 && digits.length >= text.replace(/\s/g, '').length - 2) return `***${digits.slice(-2)}`;
  return `${Array.from(text)[0]}… (${Array.from(text).length} tecken)`;
}

function isPersonalKey(key: string, entity: string): boolean {
  return PERSONAL_KEYS.test(key) || (key === 'name' && PERSON_ENTITIES.has(entity));
}

/** A copy of an entry's data with the values of personal fields masked, at any depth. */
export function maskPersonalData(value: unknown, entity: string, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, entity, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskPersonalData(v, entity, k)]));
  }
  if (typeof value === 'string' && key && isPersonalKey(key, entity))
    return /mail/i.test(key) || value.includes('@') ? maskEmail(value) : maskText(value);
  return value;
}
