// Fields of the forms for the plan itself: plans, goal areas, goals and the boards' texts per year.

import type { FastifyRequest } from 'fastify';
import { DATE_HINT, int, type Lookups, nul, one, TEXT_HINT, YEAR_HINT } from './define.form.ts';
import type { DefineForm, FormField, FormValues, Option } from './define.views.tsx';

export function planFields(l: Lookups, isNew: boolean): FormField[] {
  return [
    { kind: 'text', name: 'title', label: 'Planens namn', hint: 'Till exempel Mål och budget 2025–2027.' },
    { kind: 'number', name: 'firstYear', label: 'Första år', hint: YEAR_HINT },
    { kind: 'number', name: 'lastYear', label: 'Sista år', hint: YEAR_HINT },
    { kind: 'text', name: 'decidedBy', label: 'Beslutad av', hint: 'Till exempel Kommunfullmäktige.' },
    { kind: 'date', name: 'decisionDate', label: 'Beslutsdatum', hint: DATE_HINT },
    { kind: 'text', name: 'registrationNumber', label: 'Diarienummer' },
    ...(isNew
      ? ([
          {
            kind: 'select',
            name: 'parentPlanId',
            label: 'Överordnad plan',
            options: l.plans,
            empty: 'Ingen – kommunens egen plan',
            hint: 'Välj planen och nämnden för en nämnds verksamhetsplan.',
          },
          { kind: 'select', name: 'boardUnitId', label: 'Nämnd', options: l.boards, empty: 'Ingen' },
        ] satisfies FormField[])
      : []),
  ];
}

export const planInput = (v: FormValues) => ({
  title: one(v.title),
  firstYear: int(v.firstYear),
  lastYear: int(v.lastYear),
  decidedBy: nul(v.decidedBy),
  decisionDate: nul(v.decisionDate),
  registrationNumber: nul(v.registrationNumber),
});

export const areaFields: FormField[] = [
  { kind: 'number', name: 'number', label: 'Nummer', hint: 'Målområdets nummer, 1–99.' },
  { kind: 'text', name: 'title', label: 'Namn' },
  { kind: 'textarea', name: 'ambition', label: 'Ambition 2035', hint: TEXT_HINT },
  { kind: 'textarea', name: 'inPractice', label: 'Vad betyder det i praktiken?', hint: TEXT_HINT },
  { kind: 'number', name: 'position', label: 'Ordning', hint: 'Lägre visas först. Tomt = samma som numret.' },
];
export const areaInput = (v: FormValues) => ({
  number: int(v.number),
  title: one(v.title),
  ambition: one(v.ambition),
  inPractice: one(v.inPractice),
  position: int(v.position),
});

export const goalFields: FormField[] = [
  { kind: 'text', name: 'number', label: 'Nummer', hint: 'Till exempel 1.1, eller 1.1.2 för ett verksamhetsmål.' },
  { kind: 'text', name: 'title', label: 'Namn' },
  { kind: 'textarea', name: 'text', label: 'Text', hint: TEXT_HINT },
  { kind: 'number', name: 'position', label: 'Ordning', hint: 'Lägre visas först.' },
];
export const goalInput = (v: FormValues) => ({ number: one(v.number), title: one(v.title), text: one(v.text), position: int(v.position) });

export function boardTextForm(action: string, l: Lookups): DefineForm {
  return {
    action,
    heading: 'Nämndens text för ett år',
    submit: 'Spara texten',
    fields: [
      { kind: 'select', name: 'boardUnitId', label: 'Nämnd', options: l.boards, empty: 'Välj nämnd' },
      { kind: 'number', name: 'year', label: 'År', hint: YEAR_HINT },
      { kind: 'textarea', name: 'text', label: 'Text', hint: TEXT_HINT },
    ],
  };
}
export const boardTextInput = (v: FormValues) => ({ boardUnitId: one(v.boardUnitId), year: int(v.year), text: one(v.text) });

/** Prefills the board-text form from ?board=…&year=… (the "Ändra" links beside each text). */
export function boardTextValues(request: FastifyRequest, texts: { board_unit_id: string; year: number; text: string }[]): FormValues {
  const q = (request.query ?? {}) as Record<string, string | undefined>;
  const t = texts.find((x) => x.board_unit_id === q.board && String(x.year) === q.year);
  return t ? { boardUnitId: t.board_unit_id, year: String(t.year), text: t.text } : {};
}

/** Links that open the board-text form prefilled with one board's text for one year. */
export function BoardTextLinks(p: { texts: { board_unit_id: string; year: number }[]; boards: Option[]; href: string; what: string }) {
  if (p.texts.length === 0) return null;
  return (
    <>
      <h2>Nämndernas texter</h2>
      <ul>
        {p.texts.map((t) => (
          <li>
            <a href={`${p.href}?board=${t.board_unit_id}&year=${t.year}#board-text-form`}>
              Ändra {p.boards.find((b) => b.value === t.board_unit_id)?.label ?? 'nämndens'} {p.what} {t.year}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
