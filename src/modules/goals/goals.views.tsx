// Staff pages of the plan: the plan as a tree and a goal with its texts and period summaries.
// Server-rendered, no JavaScript; user text is always rendered as text.

import { Notice } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { formatDate, PlainText, TableRegion, Verdict, WorkStatus } from './goals.components.tsx';
import type { PlanTree } from './goals.read.ts';
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
              <a href={`/staff/goals/plans/${p.tree.plan.id}/goal-areas/new`}>Nytt målområde</a> ·{' '}
              <a href={`/staff/goals/plans/${p.tree.plan.id}/import`}>Importera från fil</a>
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
