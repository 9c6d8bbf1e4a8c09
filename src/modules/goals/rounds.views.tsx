// Staff pages of follow-up rounds: "Att rapportera" (an owner's list with a form per item), the
// rounds with the form to open one, and a round's progress board.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { WORK_STATUS_NAMES, WORK_STATUSES } from './assignments.schemas.ts';
import { formatDate, TableRegion } from './goals.components.tsx';
import { periodName } from './periods.ts';
import { ITEM_KIND_NAMES, ITEM_STATE_NAMES, ITEM_STATE_SYMBOLS } from './rounds.schemas.ts';
import type { ItemView, presentRound } from './rounds.service.ts';

type Session = NonNullable<StaffPageProps['session']>;
type Round = ReturnType<typeof presentRound>;

function ItemState({ state }: { state: string }) {
  const s = state as keyof typeof ITEM_STATE_NAMES;
  return (
    <span class={s === 'ready' ? 'status-ok' : s === 'sent_back' ? 'status-late' : s === 'started' ? 'status-warn' : 'kind'}>
      <span aria-hidden="true">{ITEM_STATE_SYMBOLS[s]} </span>
      {ITEM_STATE_NAMES[s]}
    </span>
  );
}

const ASSESS_NAMES: Record<string, string> = { met: 'Uppfyllt', partly: 'Delvis uppfyllt', not_met: 'Ej uppfyllt' };

export interface ReportFormState {
  itemId: string;
  errors: FieldError[];
  values: Record<string, string>;
}

function ItemForm({ item, round, csrf, state }: { item: ItemView; round: Round; csrf: string; state?: ReportFormState }) {
  const v = state?.itemId === item.id ? state.values : {};
  const id = (f: string) => `${f}-${item.id}`;
  return (
    <form method="post" action={`/staff/goals/report/${item.id}`}>
      <CsrfField token={csrf} />
      {item.kind === 'indicator_value' && (
        <>
          <label for={id('value')}>Utfall {periodName(round.period)}</label>
          <input id={id('value')} name="value" inputMode="decimal" value={v.value ?? ''} />
        </>
      )}
      {item.kind === 'goal_assessment' && (
        <>
          <label for={id('status')}>Bedömning</label>
          <select id={id('status')} name="status">
            <option value="">Ingen bedömning ännu</option>
            {Object.entries(ASSESS_NAMES).map(([k, name]) => (
              <option value={k} selected={v.status === k}>
                {name}
              </option>
            ))}
          </select>
        </>
      )}
      {(item.kind === 'assignment_status' || item.kind === 'activity_progress') && (
        <>
          <label for={id('status')}>Status</label>
          <select id={id('status')} name="status">
            {WORK_STATUSES.map((s) => (
              <option value={s} selected={v.status === s}>
                {WORK_STATUS_NAMES[s]}
              </option>
            ))}
          </select>
        </>
      )}
      <label for={id('comment')}>{item.kind === 'goal_assessment' ? 'Analys' : 'Kommentar'}</label>
      <textarea id={id('comment')} name="comment" rows={3}>
        {v.comment ?? ''}
      </textarea>
      <button type="submit">Spara</button>
    </form>
  );
}

export function ReportPage(p: {
  session: Session;
  rounds: { round: Round; items: ItemView[] }[];
  flash?: string;
  state?: ReportFormState;
}) {
  return (
    <StaffPage title="Att rapportera" session={p.session} current="/staff/goals/report">
      <h1>Att rapportera</h1>
      {p.flash && <Notice>{p.flash}</Notice>}
      {p.rounds.length === 0 && <p>Du har inget att rapportera just nu.</p>}
      {p.rounds.map(({ round, items }) => (
        <section aria-labelledby={`round-${round.id}`}>
          <h2 id={`round-${round.id}`}>
            {round.title} – senast {formatDate(round.deadline)}
          </h2>
          <p>
            {items.filter((i) => i.state === 'ready').length} av {items.length} klara.
          </p>
          {items.map((item) => (
            <article class="report-item" aria-labelledby={`item-${item.id}`}>
              <h3 id={`item-${item.id}`}>
                <span class="kind">{ITEM_KIND_NAMES[item.kind as keyof typeof ITEM_KIND_NAMES]}: </span>
                {item.title}
              </h3>
              <p>
                <ItemState state={item.state} /> <span class="kind">({item.ownerUnitName})</span>
              </p>
              {item.sentBackComment && item.state === 'sent_back' && (
                <p class="status-late">
                  Återskickad av kvalitetsstrategen: <q>{item.sentBackComment}</q>
                </p>
              )}
              {p.state?.itemId === item.id && <ErrorSummary errors={p.state.errors} />}
              {item.kind === 'indicator_value' && (
                <p>
                  <a href={`/staff/goals/indicators/${item.refId}`}>Se indikatorn med historik</a>
                </p>
              )}
              <ItemForm item={item} round={round} csrf={p.session.csrfToken} state={p.state} />
              {item.state !== 'ready' && (
                <form method="post" action={`/staff/goals/report/${item.id}/ready`}>
                  <CsrfField token={p.session.csrfToken} />
                  <button type="submit" class="secondary">
                    Markera som klar
                  </button>
                </form>
              )}
            </article>
          ))}
        </section>
      ))}
    </StaffPage>
  );
}

