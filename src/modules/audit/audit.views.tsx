import type { FieldError } from '../../http/errors.ts';
import { ErrorSummary, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { AuditQueryValues, ShownEntry } from './audit.service.ts';

type Session = NonNullable<StaffPageProps['session']>;

/** The entry's data as readable text: "role: officer; before → after" (already masked). */
export function describeData(data: Record<string, unknown>): string {
  const part = (value: unknown): string => {
    if (value === null || value === undefined) return '–';
    if (typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${part(v)}`)
        .join(', ');
    }
    return String(value);
  };
  const { before, after, ...rest } = data;
  const pieces = Object.entries(rest).map(([k, v]) => `${k}: ${part(v)}`);
  if (before !== undefined || after !== undefined) pieces.push(`före: {${part(before)}} → efter: {${part(after)}}`);
  return pieces.join('; ');
}

const ACTION_NAMES: Record<string, string> = {
  create: 'skapade',
  update: 'ändrade',
  delete: 'tog bort',
  grant: 'gav behörighet',
  revoke: 'tog bort behörighet / återkallade',
  login: 'loggade in',
  login_failed: 'misslyckad inloggning',
  export: 'exporterade',
  activate: 'aktiverade',
  deactivate: 'inaktiverade',
  unlock: 'låste upp',
  run: 'körde',
  legal_hold: 'spärrade mot gallring',
  legal_hold_release: 'hävde spärren mot gallring',
  totp_enrol: 'slog på tvåstegsverifiering',
  totp_disable: 'stängde av tvåstegsverifiering',
  totp_reset: 'återställde tvåstegsverifiering',
  totp_recovery_used: 'loggade in med en reservkod',
  search: 'sökte efter en persons uppgifter',
  rectify: 'rättade uppgifter',
  erase: 'raderade uppgifter',
  erase_refused: 'nekades radering (allmän handling)',
};

interface AuditPageProps {
  session: Session;
  values: AuditQueryValues;
  entries: ShownEntry[];
  kinds: string[];
  nextBefore?: string;
  errors: FieldError[];
}

function query(values: AuditQueryValues, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...extra })) if (v) q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export function AuditPage({ session, values, entries, kinds, nextBefore, errors }: AuditPageProps) {
  return (
    <StaffPage title="Händelselogg" session={session} current="/staff/audit">
      <h1>Händelselogg</h1>
      <p>
        Varje ändring i Insyn, inloggningar och exporter av personuppgifter. Loggen kan inte ändras eller raderas. Personuppgifter i
        ändringarna visas maskerade.
      </p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/staff/audit" class="filters" novalidate>
        <TextField id="who" label="Vem" hint="E-postadress (eller en del av den) eller användar-id" value={values.who} errors={errors} />
        <SelectField
          id="entity"
          label="Sorts objekt"
          value={values.entity}
          empty="Alla"
          options={kinds.map((k) => ({ value: k, label: k }))}
          errors={errors}
        />
        <TextField id="entityId" label="Objektets id" value={values.entityId} errors={errors} />
        <TextField id="from" label="Från och med" hint="ÅÅÅÅ-MM-DD" type="date" value={values.from} errors={errors} />
        <TextField id="to" label="Till och med" hint="ÅÅÅÅ-MM-DD" type="date" value={values.to} errors={errors} />
        <button type="submit">Visa</button>
      </form>
      <p>
        <a href={`/staff/audit.csv${query(values)}`}>Ladda ner urvalet som CSV</a>
      </p>
      {entries.length === 0 ? (
        <p>Inga händelser matchar urvalet.</p>
      ) : (
        <ScrollTable caption="Händelser, nyaste först">
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">Vem</th>
              <th scope="col">Handling</th>
              <th scope="col">Objekt</th>
              <th scope="col">Vad som ändrades</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actorLabel}</td>
                <td>{ACTION_NAMES[e.action] ?? e.action}</td>
                <td>
                  {e.entity}
                  {e.entityId && (
                    <>
                      {' '}
                      <a href={`/staff/audit${query({ ...values, entity: e.entity, entityId: e.entityId })}`}>
                        <code>{e.entityId}</code>
                      </a>
                    </>
                  )}
                </td>
                <td>{describeData(e.shown)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {nextBefore && (
        <p>
          <a href={`/staff/audit${query(values, { before: nextBefore })}`}>Äldre händelser</a>
        </p>
      )}
    </StaffPage>
  );
}
