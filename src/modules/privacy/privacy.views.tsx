// The staff page "Personuppgifter": search a person by e-mail or phone, see what Insyn holds
// about them and, per item, whether the law lets it be erased — and why. Every form is a POST:
// the search term never appears in a URL.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, ScrollTable, TextField } from '../../web/components.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { CASE_STATUS_NAMES, type PersonCase } from '../cases/cases.person-facing.ts';
import { MAIL_STATUS_NAMES } from '../mail/mail.service.ts';
import type { ErasableKind } from './privacy.input.ts';
import { ERASURE_RULES, type PersonData } from './privacy.service.ts';

export const PERSON_PAGE = '/staff/person';

type Session = NonNullable<StaffPageProps['session']>;

export interface SearchValues {
  email: string;
  phone: string;
}

/** The search term carried by every form on the page (hidden fields, never the URL). */
function TermFields({ values }: { values: SearchValues }) {
  return (
    <>
      <input type="hidden" name="email" value={values.email} />
      <input type="hidden" name="phone" value={values.phone} />
    </>
  );
}

function Refused({ kind }: { kind: ErasableKind }) {
  return (
    <p>
      <strong>Kan inte raderas på begäran.</strong> {ERASURE_RULES[kind].reason}
    </p>
  );
}

function EraseButton({
  session,
  values,
  kind,
  id,
  label,
}: {
  session: Session;
  values: SearchValues;
  kind: ErasableKind;
  id: string;
  label: string;
}) {
  return (
    <form method="post" action={`${PERSON_PAGE}/erase`} class="inline">
      <CsrfField token={session.csrfToken} />
      <TermFields values={values} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" class="secondary">
        {label}
      </button>
    </form>
  );
}

function personalData(c: PersonCase): string {
  const held = [
    c.contactName && 'namn',
    c.contactEmail && 'e-postadress',
    c.contactPhone && 'telefonnummer',
    c.subject && 'rubrik',
    'meddelandet (fri text)',
    c.events.some((e) => e.body) && `${c.events.filter((e) => e.body).length} händelser med text`,
  ].filter(Boolean);
  return held.join(', ');
}

function CaseItem({ c, session, values, errors }: { c: PersonCase; session: Session; values: SearchValues; errors: FieldError[] }) {
  const p = `c-${c.id}`;
  return (
    <section class="person-item" aria-labelledby={`${p}-h`}>
      <h3 id={`${p}-h`}>Ärende {c.caseNumber}</h3>
      <dl>
        <dt>Mottaget</dt>
        <dd>{c.receivedDate}</dd>
        <dt>Kategori</dt>
        <dd>{c.categoryName}</dd>
        <dt>Status</dt>
        <dd>{CASE_STATUS_NAMES[c.status]}</dd>
        <dt>Personuppgifter</dt>
        <dd>{personalData(c)}</dd>
      </dl>
      <Refused kind="case" />
      <details open={errors.some((e) => e.field.startsWith(`${p}-`))}>
        <summary>Rätta kontaktuppgifter i ärende {c.caseNumber}</summary>
        <form method="post" action={`${PERSON_PAGE}/rectify`} novalidate>
          <CsrfField token={session.csrfToken} />
          <TermFields values={values} />
          <input type="hidden" name="caseId" value={c.id} />
          <input type="hidden" name="version" value={c.version} />
          <TextField id={`${p}-name`} name="contactName" label="Namn" value={c.contactName ?? ''} errors={errors} />
          <TextField id={`${p}-email`} name="contactEmail" label="E-post" type="email" value={c.contactEmail ?? ''} errors={errors} />
          <TextField id={`${p}-phone`} name="contactPhone" label="Telefon" type="tel" value={c.contactPhone ?? ''} errors={errors} />
          <button type="submit">Spara rättelsen</button>
        </form>
      </details>
    </section>
  );
}

interface PersonPageProps {
  session: Session;
  values: SearchValues;
  data?: PersonData;
  errors: FieldError[];
  notice?: string;
  /** What went wrong with the last action (a refusal, a lost race), shown as an alert. */
  problem?: string;
}

