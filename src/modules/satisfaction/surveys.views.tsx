// Staff pages of the own surveys: list, builder, and a survey with its link, invitations and results.
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, ScrollTable, SelectField, TextField } from '../../web/components.tsx';
import { StaffPage } from '../../web/layout.tsx';
import { n1, SatisfactionNav, type Session, type Values } from './satisfaction.views.tsx';
import type { SurveyRow } from './surveys.repo.ts';
import { QUESTION_TYPE_NAMES, QUESTION_TYPES, type QuestionResult } from './surveys.service.ts';

export function SurveysPage({ session, surveys, flash }: { session: Session; surveys: SurveyRow[]; flash?: string }) {
  return (
    <StaffPage title="Egna enkäter" session={session} current="/staff/satisfaction">
      <h1>Egna enkäter</h1>
      <SatisfactionNav current="/staff/surveys" />
      {flash && <Notice>{flash}</Notice>}
      <p>
        <a class="button" href="/staff/surveys/new">
          Ny enkät
        </a>
      </p>
      {surveys.length === 0 ? (
        <p>Inga enkäter ännu.</p>
      ) : (
        <ul>
          {surveys.map((s) => (
            <li>
              <a href={`/staff/surveys/${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      )}
    </StaffPage>
  );
}

export const QUESTION_SLOTS = 8;

export function SurveyFormPage({ session, values, errors }: { session: Session; values: Values; errors: FieldError[] }) {
  return (
    <StaffPage title="Ny enkät" session={session} current="/staff/satisfaction">
      <h1>Ny enkät</h1>
      <SatisfactionNav current="/staff/surveys" />
      <ErrorSummary errors={errors} />
      <form method="post" action="/staff/surveys/new" novalidate>
        <CsrfField token={session.csrfToken} />
        <TextField id="title" label="Titel" value={values.title} errors={errors} />
        <TextField id="titleFi" label="Titel på finska (frivilligt)" value={values.titleFi} errors={errors} />
        <TextField id="titleEn" label="Titel på engelska (frivilligt)" value={values.titleEn} errors={errors} />
        <TextField id="intro" label="Inledning (frivilligt)" value={values.intro} errors={errors} textarea />
        <p class="hint">Fyll i de frågor du behöver; tomma rader hoppas över. Svarsalternativ för "ett val av flera": ett per rad.</p>
        {Array.from({ length: QUESTION_SLOTS }, (_, i) => (
          <fieldset>
            <legend>Fråga {i + 1}</legend>
            <SelectField
              id={`questions.${i}.type`}
              label="Typ"
              value={values[`questions.${i}.type`] ?? 'scale5'}
              errors={errors}
              options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_NAMES[t] }))}
            />
            <TextField id={`questions.${i}.text`} label="Frågetext" value={values[`questions.${i}.text`]} errors={errors} />
            <TextField
              id={`questions.${i}.textFi`}
              label="Frågetext på finska (frivilligt)"
              value={values[`questions.${i}.textFi`]}
              errors={errors}
            />
            <TextField
              id={`questions.${i}.textEn`}
              label="Frågetext på engelska (frivilligt)"
              value={values[`questions.${i}.textEn`]}
              errors={errors}
            />
            <TextField
              id={`questions.${i}.options`}
              label="Svarsalternativ (ett per rad)"
              value={values[`questions.${i}.options`]}
              errors={errors}
              textarea
            />
            <div class="field">
              <input
                type="checkbox"
                id={`questions.${i}.required`}
                name={`questions.${i}.required`}
                value="yes"
                checked={values[`questions.${i}.required`] === 'yes'}
              />{' '}
              <label for={`questions.${i}.required`}>Obligatorisk</label>
            </div>
          </fieldset>
        ))}
        <div class="field">
          <input type="checkbox" id="openLink" name="openLink" value="yes" checked={values.openLink !== 'no'} />{' '}
          <label for="openLink">Öppen länk (alla som har länken kan svara)</label>
        </div>
        <button type="submit">Skapa enkäten</button>
      </form>
    </StaffPage>
  );
}

export interface SurveyDetailProps {
  session: Session;
  survey: SurveyRow;
  openUrl: string | null;
  responses: number;
  invitations: { total: number; answered: number };
  minAnswers: number;
  questions: (QuestionResult & { chartSvg: string | null })[];
  newTokens?: string[];
  baseUrl: string;
  tenantSlug: string;
  /** The user may close the survey (quality or admin). */
  canClose?: boolean;
  errors: FieldError[];
  flash?: string;
}

export function SurveyDetailPage(p: SurveyDetailProps) {
  return (
    <StaffPage title={p.survey.title} session={p.session} current="/staff/satisfaction">
      <h1>{p.survey.title}</h1>
      <SatisfactionNav current="/staff/surveys" />
      {p.flash && <Notice>{p.flash}</Notice>}
      <ErrorSummary errors={p.errors} />
      <p>
        {p.survey.closed ? 'Stängd: tar inte emot fler svar.' : 'Öppen för svar.'} {p.responses} svar. Inbjudningar: {p.invitations.total}{' '}
        skapade, {p.invitations.answered} besvarade.
      </p>
      {p.canClose && !p.survey.closed && (
        <form method="post" action={`/staff/surveys/${p.survey.id}/close`}>
          <CsrfField token={p.session.csrfToken} />
          <p class="hint" id="close-hint">
            En stängd enkät tar inte emot fler svar, varken via den öppna länken eller via inbjudningar. Svaren och resultaten finns kvar.
          </p>
          <button type="submit" class="secondary" aria-describedby="close-hint">
            Stäng enkäten
          </button>
        </form>
      )}
      {p.openUrl && (
        <p>
          Öppen länk: <a href={p.openUrl}>{p.openUrl}</a>
        </p>
      )}
      {p.newTokens && (
        <section aria-labelledby="new-tokens">
          <h2 id="new-tokens">Nya inbjudningslänkar</h2>
          <p>Länkarna visas bara nu. Varje länk ger ett svar.</p>
          <ul class="token-list">
            {p.newTokens.map((t) => (
              <li>{`${p.baseUrl}/${p.tenantSlug}/enkat/${t}`}</li>
            ))}
          </ul>
        </section>
      )}
      <form method="post" action={`/staff/surveys/${p.survey.id}/invitations`} novalidate>
        <CsrfField token={p.session.csrfToken} />
        <TextField id="count" label="Antal nya inbjudningar" value="" errors={p.errors} inputClass="width-5" />
        <button type="submit">Skapa inbjudningar</button>
      </form>
      <h2>Resultat</h2>
      <p>
        Svaren är anonyma. Frågor med färre än {p.minAnswers} svar visas inte. Index: skala 1–5 → 0, 25, 50, 75, 100; skala 1–10 → (x − 1) /
        9 × 100. Fritextsvar visas bara för personal. <a href={`/api/v1/surveys/${p.survey.id}/results?format=csv`}>Ladda ner som CSV</a>
      </p>
      {p.questions.map((q) => (
        <section aria-labelledby={`q-${q.id}`}>
          <h3 id={`q-${q.id}`}>
            {q.position}. {q.text}
          </h3>
          <p>
            {QUESTION_TYPE_NAMES[q.type]}, {q.n} svar{q.index !== null ? `, index ${n1.format(q.index)}` : ''}
            {!q.shown ? ' – för få svar för att visa resultat' : ''}
          </p>
          {q.chartSvg && <div class="chart-box" dangerouslySetInnerHTML={{ __html: q.chartSvg }} />}
          {q.distribution.length > 0 && (
            <ScrollTable caption={`Fördelning: fråga ${q.position}`}>
              <thead>
                <tr>
                  <th scope="col">Svar</th>
                  <th scope="col">Antal</th>
                </tr>
              </thead>
              <tbody>
                {q.distribution.map((d) => (
                  <tr>
                    <th scope="row">{d.label}</th>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          {q.texts.length > 0 && (
            <ul class="free-texts">
              {q.texts.map((t) => (
                <li>{t}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </StaffPage>
  );
}
