// The staff page of one case: message, contact details, timeline and a form for every action.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, SelectField, TextField } from '../../web/components.tsx';
import { dateTimeFormat } from '../../web/i18n.ts';
import { StaffPage } from '../../web/layout.tsx';
import type { OrgUnit } from '../org/org.service.ts';
import type { DueState } from './cases.deadline.ts';
import { type CaseRetentionProps, CaseRetentionSection } from './cases.legal-hold.views.tsx';
import type { CaseEventView, CaseView } from './cases.present.ts';
import { CASE_CHANNEL_NAMES, CASE_STATUS_NAMES, CASE_TYPE_NAMES, COMMON_AUTHORITIES, EVENT_KIND_NAMES } from './cases.schemas.ts';
import { DueLabel, type Session, type Values } from './cases.views.tsx';

const dateTime = (iso: string) =>
  dateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));

interface CasePageProps {
  session: Session;
  c: CaseView & { events: CaseEventView[] };
  state: DueState;
  units: OrgUnit[];
  users: { id: string; name: string }[];
  canAct: boolean;
  canChangeDeadline: boolean;
  /** Working days offered for the next feedback date. */
  workingDays: string[];
  flash?: string;
  /** The action whose form is shown again: its errors and what was typed (with a template added). */
  failed?: CasePageFailure;
  /** Active response templates offered for this case (its category's and for every category, in its language). */
  templates?: { id: string; title: string }[];
  /** Retention (gallring): cleared or not, and the legal hold. */
  retention?: Omit<CaseRetentionProps, 'caseId' | 'csrfToken'>;
}

export interface CasePageFailure {
  kind: string;
  errors: FieldError[];
  values: Values;
  /** Set when the form is shown again because a template was added to the text. */
  templateTitle?: string;
}

function eventDetails(e: CaseEventView, units: OrgUnit[], users: { id: string; name: string }[]): string | null {
  const d = e.data;
  const unitName = (id: unknown) => units.find((u) => u.id === id)?.name ?? '–';
  switch (e.kind) {
    case 'next_feedback_promised':
      return `Ny återkoppling senast ${String(d.nextFeedbackDate)}`;
    case 'referred':
      return `Till ${String(d.authority)}: ${String(d.reason)}`;
    case 'reassigned':
      return `Från ${unitName(d.fromUnitId)} till ${unitName(d.toUnitId)}${d.assigneeUserId ? `, handläggare ${users.find((u) => u.id === d.assigneeUserId)?.name ?? '–'}` : ''}. Skäl: ${String(d.reason)}`;
    case 'deadline_changed':
      return `Från ${String(d.from)} till ${String(d.to)}. Skäl: ${String(d.reason)}`;
    case 'received':
      return `Kanal: ${CASE_CHANNEL_NAMES[d.channel as keyof typeof CASE_CHANNEL_NAMES] ?? '–'}. Återkoppling senast ${String(d.firstResponseDue)}`;
    case 'reopened':
      return d.reason ? `Skäl: ${String(d.reason)}` : null;
    default:
      return null;
  }
}

function ActionForm({
  id,
  kind,
  title,
  c,
  session,
  failed,
  children,
  submit,
  before,
}: {
  id: string;
  kind: string;
  title: string;
  c: CaseView;
  session: Session;
  failed?: CasePageProps['failed'];
  children: preact.ComponentChildren;
  submit: string;
  /** Rendered between the heading and the form (its own form, never nested). */
  before?: preact.ComponentChildren;
}) {
  const errors = failed?.kind === kind ? prefixed(id, failed.errors) : [];
  return (
    <section class="case-action" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {before}
      <form method="post" action={`/staff/cases/${c.id}/events#${id}-title`} novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="kind" value={kind} />
        {children}
        <button type="submit">{submit}</button>
      </form>
    </section>
  );
}

const FORM_OF_KIND: Record<string, string> = {
  first_response: 'answer',
  next_feedback_promised: 'promise',
  referred: 'refer',
  resolved: 'resolve',
  reopened: 'reopen',
  reassigned: 'reassign',
  deadline_changed: 'deadline',
  note: 'note',
};

/**
 * Picks a response template without JavaScript and without losing what was typed: a select and a
 * second submit button inside the action's own form; the server adds the filled template to the
 * text and shows the form again (nothing is sent).
 */