export function PersonPage({ session, values, data, errors, notice, problem }: PersonPageProps) {
  return (
    <StaffPage title="Personuppgifter" session={session} current={PERSON_PAGE}>
      <h1>Personuppgifter</h1>
      <p>
        Sök fram allt Insyn har om en person (ärenden, nöjdhetsfrågor och e-post) för ett registerutdrag, en rättelse eller en begäran om
        radering. Varje sökning och export loggas i händelseloggen, med söktermen maskerad.
      </p>
      {notice && <Notice>{notice}</Notice>}
      {problem && (
        <div class="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={PERSON_PAGE} novalidate>
        <CsrfField token={session.csrfToken} />
        <TextField
          id="email"
          label="E-postadress"
          type="email"
          value={values.email}
          errors={errors}
          hint="Stora och små bokstäver spelar ingen roll."
        />
        <TextField
          id="phone"
          label="Telefonnummer"
          type="tel"
          value={values.phone}
          errors={errors}
          hint="Med eller utan +46, mellanslag och bindestreck, till exempel 070-123 45 67."
        />
        <button type="submit">Sök</button>
      </form>
      {data && <Results session={session} values={values} data={data} errors={errors} />}
    </StaffPage>
  );
}

function Results({ session, values, data, errors }: { session: Session; values: SearchValues; data: PersonData; errors: FieldError[] }) {
  const total = data.cases.length + data.surveyInvitations.length + data.outbox.length;
  return (
    <>
      <h2>Träffar för {data.term.masked}</h2>
      <p>
        {total === 0
          ? 'Insyn har inga uppgifter om personen i din organisation.'
          : `${data.cases.length} ärenden, ${data.surveyInvitations.length} nöjdhetsfrågor och ${data.outbox.length} utskick.`}
        {data.truncated && ' Listan visar de senaste 200 per slag.'}
      </p>
      <form method="post" action={`${PERSON_PAGE}/extract`}>
        <CsrfField token={session.csrfToken} />
        <TermFields values={values} />
        <fieldset>
          <legend>Registerutdrag (artikel 15)</legend>
          <button type="submit" name="format" value="html">
            Visa registerutdrag
          </button>{' '}
          <button type="submit" name="format" value="pdf">
            Ladda ner som PDF
          </button>{' '}
          <button type="submit" name="format" value="json">
            Ladda ner som JSON
          </button>
        </fieldset>
      </form>
      <h2>Ärenden ({data.cases.length})</h2>
      {data.cases.length === 0 && <p>Inga ärenden.</p>}
      {data.cases.map((c) => (
        <CaseItem c={c} session={session} values={values} errors={errors} />
      ))}
      <h2>Nöjdhetsfrågor ({data.surveyInvitations.length})</h2>
      {data.optedOutOfSurveysAt && (
        <p>
          Adressen har tackat nej till nöjdhetsfrågor ({formatDateTime(data.optedOutOfSurveysAt)}). Nejet sparas, som en kontrollsumma av
          adressen, för att det ska respekteras.
        </p>
      )}
      {data.surveyInvitations.length === 0 ? (
        <p>Inga nöjdhetsfrågor.</p>
      ) : (
        <>
          <p>{ERASURE_RULES.survey_invitation.reason}</p>
          <ScrollTable caption="Nöjdhetsfrågor efter avslutat ärende">
            <thead>
              <tr>
                <th scope="col">Skickad</th>
                <th scope="col">Ärende</th>
                <th scope="col">Svar</th>
                <th scope="col">Radering</th>
              </tr>
            </thead>
            <tbody>
              {data.surveyInvitations.map((s) => (
                <tr>
                  <td>{formatDateTime(s.sentAt)}</td>
                  <td>{s.caseNumber ?? '–'}</td>
                  <td>{s.answeredAt ? `Betyg ${s.score ?? '–'}${s.comment ? ', med kommentar' : ''}` : 'Inte besvarad'}</td>
                  <td>
                    <EraseButton
                      session={session}
                      values={values}
                      kind="survey_invitation"
                      id={s.caseId}
                      label="Radera kontaktuppgifterna"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      )}
      <h2>E-post ({data.outbox.length})</h2>
      {data.outbox.length === 0 ? (
        <p>Inga utskick.</p>
      ) : (
        <>
          <p>{ERASURE_RULES.outbox.reason}</p>
          <ScrollTable caption="Utskick i e-postkön">
            <thead>
              <tr>
                <th scope="col">Skapat</th>
                <th scope="col">Ämne</th>
                <th scope="col">Status</th>
                <th scope="col">Radering</th>
              </tr>
            </thead>
            <tbody>
              {data.outbox.map((m) => (
                <tr>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>{m.subject}</td>
                  <td>{MAIL_STATUS_NAMES[m.status]}</td>
                  <td>
                    <EraseButton session={session} values={values} kind="outbox" id={m.id} label="Radera utskicket" />
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      )}
    </>
  );
}

const KIND_NAMES: Record<ErasableKind, string> = {
  case: 'ärendet',
  outbox: 'utskicket',
  survey_invitation: 'nöjdhetsfrågans kontaktuppgifter',
};

/** The confirm step before an erasure: what goes, what stays, and a button that does it. */
export function ConfirmErasePage({
  session,
  values,
  kind,
  id,
}: {
  session: Session;
  values: SearchValues;
  kind: ErasableKind;
  id: string;
}) {
  return (
    <StaffPage title="Bekräfta radering" session={session} current={PERSON_PAGE}>
      <h1>Radera {KIND_NAMES[kind]}?</h1>
      {ERASURE_RULES[kind].allowed ? <p>{ERASURE_RULES[kind].reason}</p> : <Refused kind={kind} />}
      <p>Raderingen kan inte ångras. Den loggas i händelseloggen.</p>
      {ERASURE_RULES[kind].allowed && (
        <form method="post" action={`${PERSON_PAGE}/erase`} class="inline">
          <CsrfField token={session.csrfToken} />
          <TermFields values={values} />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="confirmed" value="yes" />
          <button type="submit">Ja, radera</button>
        </form>
      )}{' '}
      <form method="post" action={PERSON_PAGE} class="inline">
        <CsrfField token={session.csrfToken} />
        <TermFields values={values} />
        <button type="submit" class="secondary">
          Avbryt och visa träffarna
        </button>
      </form>
    </StaffPage>
  );
}
