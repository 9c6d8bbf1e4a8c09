// Staff page to import the plan template into a plan: the whole workbook (XLSX) or one sheet as
// CSV. Server-rendered, works without JavaScript (a multipart form post).
import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, FileField, Notice, SelectField } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import { SHEETS, type SheetKey } from './goals.transfer.ts';

type Session = NonNullable<StaffPageProps['session']>;

export function PlanImportPage(p: {
  session: Session;
  plan: { id: string; title: string };
  maxMegabytes: number;
  sheet?: string;
  errors: FieldError[];
  flash?: string;
}) {
  const title = `Importera till ${p.plan.title}`;
  const fileHint = `XLSX-mallen med alla blad, eller ett blad som CSV (UTF-8, semikolon eller komma). Högst ${p.maxMegabytes} MB.`;
  return (
    <StaffPage title={p.errors.length ? `Fel: ${title}` : title} session={p.session} current="/staff/goals">
      <p>
        <a href={`/staff/goals?plan=${p.plan.id}`}>Tillbaka till planen</a>
      </p>
      <h1>{title}</h1>
      {p.flash && <Notice>{p.flash}</Notice>}
      <p>
        Alla rader kontrolleras först: om någon rad är fel sparas ingenting, och felet anger blad, rad och kolumn. Rader som inte har
        ändrats lämnas orörda, så samma fil två gånger ändrar ingenting.
      </p>
      <form method="post" action={`/staff/goals/plans/${p.plan.id}/import`} enctype="multipart/form-data" class="define-form">
        <ErrorSummary errors={p.errors} />
        <CsrfField token={p.session.csrfToken} />
        <FileField
          id="file"
          label="Fil"
          hint={fileHint}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          errors={p.errors}
        />
        <SelectField
          id="sheet"
          label="Blad (bara för CSV)"
          hint="Vilket blad i mallen CSV-filen är. Används inte för XLSX."
          value={p.sheet}
          empty="Välj blad"
          options={(Object.keys(SHEETS) as SheetKey[]).map((k) => ({ value: k, label: SHEETS[k].name }))}
          errors={p.errors}
        />
        <button type="submit">Importera</button>
      </form>
    </StaffPage>
  );
}