function TemplateChooser({
  formId,
  templates,
  failed,
  kind,
}: {
  formId: 'answer' | 'resolve';
  templates: { id: string; title: string }[];
  failed?: CasePageProps['failed'];
  kind: string;
}) {
  if (templates.length === 0) return null;
  const mine = failed?.kind === kind ? failed : undefined;
  return (
    <div class="template-chooser">
      <SelectField
        id={`${formId}-template`}
        name="template"
        label="Använd mall"
        value={mine?.values.template}
        errors={mine ? prefixed(formId, mine.errors) : []}
        empty="Välj en svarsmall"
        options={templates.map((t) => ({ value: t.id, label: t.title }))}
        hint="Mallens text läggs till efter det du redan har skrivit. Inget skickas förrän du trycker på knappen längst ned."
      />
      <button type="submit" name="action" value="template" class="secondary">
        Lägg till mallens text
      </button>
      {mine?.templateTitle && (
        <p role="status">Texten från mallen ”{mine.templateTitle}” har lagts till. Läs igenom och anpassa den innan du skickar.</p>
      )}
    </div>
  );
}

/** Several forms share field names on this page; ids (and error links) carry the form's prefix. */
function prefixed(formId: string, errors: FieldError[]): FieldError[] {
  return errors.map((x) => ({ ...x, field: `${formId}-${x.field}` }));
}