export function RoundsPage(p: {
  session: Session;
  rounds: Round[];
  plans: { id: string; title: string }[];
  canOpen: boolean;
  flash?: string;
  errors: FieldError[];
  values: Record<string, string>;
}) {
  return (
    <StaffPage title="Uppföljningar" session={p.session} current="/staff/goals">
      <p>
        <a href="/staff/goals">Mål och uppföljning</a>
      </p>
      <h1>Uppföljningar</h1>
      {p.flash && <Notice>{p.flash}</Notice>}
      <ul>
        {p.rounds.map((r) => (
          <li>
            <a href={`/staff/goals/rounds/${r.id}`}>{r.title}</a> –{' '}
            {r.status === 'open' ? `öppen, senast ${formatDate(r.deadline)}` : 'stängd'}
          </li>
        ))}
      </ul>
      {p.canOpen && (
        <form method="post" action="/staff/goals/rounds">
          <h2>Öppna en uppföljning</h2>
          <ErrorSummary errors={p.errors} />
          <CsrfField token={p.session.csrfToken} />
          <label for="planId">Plan</label>
          <select id="planId" name="planId">
            {p.plans.map((x) => (
              <option value={x.id} selected={x.id === p.values.planId}>
                {x.title}
              </option>
            ))}
          </select>
          <label for="title">Namn</label>
          <input id="title" name="title" value={p.values.title ?? ''} aria-describedby="title-hint" />
          <p class="hint" id="title-hint">
            Till exempel Delår 1 2026.
          </p>
          <label for="period">Period</label>
          <input id="period" name="period" value={p.values.period ?? ''} aria-describedby="period-hint" />
          <p class="hint" id="period-hint">
            2026-D1 (januari–april), 2026-D2 (januari–augusti) eller 2026 (helår).
          </p>
          <label for="deadline">Sista dag</label>
          <input id="deadline" name="deadline" type="date" value={p.values.deadline ?? ''} />
          <label for="reminderWorkingDays">Påminnelse, arbetsdagar före sista dag</label>
          <input id="reminderWorkingDays" name="reminderWorkingDays" inputMode="numeric" value={p.values.reminderWorkingDays ?? '5'} />
          <button type="submit">Öppna uppföljningen</button>
        </form>
      )}
    </StaffPage>
  );
}

export function BoardPage(p: {
  session: Session;
  board: {
    round: Round;
    units: { unitId: string; unitName: string; ready: number; started: number; notStarted: number; sentBack: number; items: ItemView[] }[];
  };
  flash?: string;
}) {
  const { round } = p.board;
  return (
    <StaffPage title={`${round.title} – lägesbild`} session={p.session} current="/staff/goals">
      <p>
        <a href="/staff/goals/rounds">Uppföljningar</a>
      </p>
      <h1>{round.title} – lägesbild</h1>
      {p.flash && <Notice>{p.flash}</Notice>}
      <p>
        Period {periodName(round.period)}, sista dag {formatDate(round.deadline)}.{' '}
        {round.status === 'closed' ? 'Uppföljningen är stängd.' : 'Uppföljningen är öppen.'}
      </p>
      <TableRegion label="Läge per enhet">
        <table>
          <caption>Läge per enhet</caption>
          <thead>
            <tr>
              <th scope="col">Enhet</th>
              <th scope="col" class="num">
                Klara
              </th>
              <th scope="col" class="num">
                Påbörjade
              </th>
              <th scope="col" class="num">
                Ej påbörjade
              </th>
              <th scope="col" class="num">
                Återskickade
              </th>
            </tr>
          </thead>
          <tbody>
            {p.board.units.map((u) => (
              <tr>
                <th scope="row">
                  <a href={`#unit-${u.unitId}`}>{u.unitName}</a>
                </th>
                <td class="num">{u.ready}</td>
                <td class="num">{u.started}</td>
                <td class="num">{u.notStarted}</td>
                <td class="num">{u.sentBack}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {p.board.units.map((u) => (
        <section aria-labelledby={`unit-${u.unitId}`}>
          <h2 id={`unit-${u.unitId}`}>{u.unitName}</h2>
          <ul>
            {u.items.map((i) => (
              <li>
                {ITEM_KIND_NAMES[i.kind as keyof typeof ITEM_KIND_NAMES]}: {i.title} – <ItemState state={i.state} />
                {i.updatedBy && <span class="kind"> ({i.updatedBy})</span>}
                {round.status === 'open' && i.state === 'ready' && (
                  <form method="post" action={`/staff/goals/rounds/${round.id}/items/${i.id}/send-back`}>
                    <CsrfField token={p.session.csrfToken} />
                    <label for={`back-${i.id}`}>Kommentar till {u.unitName}</label>
                    <input id={`back-${i.id}`} name="comment" />
                    <button type="submit" class="secondary">
                      Skicka tillbaka
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {round.status === 'open' && (
        <form method="post" action={`/staff/goals/rounds/${round.id}/close`}>
          <CsrfField token={p.session.csrfToken} />
          <p>När uppföljningen stängs låses dess värden. En senare ändring görs av kvalitetsstrategen och visas som ändrad.</p>
          <button type="submit" class="danger">
            Stäng uppföljningen
          </button>
        </form>
      )}
    </StaffPage>
  );
}
