// Staff pages of the plan: the plan as a tree, an indicator (chart, table, source, history) and
// the assignments list. Server-rendered, no JavaScript; user text is always rendered as text.

import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { KoladaSection } from '../kolada/index.ts';
import { formatValue } from './assessment.ts';
import { WORK_STATUS_NAMES, WORK_STATUSES } from './assignments.schemas.ts';
import { formatDate, KIND_NAMES, PlainText, TableRegion, Verdict, WorkStatus } from './goals.components.tsx';
import type { IndicatorDetail, PlanTree } from './goals.read.ts';
import { periodName } from './periods.ts';

type Session = NonNullable<StaffPageProps['session']>;
interface Unit {
  id: string;
  name: string;
  kind: string;
}

export function PlanTreePage(p: {
  session: Session;
  plans: { id: string; title: string }[];
  tree: PlanTree | null;
  units: Unit[];
  filter: { board?: string; unit?: string };
  verdicts: Map<string, { status: 'met' | 'partly' | 'not_met' | 'no_data'; reason: string; period: string }>;
}) {
  const unitName = (id: string) => p.units.find((u) => u.id === id)?.name ?? '';
  const indicator = (id: string) => p.tree?.indicators.find((i) => i.id === id);
  const assignment = (id: string) => p.tree?.assignments.find((a) => a.id === id);
  const IndicatorList = ({ ids }: { ids: string[] }) =>
    ids.length ? (
      <ul>
        {ids.map((id) => {
          const i = indicator(id);
          const v = p.verdicts.get(id);
          return i ? (
            <li>
              <a href={`/staff/goals/indicators/${id}`}>{i.title}</a>{' '}
              <span class="kind">
                ({i.level === 'KF' ? 'KF' : 'nämnd'}, {unitName(i.ownerUnitId)})
              </span>{' '}
              {v && (
                <>
                  – {periodName(v.period)}: <Verdict status={v.status} reason={v.reason} />
                </>
              )}
            </li>
          ) : null;
        })}
      </ul>
    ) : null;
  const AssignmentList = ({ ids }: { ids: string[] }) =>
    ids.length ? (
      <ul>
        {ids.map((id) => {
          const a = assignment(id);
          return a ? (
            <li>
              {a.kind === 'initiative' ? 'Nämndinitiativ' : 'Uppdrag'}: {a.title} – <WorkStatus status={a.status} />
              {a.endDate && <span class="kind"> (slut {formatDate(a.endDate)})</span>}
            </li>
          ) : null;
        })}
      </ul>
    ) : null;
  return (
    <StaffPage title="Mål och uppföljning" session={p.session} current="/staff/goals">
      <h1>Mål och uppföljning</h1>
      <p>
        <a href="/staff/goals/report">Att rapportera</a> · <a href="/staff/goals/assignments">Uppdrag</a> ·{' '}
        <a href="/staff/goals/action-plans">Handlingsplaner</a> · <a href="/staff/goals/rounds">Uppföljningar</a>
      </p>
      {p.plans.length === 0 && <p>Det finns ingen plan ännu.</p>}
      {p.tree && (
        <>
          <h2>{p.tree.plan.title}</h2>
          {p.tree.plan.decidedBy && (
            <p class="kind">
              Beslutad av {p.tree.plan.decidedBy}
              {p.tree.plan.decisionDate && ` ${formatDate(p.tree.plan.decisionDate)}`}
              {p.tree.plan.registrationNumber && `, dnr ${p.tree.plan.registrationNumber}`}
            </p>
          )}
          <form method="get" action="/staff/goals" class="filters">
            <input type="hidden" name="plan" value={p.tree.plan.id} />
            <label for="board">Nämnd</label>
            <select id="board" name="board">
              <option value="">Alla nämnder</option>
              {p.units
                .filter((u) => u.kind === 'board')
                .map((u) => (
                  <option value={u.id} selected={u.id === p.filter.board}>
                    {u.name}
                  </option>
                ))}
            </select>
            <label for="unit">Enhet</label>
            <select id="unit" name="unit">
              <option value="">Alla enheter</option>
              {p.units.map((u) => (
                <option value={u.id} selected={u.id === p.filter.unit}>
                  {u.name}
                </option>
              ))}
            </select>
            <button type="submit">Visa</button>
          </form>
          {p.tree.goalAreas.map((a) => (
            <section class="goal-area" aria-labelledby={`area-${a.number}`}>
              <h2 id={`area-${a.number}`}>
                Målområde {a.number}. {a.title}
              </h2>
              {a.ambition && (
                <>
                  <h3>Ambition 2035</h3>
                  <PlainText text={a.ambition} />
                </>
              )}
              {a.inPractice && (
                <details>
                  <summary>Vad betyder det i praktiken?</summary>
                  <PlainText text={a.inPractice} />
                </details>
              )}
              {a.boardTexts.map((t) => (
                <details>
                  <summary>
                    {unitName(t.boardUnitId)}s bidrag {t.year}
                  </summary>
                  <PlainText text={t.text} />
                </details>
              ))}
              {a.goals.map((g) => (
                <div class="goal">
                  <h3>
                    Inriktningsmål {g.number} {g.title}
                  </h3>
                  <PlainText text={g.text} />
                  {g.boardTexts.map((t) => (
                    <details>
                      <summary>
                        {unitName(t.boardUnitId)}s arbete {t.year}
                      </summary>
                      <PlainText text={t.text} />
                    </details>
                  ))}
                  {g.indicatorIds.length > 0 && <h4>Indikatorer</h4>}
                  <IndicatorList ids={g.indicatorIds} />
                  {g.assignmentIds.length > 0 && <h4>Uppdrag och initiativ</h4>}
                  <AssignmentList ids={g.assignmentIds} />
                  {g.children.map((c) => (
                    <div class="goal">
                      <h4>
                        Verksamhetsmål {c.number} {c.title} <span class="kind">({unitName(c.boardUnitId ?? '')})</span>
                      </h4>
                      <PlainText text={c.text} />
                      <IndicatorList ids={c.indicatorIds} />
                      <AssignmentList ids={c.assignmentIds} />
                    </div>
                  ))}
                </div>
              ))}
            </section>
          ))}
        </>
      )}
      {p.plans.length > 1 && (
        <>
          <h2>Alla planer</h2>
          <ul>
            {p.plans.map((x) => (
              <li>
                <a href={`/staff/goals?plan=${x.id}`}>{x.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </StaffPage>
  );
}

export function IndicatorPage(p: {
  session: Session;
  indicator: IndicatorDetail;
  ownerName: string;
  chartSvg: string | null;
  canReport: boolean;
  flash?: string;
  errors: FieldError[];
  values: Record<string, string>;
}) {
  const i = p.indicator;
  const periods = [...new Set(i.values.map((v) => v.period).concat(i.assessments.map((a) => a.period)))];
  const cell = (period: string, kind: string) => i.values.find((v) => v.period === period && v.kind === kind);
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatValue(v, i.unit, i.decimals));
  return (
    <StaffPage title={i.title} session={p.session} current="/staff/goals">
      <p>
        <a href="/staff/goals">Mål och uppföljning</a>
      </p>
      <h1>{i.title}</h1>
      {p.flash && <Notice>{p.flash}</Notice>}
      <dl class="facts">
        <dt>Nivå</dt>
        <dd>{i.level === 'KF' ? 'Kommunfullmäktige (KF)' : 'Nämnd'}</dd>
        <dt>Ansvarig</dt>
        <dd>{p.ownerName}</dd>
        <dt>Enhet</dt>
        <dd>{i.unit}</dd>
        <dt>Bättre är</dt>
        <dd>{i.direction === 'higher' ? 'högre' : i.direction === 'lower' ? 'lägre' : `mellan ${i.intervalMin} och ${i.intervalMax}`}</dd>
        <dt>Källa</dt>
        <dd>{i.sourceText}</dd>
        {i.dataSource && (
          <>
            <dt>Datakälla</dt>
            <dd>{i.dataSource}</dd>
          </>
        )}
      </dl>
      {i.definition && <PlainText text={i.definition} />}
      {p.chartSvg && (
        <figure class="promise-chart">
          {/* The SVG is generated by Observable Plot from numbers only; it holds no user text. */}
          <div class="chart-box" dangerouslySetInnerHTML={{ __html: p.chartSvg }} />
          <figcaption>
            Utfall (heldragen linje), mål (prickad trappa, trianglar) och prognos (streckad, kvadrater) per år. Samma uppgifter finns i
            tabellen.
          </figcaption>
        </figure>
      )}
      <TableRegion label="Värden per period">
        <table>
          <caption>Värden och bedömning per period</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" class="num">
                Utfall
              </th>
              <th scope="col" class="num">
                Prognos
              </th>
              <th scope="col" class="num">
                Mål
              </th>
              <th scope="col">Bedömning</th>
              <th scope="col">Kommentar</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((period) => {
              const o = cell(period, 'outcome');
              const a = i.assessments.find((x) => x.period === period);
              const marks = [
                o?.computed && 'beräknat',
                o?.preliminary && 'preliminärt',
                o?.imported && 'importerat',
                o?.changedAfterClose && 'ändrat efter stängning',
              ].filter(Boolean);
              return (
                <tr>
                  <th scope="row">{periodName(period)}</th>
                  <td class="num">
                    {fmt(o?.value)}
                    {marks.length > 0 && <span class="kind"> ({marks.join(', ')})</span>}
                  </td>
                  <td class="num">{fmt(cell(period, 'forecast')?.value)}</td>
                  <td class="num">{fmt(cell(period, 'target')?.value)}</td>
                  <td>{a ? <Verdict status={a.status} /> : '–'}</td>
                  <td>{[o?.comment, a?.reason].filter(Boolean).join(' · ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      {/* Kolada (issue 11): comparisons, fetch date, revisions, link and refresh. */}
      <KoladaSection indicator={i} session={p.session} />
      {p.canReport && (
        <form method="post" action={`/staff/goals/indicators/${i.id}/values`}>
          <h2>Registrera värde</h2>
          <ErrorSummary errors={p.errors} />
          <CsrfField token={p.session.csrfToken} />
          <label for="period">Period</label>
          <input id="period" name="period" value={p.values.period ?? ''} aria-describedby="period-hint" />
          <p class="hint" id="period-hint">
            År (2026), delår (2026-D1, 2026-D2) eller månad (2026-03).
          </p>
          <label for="kind">Slag</label>
          <select id="kind" name="kind">
            {['outcome', 'forecast', 'target'].map((k) => (
              <option value={k} selected={p.values.kind === k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
          <label for="value">Värde ({i.unit})</label>
          <input id="value" name="value" inputMode="decimal" value={p.values.value ?? ''} />
          <label for="comment">Kommentar</label>
          <textarea id="comment" name="comment" rows={3}>
            {p.values.comment ?? ''}
          </textarea>
          <button type="submit">Spara</button>
        </form>
      )}
      {i.history.length > 0 && (
        <TableRegion label="Historik">
          <table>
            <caption>Tidigare värden</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Slag</th>
                <th scope="col" class="num">
                  Värde
                </th>
                <th scope="col">Registrerat av</th>
                <th scope="col">Ersatt</th>
              </tr>
            </thead>
            <tbody>
              {i.history.map((h) => (
                <tr>
                  <td>{periodName(h.period)}</td>
                  <td>{KIND_NAMES[h.kind] ?? h.kind}</td>
                  <td class="num">{fmt(h.value)}</td>
                  <td>{h.enteredBy}</td>
                  <td>
                    {formatDate(h.replacedAt.slice(0, 10))} av {h.replacedBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </StaffPage>
  );
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
                  {a.title}
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