export function CasePage({
  session,
  c,
  state,
  units,
  users,
  canAct,
  canChangeDeadline,
  workingDays,
  flash,
  failed,
  templates = [],
  retention,
}: CasePageProps) {
  const v = (kind: string, field: string) => (failed?.kind === kind ? failed.values[field] : undefined);
  const e = (kind: string) => (failed?.kind === kind ? prefixed(FORM_OF_KIND[kind] ?? kind, failed.errors) : []);
  const open = c.status !== 'resolved';
  return (
    <StaffPage title={`Ärende ${c.caseNumber}`} session={session} current="/staff/cases">
      <p>
        <a href="/staff/cases">Tillbaka till ärenden</a>
      </p>
      <h1>Ärende {c.caseNumber}</h1>
      {flash && <Notice>{flash}</Notice>}
      <dl class="case-facts">
        <dt>Status</dt>
        <dd>
          {CASE_STATUS_NAMES[c.status]}
          {c.referredTo ? ` (hänvisad till ${c.referredTo})` : ''}
        </dd>
        <dt>Återkoppling senast</dt>
        <dd>
          {c.firstResponseDue} – <DueLabel state={state} />
        </dd>
        {c.nextFeedbackDue && (
          <>
            <dt>Ny återkoppling utlovad senast</dt>
            <dd>{c.nextFeedbackDue}</dd>
          </>
        )}
        <dt>Typ</dt>
        <dd>{CASE_TYPE_NAMES[c.type]}</dd>
        <dt>Kategori</dt>
        <dd>{c.categoryName}</dd>
        <dt>Enhet</dt>
        <dd>{c.unitName}</dd>
        <dt>Handläggare</dt>
        <dd>{c.assigneeName ?? 'Ingen tilldelad'}</dd>
        <dt>Kanal</dt>
        <dd>{CASE_CHANNEL_NAMES[c.channel]}</dd>
        {c.resolvedAtFirstContact && (
          <>
            <dt>Uppklarning</dt>
            <dd>Löst vid första kontakten</dd>
          </>
        )}
        <dt>Inkom</dt>
        <dd>{dateTime(c.receivedAt)}</dd>
        <dt>Kontaktuppgifter</dt>
        <dd>{[c.contact.name, c.contact.email, c.contact.phone].filter(Boolean).join(', ') || 'Anonym (inga kontaktuppgifter)'}</dd>
      </dl>
      <h2>Meddelande</h2>
      {c.subject && <p class="lead">{c.subject}</p>}
      <p class="case-message">{c.message}</p>

      <h2>Händelser</h2>
      <ol class="case-timeline">
        {c.events.map((ev) => {
          const details = eventDetails(ev, units, users);
          return (
            <li class={ev.visibleToResident ? 'event' : 'event event-internal'}>
              <p>
                <strong>{EVENT_KIND_NAMES[ev.kind as keyof typeof EVENT_KIND_NAMES] ?? ev.kind}</strong> – {dateTime(ev.at)} av{' '}
                {ev.actorLabel}
                {!ev.visibleToResident && ' (internt, visas inte för invånaren)'}
              </p>
              {details && <p>{details}</p>}
              {ev.body && <p class="case-message">{ev.body}</p>}
            </li>
          );
        })}
      </ol>

      <h2>Åtgärder</h2>
      {canAct && open && (
        <>
          <ActionForm
            id="answer"
            kind="first_response"
            title="Ge återkoppling"
            submit="Skicka återkoppling"
            c={c}
            session={session}
            failed={failed}
          >
            <TemplateChooser formId="answer" kind="first_response" templates={templates} failed={failed} />
            <TextField
              id="answer-body"
              name="body"
              label="Meddelande till invånaren"
              textarea
              value={v('first_response', 'body')}
              errors={e('first_response')}
              hint={
                c.contact.email
                  ? `Skickas med e-post till ${c.contact.email}.`
                  : 'Ingen e-postadress: meddelandet visas på invånarens uppföljningssida.'
              }
            />
          </ActionForm>
          <ActionForm
            id="promise"
            kind="next_feedback_promised"
            title="Lova ny återkoppling"
            submit="Spara datum"
            c={c}
            session={session}
            failed={failed}
          >
            <SelectField
              id="promise-nextFeedbackDate"
              name="nextFeedbackDate"
              label="Vi återkommer senast"
              value={v('next_feedback_promised', 'nextFeedbackDate')}
              errors={e('next_feedback_promised')}
              empty="Välj en arbetsdag"
              options={workingDays.map((d) => ({ value: d, label: d }))}
            />
            <TextField
              id="promise-body"
              name="body"
              label="Meddelande till invånaren (frivilligt)"
              textarea
              value={v('next_feedback_promised', 'body')}
              errors={e('next_feedback_promised')}
            />
          </ActionForm>
          <ActionForm
            id="refer"
            kind="referred"
            title="Hänvisa till annan myndighet"
            submit="Hänvisa"
            c={c}
            session={session}
            failed={failed}
          >
            <SelectField
              id="refer-authority"
              name="authority"
              label="Myndighet"
              value={v('referred', 'authority')}
              errors={e('referred')}
              empty="Välj myndighet"
              options={COMMON_AUTHORITIES.map((a) => ({ value: a, label: a }))}
            />
            <TextField
              id="refer-otherAuthority"
              name="otherAuthority"
              label="Annan myndighet (om den inte finns i listan)"
              value={v('referred', 'otherAuthority')}
              errors={e('referred')}
            />
            <TextField id="refer-reason" name="reason" label="Varför" value={v('referred', 'reason')} errors={e('referred')} />
            <TextField
              id="refer-body"
              name="body"
              label="Meddelande till invånaren (frivilligt)"
              textarea
              value={v('referred', 'body')}
              errors={e('referred')}
            />
          </ActionForm>
          <ActionForm
            id="resolve"
            kind="resolved"
            title="Avsluta med svar"
            submit="Avsluta ärendet"
            c={c}
            session={session}
            failed={failed}
          >
            <TemplateChooser formId="resolve" kind="resolved" templates={templates} failed={failed} />
            <TextField
              id="resolve-body"
              name="body"
              label="Svar till invånaren"
              textarea
              value={v('resolved', 'body')}
              errors={e('resolved')}
            />
          </ActionForm>
        </>
      )}
      {canAct && !open && (
        <ActionForm id="reopen" kind="reopened" title="Öppna igen" submit="Öppna ärendet igen" c={c} session={session} failed={failed}>
          <TextField id="reopen-reason" name="reason" label="Varför (frivilligt)" value={v('reopened', 'reason')} errors={e('reopened')} />
        </ActionForm>
      )}
      {canAct && (
        <ActionForm id="reassign" kind="reassigned" title="Omfördela" submit="Omfördela" c={c} session={session} failed={failed}>
          <SelectField
            id="reassign-unitId"
            name="unitId"
            label="Enhet"
            value={v('reassigned', 'unitId') ?? c.unitId}
            errors={e('reassigned')}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <SelectField
            id="reassign-assigneeUserId"
            name="assigneeUserId"
            label="Handläggare"
            value={v('reassigned', 'assigneeUserId') ?? c.assigneeUserId ?? ''}
            errors={e('reassigned')}
            empty="Ingen"
            options={users.map((u) => ({ value: u.id, label: u.name }))}
          />
          <TextField id="reassign-reason" name="reason" label="Skäl" value={v('reassigned', 'reason')} errors={e('reassigned')} />
        </ActionForm>
      )}
      {canChangeDeadline && (
        <ActionForm
          id="deadline"
          kind="deadline_changed"
          title="Ändra tidsfrist"
          submit="Ändra tidsfrist"
          c={c}
          session={session}
          failed={failed}
        >
          <TextField
            id="deadline-newDueDate"
            name="newDueDate"
            label="Ny tidsfrist för återkoppling"
            type="date"
            value={v('deadline_changed', 'newDueDate') ?? c.firstResponseDue}
            errors={e('deadline_changed')}
          />
          <TextField
            id="deadline-reason"
            name="reason"
            label="Skäl (sparas i loggen)"
            value={v('deadline_changed', 'reason')}
            errors={e('deadline_changed')}
          />
        </ActionForm>
      )}
      <ActionForm id="note" kind="note" title="Intern anteckning" submit="Spara anteckning" c={c} session={session} failed={failed}>
        <TextField
          id="note-body"
          name="body"
          label="Anteckning (visas aldrig för invånaren)"
          textarea
          value={v('note', 'body')}
          errors={e('note')}
        />
      </ActionForm>
      {retention && <CaseRetentionSection caseId={c.id} csrfToken={session.csrfToken} {...retention} />}
    </StaffPage>
  );
}
