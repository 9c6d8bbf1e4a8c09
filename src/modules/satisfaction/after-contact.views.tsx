import { ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { StaffPage } from '../../web/layout.tsx';
import type { AfterContactDimension, AfterContactGroup } from './after-contact.service.ts';
import { SatisfactionNav, type Session, show } from './satisfaction.views.tsx';

export const DIMENSION_NAMES: Record<AfterContactDimension, string> = { unit: 'Enhet', category: 'Kategori', channel: 'Kanal' };

export function AfterContactPageStaff({
  session,
  by,
  from,
  to,
  total,
  groups,
  minAnswers,
}: {
  session: Session;
  by: AfterContactDimension;
  from: string;
  to: string;
  total: AfterContactGroup;
  groups: AfterContactGroup[];
  minAnswers: number;
}) {
  return (
    <StaffPage title="Frågan efter kontakten" session={session} current="/staff/satisfaction">
      <h1>Nöjdhet efter avslutat ärende</h1>
      <SatisfactionNav current="/staff/satisfaction/after-contact" />
      <p>
        "Hur nöjd är du med hur vi hanterade ditt ärende?" 1–5, index 0–100 (1 → 0, 5 → 100). Grupper med färre än {minAnswers} svar visas
        inte.
      </p>
      <form method="get" action="/staff/satisfaction/after-contact" class="filters">
        <SelectField id="by" label="Per" value={by} options={Object.entries(DIMENSION_NAMES).map(([value, label]) => ({ value, label }))} />
        <TextField id="from" label="Från" type="date" value={from} />
        <TextField id="to" label="Till" type="date" value={to} />
        <button type="submit">Visa</button>
      </form>
      <ScrollTable caption={`Nöjdhet per ${DIMENSION_NAMES[by].toLowerCase()}, ${from}–${to}`}>
        <thead>
          <tr>
            <th scope="col">{DIMENSION_NAMES[by]}</th>
            <th scope="col">Skickade</th>
            <th scope="col">Svar</th>
            <th scope="col">Medel 1–5</th>
            <th scope="col">Index</th>
          </tr>
        </thead>
        <tbody>
          {[...groups, total].map((g) => (
            <tr>
              <th scope="row">{g.name}</th>
              <td>{g.sent}</td>
              <td>{g.answered}</td>
              <td>{g.shown ? show(g.mean) : 'för få svar'}</td>
              <td>{g.shown ? show(g.index) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </StaffPage>
  );
}
