// The case page's part about retention: whether the personal data has been cleared (gallrad) and
// the legal hold that stops it, with the admin's form to set or release the hold.
import { CsrfField, TextField } from '../../web/components.tsx';
import { dateTimeFormat } from '../../web/i18n.ts';
import type { CaseRetentionState } from './cases.retention-facing.ts';

const dateTime = (d: Date) => dateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(d);

export interface CaseRetentionProps {
  caseId: string;
  state: CaseRetentionState;
  canHold: boolean;
  csrfToken: string;
}

export function CaseRetentionSection({ caseId, state, canHold, csrfToken }: CaseRetentionProps) {
  const { legalHold, cleared } = state;
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">Gallring</h2>
      {cleared ? (
        <p>
          Personuppgifterna gallrades {dateTime(cleared.at)} (
          {cleared.scope === 'contact' ? 'kontaktuppgifter' : 'kontaktuppgifter, meddelandet och texterna i händelserna'})
          {cleared.decision ? ` enligt ${cleared.decision}` : ''}. Datum, kategori, enhet, kanal och tider finns kvar för statistiken.
        </p>
      ) : (
        <p>Personuppgifterna i ärendet har inte gallrats.</p>
      )}
      {legalHold ? (
        <p>
          <strong>Spärrat mot gallring</strong> sedan {dateTime(legalHold.at)} av {legalHold.by}. Skäl: {legalHold.reason}
        </p>
      ) : (
        <p>Ärendet är inte spärrat mot gallring.</p>
      )}
      {canHold && (
        <form method="post" action={`/staff/cases/${caseId}/legal-hold`}>
          <CsrfField token={csrfToken} />
          {legalHold ? (
            <>
              <input type="hidden" name="action" value="release" />
              <button type="submit">Häv spärren mot gallring</button>
            </>
          ) : (
            <>
              <input type="hidden" name="action" value="hold" />
              <TextField
                id="legal-hold-reason"
                name="reason"
                label="Skäl till spärren"
                value=""
                hint="Till exempel: överklagat, begärt av domstol. Ett spärrat ärende gallras aldrig."
              />
              <button type="submit">Spärra mot gallring</button>
            </>
          )}
        </form>
      )}
    </section>
  );
}
