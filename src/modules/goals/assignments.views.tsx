// Staff page listing the assignments and board initiatives. Server-rendered, no JavaScript;
// user text is always rendered as text.

import { Notice } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { WORK_STATUS_NAMES, WORK_STATUSES } from './assignments.schemas.ts';
import { formatDate, TableRegion, WorkStatus } from './goals.components.tsx';

type Session = NonNullable<StaffPageProps['session']>;
interface Unit {
  id: string;
  name: string;
  kind: string;
}

export function AssignmentsPage(p: {
  session: Session;
  assignments: {
    id: string;
    kind: string;
    title: string;
    originBody: string;
    responsibleUnitId: string;
    endDate: string | null;
    status: string;
    overdue: boolean;
    updates: { period: string; comment: string }[];
  }[];
  units: Unit[];
  filter: { unit?: string; status?: string; overdue?: boolean; sort?: string };
  canDefine?: boolean;
  flash?: string;
}) {
  const unitName = (id: string) => p.units.find((u) => u.id === id)?.name ?? '';
  const q = (sort: string) => {
    const s = new URLSearchParams();
    if (p.filter.unit) s.set('unit', p.filter.unit);
    if (p.filter.status) s.set('status', p.filter.status);
    if (p.filter.overdue) s.set('overdue', 'true');
    s.set('sort', sort);
    return `/staff/goals/assignments?${s}`;
  };
  return (
    <StaffPage title="Uppdrag och initiativ" session={p.session} current="/staff/goals">
      <p>
        <a href="/staff/goals">Mål och uppföljning</a>
      </p>
      <h1>Uppdrag och initiativ</h1>
      {p.flash && <Notice>{p.flash}</Notice>}
      {p.canDefine && (
        <p>
          <a href="/staff/goals/assignments/new">Nytt uppdrag eller nämndinitiativ</a>
        </p>
      )}
      <form method="get" action="/staff/goals/assignments" class="filters">
        <label for="unit">Ansvarig enhet</label>
        <select id="unit" name="unit">
          <option value="">Alla</option>
          {p.units.map((u) => (
            <option value={u.id} selected={u.id === p.filter.unit}>
              {u.name}
            </option>
          ))}
        </select>
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="">Alla</option>
          {WORK_STATUSES.map((s) => (
            <option value={s} selected={s === p.filter.status}>
              {WORK_STATUS_NAMES[s]}
            </option>
          ))}
        </select>
        <div class="checkbox">
          <input type="checkbox" id="overdue" name="overdue" value="true" checked={p.filter.overdue} />
          <label for="overdue">Bara försenade (slutdatum passerat)</label>
        </div>
        <input type="hidden" name="sort" value={p.filter.sort ?? 'end_date'} />
        <button type="submit">Visa</button>
      </form>
      <p>
        Sortera:{' '}
        <a href={q('end_date')} aria-current={p.filter.sort !== 'title' ? 'true' : undefined}>
          efter slutdatum
        </a>{' '}
        ·{' '}
        <a href={q('title')} aria-current={p.filter.sort === 'title' ? 'true' : undefined}>
          efter namn
        </a>
      </p>
      <TableRegion label="Uppdrag">
        <table>
          <caption>{p.assignments.length} uppdrag och initiativ</caption>
          <thead>
            <tr>
              <th scope="col">Uppdrag</th>
              <th scope="col">Från</th>
              <th scope="col">Ansvarig</th>
              <th scope="col">Slutdatum</th>
              <th scope="col">Status</th>
              <th scope="col">Senaste kommentar</th>
            </tr>
          </thead>
          <tbody>
            {p.assignments.map((a) => (
              <tr>
                <th scope="row">
                  {a.kind === 'initiative' && <span class="kind">Nämndinitiativ: </span>}
                  {p.canDefine ? <a href={`/staff/goals/assignments/${a.id}/edit`}>{a.title}</a> : a.title}
                </th>
                <td>{a.originBody || '–'}</td>
                <td>{unitName(a.responsibleUnitId)}</td>
                <td>
                  {formatDate(a.endDate)}
                  {a.overdue && <strong class="status-late"> (passerat)</strong>}
                </td>
                <td>
                  <WorkStatus status={a.status} />
                </td>
                <td>{a.updates.at(-1)?.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </StaffPage>
  );
}
