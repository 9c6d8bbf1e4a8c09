// The inbox page: search, filters, order, the counts of what needs attention, and the cases.
import { Notice, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { dateTimeFormat } from '../../web/i18n.ts';
import { StaffPage } from '../../web/layout.tsx';
import type { OrgUnit } from '../org/org.service.ts';
import type { DueState } from './cases.deadline.ts';
import type { InboxCounts } from './cases.inbox.ts';
import type { CaseView } from './cases.present.ts';
import { CASE_CHANNEL_NAMES, CASE_CHANNELS, CASE_STATUS_NAMES, CASE_TYPE_NAMES } from './cases.schemas.ts';
import { DueLabel, type Session, type Values } from './cases.views.tsx';
import type { Category } from './categories.service.ts';

const dateTime = (iso: string) =>
  dateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));

export interface InboxRow {
  c: CaseView;
  state: DueState;
}

interface InboxProps {
  session: Session;
  rows: InboxRow[];
  total: number;
  page: number;
  pageSize: number;
  filters: Values;
  counts: InboxCounts;
  units: OrgUnit[];
  categories: Category[];
  flash?: string;
  /** The filters as a query string (without page and only). */
  query: string;
}

const SORT_LABELS: Record<string, string> = {
  priority: 'det som ska göras först',
  due: 'tidsfrist för återkoppling',
  received: 'senast inkomna',
  activity: 'senaste aktivitet',
};

const cases = (n: number) => `${n} ${n === 1 ? 'ärende' : 'ärenden'}`;

function Counts({ counts, query, only }: { counts: InboxCounts; query: string; only: string }) {
  const link = (value: string) => `/staff/cases?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), only: value })}`;
  const items = [
    { only: 'due_today', text: `${counts.dueToday} förfaller idag` },
    { only: 'overdue', text: `${counts.overdue} försenade` },
    { only: 'resident', text: `${counts.residentWrote} med nytt från invånaren` },
  ];
  return (
    <nav aria-label="Behöver åtgärd" class="inbox-counts">
      <ul>
        {items.map((i) => (
          <li>
            <a href={link(i.only)} aria-current={only === i.only ? 'true' : undefined}>
              {i.text}
            </a>
          </li>
        ))}
        {only && (
          <li>
            <a href={`/staff/cases?${query}`}>Visa alla</a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function InboxPage({ session, rows, total, page, pageSize, filters, counts, units, categories, flash, query }: InboxProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const withOnly = filters.only ? `${query}${query ? '&' : ''}only=${filters.only}` : query;
  const pageLink = (p: number) =>
    `/staff/cases?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(withOnly)), page: String(p) })}`;
  return (
    <StaffPage title="Ärenden" session={session} current="/staff/cases">
      <h1>Ärenden</h1>
      {flash && <Notice>{flash}</Notice>}
      <Counts counts={counts} query={query} only={filters.only} />
      <form method="get" action="/staff/cases" class="filters">
        <TextField
          id="q"
          label="Sök"
          value={filters.q}
          hint="Ärendenummer, namn, e-post, telefon eller ord ur texten."
          inputClass="input-wide"
        />
        <SelectField
          id="scope"
          label="Visa"
          value={filters.scope}
          options={[
            { value: 'units', label: 'Mina enheter' },
            { value: 'mine', label: 'Tilldelade mig' },
          ]}
        />
        <SelectField
          id="unit"
          label="Enhet"
          value={filters.unit}
          empty="Alla enheter"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <SelectField
          id="status"
          label="Status"
          value={filters.status}
          options={[
            { value: 'open', label: 'Öppna' },
            ...Object.entries(CASE_STATUS_NAMES).map(([value, label]) => ({ value, label })),
            { value: 'all', label: 'Alla' },
          ]}
        />
        <SelectField
          id="category"
          label="Kategori"
          value={filters.category}
          empty="Alla kategorier"
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
        />
        <SelectField
          id="channel"
          label="Kanal"
          value={filters.channel}
          empty="Alla kanaler"
          options={CASE_CHANNELS.map((c) => ({ value: c, label: CASE_CHANNEL_NAMES[c] }))}
        />
        <SelectField
          id="sort"
          label="Sortera efter"
          value={filters.sort}
          options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label: label[0].toUpperCase() + label.slice(1) }))}
        />
        {filters.only && <input type="hidden" name="only" value={filters.only} />}
        <button type="submit">Sök och filtrera</button>
      </form>
      <ScrollTable
        caption={`${cases(total)}${filters.q ? ` som matchar ”${filters.q}”` : ''}, sorterade efter ${SORT_LABELS[filters.sort] ?? SORT_LABELS.priority}${pages > 1 ? ` (sida ${page} av ${pages})` : ''}`}
      >
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            <th scope="col">Inkom</th>
            <th scope="col">Typ</th>
            <th scope="col">Kategori</th>
            <th scope="col">Enhet</th>
            <th scope="col">Status</th>
            <th scope="col">Återkoppling senast</th>
            <th scope="col">Läge</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ c, state }) => (
            <tr class={c.residentWroteAt ? 'resident-wrote' : undefined}>
              <th scope="row">
                <a href={`/staff/cases/${c.id}`}>{c.caseNumber}</a>
                {c.residentWroteAt && (
                  <>
                    {' '}
                    <span class="badge">Nytt från invånaren</span>
                  </>
                )}
              </th>
              <td>{dateTime(c.receivedAt)}</td>
              <td>{CASE_TYPE_NAMES[c.type]}</td>
              <td>{c.categoryName}</td>
              <td>{c.unitName}</td>
              <td>{CASE_STATUS_NAMES[c.status]}</td>
              <td>
                {c.firstResponseDate === null || !c.nextFeedbackDue || c.status === 'resolved'
                  ? c.firstResponseDue
                  : `${c.nextFeedbackDue} (utlovad)`}
              </td>
              <td>
                <DueLabel state={state} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {rows.length === 0 && <p>Inga ärenden matchar. Ändra sökningen eller filtren.</p>}
      {pages > 1 && (
        <nav aria-label="Sidor" class="pager">
          {page > 1 && <a href={pageLink(page - 1)}>Föregående sida</a>} {page < pages && <a href={pageLink(page + 1)}>Nästa sida</a>}
        </nav>
      )}
    </StaffPage>
  );
}
