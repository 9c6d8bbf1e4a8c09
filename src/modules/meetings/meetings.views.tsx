// Staff pages of the board secretary: meetings per board and year, one meeting's form, CSV import.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, describedBy, ErrorSummary, Field, fieldError, Notice, ScrollTable } from '../../web/components.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { OrgUnit } from '../org/org.service.ts';
import type { MeetingView } from './meetings.service.ts';
import { documentsText, minutesText, OUTCOME_CLASS } from './meetings.texts.ts';

type Session = NonNullable<StaffPageProps['session']>;

interface ListProps {
  session: Session;
  boards: OrgUnit[];
  writableBoardIds: string[];
  boardId: string;
  year: number;
  years: number[];
  meetings: MeetingView[];
  flash?: string;
}

export function MeetingsListPage({ session, boards, writableBoardIds, boardId, year, years, meetings, flash }: ListProps) {
  const canWrite = writableBoardIds.length > 0;
  const board = boards.find((b) => b.id === boardId);
  const title = `Sammanträden ${year}${board ? ` – ${board.name}` : ''}`;
  return (
    <StaffPage title={title} session={session} current="/staff/meetings">
      <h1>{title}</h1>
      {flash && <Notice>{flash}</Notice>}
      <p>Handlingar ska publiceras senast 6 dagar före sammanträdet och protokollet senast 1 arbetsdag efter justeringen.</p>
      {canWrite && (
        <ul class="actions">
          <li>
            <a href={`/staff/meetings/new${boardId ? `?board=${boardId}` : ''}`}>Registrera ett sammanträde</a>
          </li>
          <li>
            <a href="/staff/meetings/import">Importera sammanträden från CSV</a>
          </li>
        </ul>
      )}
      <form method="get" action="/staff/meetings" class="filters">
        <Field id="board" label="Nämnd">
          <select id="board" name="board">
            <option value="">Alla nämnder</option>
            {boards.map((b) => (
              <option value={b.id} selected={b.id === boardId}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="year" label="År">
          <select id="year" name="year">
            {[...new Set([year, ...years])]
              .sort((a, b) => b - a)
              .map((y) => (
                <option value={String(y)} selected={y === year}>
                  {y}
                </option>
              ))}
          </select>
        </Field>
        <button type="submit" class="secondary">
          Visa
        </button>
      </form>
      {meetings.length === 0 ? (
        <p>Inga sammanträden är registrerade för {year}.</p>
      ) : (
        <ScrollTable class="meetings" caption={title}>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Nämnd</th>
              <th scope="col">Handlingar publicerade</th>
              <th scope="col">Handlingar</th>
              <th scope="col">Justerat</th>
              <th scope="col">Protokoll publicerat</th>
              <th scope="col">Protokoll</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr>
                <th scope="row">
                  {writableBoardIds.includes(m.boardUnitId) ? (
                    <a href={`/staff/meetings/${m.id}`} aria-label={`Ändra ${m.boardName} ${m.meetingDate}`}>
                      {m.meetingDate}
                    </a>
                  ) : (
                    m.meetingDate
                  )}
                  {m.startsAt ? ` ${m.startsAt}` : ''}
                </th>
                <td>{m.boardName}</td>
                <td>{m.documentsPublishedAt ? formatDateTime(m.documentsPublishedAt) : '–'}</td>
                <td class={OUTCOME_CLASS[m.documents.outcome]}>{documentsText(m, 'sv')}</td>
                <td class="date">{m.minutesApprovedDate ?? '–'}</td>
                <td>{m.minutesPublishedAt ? formatDateTime(m.minutesPublishedAt) : '–'}</td>
                <td class={OUTCOME_CLASS[m.minutes.outcome]}>{minutesText(m, 'sv')}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </StaffPage>
  );
}

export interface MeetingFormValues {
  boardUnitId?: string;
  meetingDate?: string;
  startsAt?: string;
  title?: string;
  registrationNumber?: string;
  documentsPublishedAt?: string;
  minutesApprovedDate?: string;
  minutesPublishedAt?: string;
}

interface FormProps {
  session: Session;
  /** Absent: a new meeting. */
  meeting?: MeetingView;
  boards: OrgUnit[];
  errors: FieldError[];
  values: MeetingFormValues;
}

function Input(props: {
  id: keyof MeetingFormValues;
  label: string;
  type: 'text' | 'date' | 'time' | 'datetime-local';
  hint?: string;
  values: MeetingFormValues;
  errors: FieldError[];
}) {
  const error = fieldError(props.errors, props.id);
  const attributes = {
    id: props.id,
    name: props.id,
    value: props.values[props.id] ?? '',
    'aria-describedby': describedBy(props.id, Boolean(props.hint), error),
    'aria-invalid': error ? ('true' as const) : undefined,
  };
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={error}>
      {props.type === 'text' ? <input type="text" {...attributes} /> : <input type={props.type} {...attributes} />}
    </Field>
  );
}

export function MeetingFormPage({ session, meeting, boards, errors, values }: FormProps) {
  const title = meeting ? `Ändra sammanträde ${meeting.boardName} ${meeting.meetingDate}` : 'Registrera ett sammanträde';
  const boardError = fieldError(errors, 'boardUnitId');
  return (
    <StaffPage title={title} session={session} current="/staff/meetings">
      <p>
        <a href="/staff/meetings">Tillbaka till sammanträdena</a>
      </p>
      <h1>{title}</h1>
      {meeting && (
        <dl class="facts">
          <dt>Handlingar</dt>
          <dd class={OUTCOME_CLASS[meeting.documents.outcome]}>{documentsText(meeting, 'sv')}</dd>
          <dt>Protokoll</dt>
          <dd class={OUTCOME_CLASS[meeting.minutes.outcome]}>{minutesText(meeting, 'sv')}</dd>
        </dl>
      )}
      <form method="post" action={meeting ? `/staff/meetings/${meeting.id}` : '/staff/meetings/new'} novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField token={session.csrfToken} />
        <Field id="boardUnitId" label="Nämnd" error={boardError}>
          <select
            id="boardUnitId"
            name="boardUnitId"
            aria-describedby={describedBy('boardUnitId', false, boardError)}
            aria-invalid={boardError ? 'true' : undefined}
          >
            <option value="">Välj nämnd</option>
            {boards.map((b) => (
              <option value={b.id} selected={values.boardUnitId === b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
        <Input id="meetingDate" label="Sammanträdesdatum" type="date" values={values} errors={errors} />
        <Input id="startsAt" label="Starttid (frivillig)" type="time" values={values} errors={errors} />
        <Input id="title" label="Rubrik (frivillig)" type="text" values={values} errors={errors} />
        <Input id="registrationNumber" label="Diarienummer (frivilligt)" type="text" values={values} errors={errors} />
        <Input
          id="documentsPublishedAt"
          label="Handlingarna publicerades"
          hint="Datum och klockslag (svensk tid). Lämna tomt om de inte är publicerade."
          type="datetime-local"
          values={values}
          errors={errors}
        />
        <Input
          id="minutesApprovedDate"
          label="Protokollet justerades"
          hint="Justeringsdatum."
          type="date"
          values={values}
          errors={errors}
        />
        <Input
          id="minutesPublishedAt"
          label="Protokollet publicerades"
          hint="Datum och klockslag (svensk tid). Lämna tomt om det inte är publicerat."
          type="datetime-local"
          values={values}
          errors={errors}
        />
        <button type="submit">Spara</button>
      </form>
    </StaffPage>
  );
}

interface ImportProps {
  session: Session;
  errors: FieldError[];
  text: string;
}

export function MeetingImportPage({ session, errors, text }: ImportProps) {
  const error = errors.length > 0 ? 'Rätta raderna ovan och importera igen. Inget har sparats.' : undefined;
  return (
    <StaffPage title="Importera sammanträden" session={session} current="/staff/meetings">
      <p>
        <a href="/staff/meetings">Tillbaka till sammanträdena</a>
      </p>
      <h1>Importera sammanträden</h1>
      <form method="post" action="/staff/meetings/import" novalidate>
        <ErrorSummary errors={errors} title="Filen har fel – inget har sparats" />
        <CsrfField token={session.csrfToken} />
        <Field
          id="csv"
          label="Innehållet i CSV-filen"
          hint="Första raden är rubriker: nämnd;datum;handlingar_publicerade;justerad;protokoll_publicerat (semikolon eller komma). Datum skrivs ÅÅÅÅ-MM-DD, tidpunkter ÅÅÅÅ-MM-DD TT:MM i svensk tid. Nämnden anges med namn. Frivilliga kolumner: tid, rubrik, dnr. Ett sammanträde som redan finns uppdateras."
          error={error}
        >
          <textarea
            id="csv"
            name="csv"
            rows={15}
            aria-describedby={describedBy('csv', true, error)}
            aria-invalid={error ? 'true' : undefined}
          >
            {text}
          </textarea>
        </Field>
        <button type="submit">Importera</button>
      </form>
    </StaffPage>
  );
}
