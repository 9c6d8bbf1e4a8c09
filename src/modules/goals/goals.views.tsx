// Staff pages of the plan: the plan as a tree, an indicator (chart, table, source, history) and
// the assignments list. Server-rendered, no JavaScript; user text is always rendered as text.

import type { FieldError } from '../../http/errors.ts';
import { Notice } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { KoladaSection } from '../kolada/index.ts';
import { formatValue } from './assessment.ts';
import { WORK_STATUS_NAMES, WORK_STATUSES } from './assignments.schemas.ts';
import { DefineFormBlock } from './define.views.tsx';
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
  canDefine?: boolean;
  flash?: string;
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
      {p.flash && <Notice>{p.flash}</Notice>}
      {p.canDefine && (
        <p>
          <a href="/staff/goals/plans/new">Ny plan</a> · <a href="/staff/goals/indicators/new">Ny indikator</a>
          {p.tree && (
            <>
              {' '}
              · <a href={`/staff/goals/plans/${p.tree.plan.id}/edit`}>Ändra planen</a> ·{' '}
              <a href={`/staff/goals/plans/${p.tree.plan.id}/goal-areas/new`}>Nytt målområde</a>
            </>
          )}
        </p>
      )}
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
              {p.canDefine && (
                <p>
                  <a href={`/staff/goals/goal-areas/${a.id}/edit`}>Ändra målområde {a.number}</a> ·{' '}
                  <a href={`/staff/goals/goal-areas/${a.id}/goals/new`}>Nytt inriktningsmål i målområde {a.number}</a>
                </p>
              )}
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
                    <a href={`/staff/goals/goals/${g.id}`}>
                      Inriktningsmål {g.number} {g.title}
                    </a>
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
                        <a href={`/staff/goals/goals/${c.id}`}>
                          Verksamhetsmål {c.number} {c.title}
                        </a>{' '}
                        <span class="kind">({unitName(c.boardUnitId ?? '')})</span>
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
  canDefine?: boolean;
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
      {p.canDefine && (
        <p>
          <a href={`/staff/goals/indicators/${i.id}/edit`}>Ändra indikatorn</a>
        </p>
      )}
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
        <DefineFormBlock
          id="values-form"
          csrf={p.session.csrfToken}
          values={p.values}
          errors={p.errors}
          form={{
            action: `/staff/goals/indicators/${i.id}/values`,
            heading: 'Registrera värde',
            submit: 'Spara värdet',
            fields: [
              { kind: 'text', name: 'period', label: 'Period', hint: 'År (2026), delår (2026-D1, 2026-D2) eller månad (2026-03).' },
              {
                kind: 'select',
                name: 'kind',
                label: 'Slag',
                options: ['outcome', 'forecast', 'target'].map((k) => ({ value: k, label: KIND_NAMES[k] ?? k })),
                hint: i.computed
                  ? 'Utfallen beräknas och kan inte skrivas över. Lämna värdet tomt och skriv en kommentar för att kommentera ett utfall.'
                  : 'Mål sätts av kvalitetsstrateg eller administratör.',
              },
              {
                kind: 'text',
                name: 'value',
                label: `Värde (${i.unit})`,
                hint: 'Till exempel 12,5. Tomt med en kommentar = bara en kommentar.',
              },
              { kind: 'textarea', name: 'comment', label: 'Kommentar' },
            ],
          }}
        />
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

type GoalView = Awaited<ReturnType<typeof import('./goals.read.ts').goalDetail>>;

/** A goal: its text, the boards' texts, and per period the computed summary beside the written assessment. */
export function GoalPage(p: {
  session: Session;
  goal: GoalView;
  planId: string;
  parent: { id: string; number: string; title: string } | null;
  children: { id: string; number: string; title: string }[];
  indicators: { id: string; title: string }[];
  assignments: { id: string; title: string; status: string; endDate: string | null }[];
  unitName: (id: string) => string;
  canDefine: boolean;
  flash?: string;
}) {
  const g = p.goal;
  const word = g.kind === 'operational' ? 'Verksamhetsmål' : 'Inriktningsmål';
  return (
    <StaffPage title={`${word} ${g.number} ${g.title}`} session={p.session} current="/staff/goals">
      <p>
        <a href={`/staff/goals?plan=${p.planId}`}>Tillbaka till planen</a>
      </p>
      <h1>
        {word} {g.number} {g.title}
      </h1>
      {p.flash && <Notice>{p.flash}</Notice>}
      {p.parent && (
        <p>
          Under inriktningsmål{' '}
          <a href={`/staff/goals/goals/${p.parent.id}`}>
            {p.parent.number} {p.parent.title}
          </a>
          {g.boardUnitId && <>, {p.unitName(g.boardUnitId)}</>}
        </p>
      )}
      {p.canDefine && (
        <p>
          <a href={`/staff/goals/goals/${g.id}/edit`}>Ändra målet och nämndernas texter</a> ·{' '}
          <a href={`/staff/goals/indicators/new?goal=${g.id}`}>Ny indikator för målet</a>
          {g.kind === 'direction' && (
            <>
              {' '}
              · <a href={`/staff/goals/goal-areas/${g.goalAreaId}/goals/new?parent=${g.id}`}>Nytt verksamhetsmål under målet</a>
            </>
          )}
        </p>
      )}
      <PlainText text={g.text} />
      {g.boardTexts.map((t) => (
        <details>
          <summary>
            {p.unitName(t.boardUnitId)}s arbete {t.year}
          </summary>
          <PlainText text={t.text} />
        </details>
      ))}
      <h2>Bedömning per period</h2>
      {g.summaries.length === 0 ? (
        <p>Det finns ingen bedömning ännu.</p>
      ) : (
        <TableRegion label="Bedömning per period">
          <table>
            <caption>Beräknad sammanfattning av indikatorer och uppdrag, och den skrivna bedömningen, som gäller</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Beräknad sammanfattning</th>
                <th scope="col">Skriven bedömning</th>
              </tr>
            </thead>
            <tbody>
              {g.summaries.map((s) => (
                <tr>
                  <th scope="row">{periodName(s.period)}</th>
                  <td>
                    <Verdict status={s.status} /> <span class="kind">{s.reason}</span>
                  </td>
                  <td>
                    {s.written ? (
                      <>
                        {s.written.status && (
                          <p>
                            <Verdict status={s.written.status as 'met' | 'partly' | 'not_met'} />
                          </p>
                        )}
                        <PlainText text={s.written.analysis} />
                        <p class="kind">
                          {s.written.by}, {formatDate(s.written.at.slice(0, 10))}
                          {s.written.changedAfterClose && ' (ändrad efter stängning)'}
                        </p>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <h2>Indikatorer</h2>
      {p.indicators.length === 0 ? (
        <p>Inga indikatorer.</p>
      ) : (
        <ul>
          {p.indicators.map((i) => (
            <li>
              <a href={`/staff/goals/indicators/${i.id}`}>{i.title}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>Uppdrag och initiativ</h2>
      {p.assignments.length === 0 ? (
        <p>Inga uppdrag.</p>
      ) : (
        <ul>
          {p.assignments.map((a) => (
            <li>
              {a.title} – <WorkStatus status={a.status} />
              {a.endDate && <span class="kind"> (slut {formatDate(a.endDate)})</span>}
            </li>
          ))}
        </ul>
      )}
      {p.children.length > 0 && (
        <>
          <h2>Verksamhetsmål</h2>
          <ul>
            {p.children.map((c) => (
              <li>
                <a href={`/staff/goals/goals/${c.id}`}>
                  {c.number} {c.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </StaffPage>
  );
}
