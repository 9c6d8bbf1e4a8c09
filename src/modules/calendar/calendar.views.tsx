import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, TextField } from '../../web/components.tsx';
import { formatLongDate } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { Actor } from '../accounts/actor.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import type { NamedDay } from './calendar.ts';

interface CalendarPageProps {
  session: NonNullable<StaffPageProps['session']>;
  actor: Actor;
  closed: NamedDay[];
  holidays: NamedDay[];
  year: number;
  flash?: string;
  errors: FieldError[];
  values: { date?: string; name?: string };
}

export function CalendarPage({ session, actor, closed, holidays, year, flash, errors, values }: CalendarPageProps) {
  const admin = hasAnyRole(actor, ['admin']);
  return (
    <StaffPage title="Kalender" session={session} current="/staff/calendar">
      <h1>Arbetsdagskalender</h1>
      <p class="lead">
        Tidsfrister räknas i arbetsdagar: måndag–fredag utom helgdagar, midsommarafton, julafton, nyårsafton och de dagar ni själva har
        stängt.
      </p>
      {flash && <Notice>{flash}</Notice>}
      <h2>Stängda dagar</h2>
      {closed.length === 0 ? (
        <p>Inga egna stängda dagar.</p>
      ) : (
        <table>
          <caption>Egna stängda dagar</caption>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Namn</th>
              {admin && <th scope="col">Åtgärd</th>}
            </tr>
          </thead>
          <tbody>
            {closed.map((day) => (
              <tr>
                <td>{formatLongDate(day.date, 'sv')}</td>
                <td>{day.name}</td>
                {admin && (
                  <td>
                    <form method="post" action={`/staff/calendar/closed-days/${day.date}/delete`} class="inline">
                      <CsrfField token={session.csrfToken} />
                      <button type="submit" class="secondary">
                        Ta bort <span class="visually-hidden">{day.date}</span>
                      </button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <form method="post" action="/staff/calendar/closed-days" novalidate>
          <h3>Lägg till en stängd dag</h3>
          <ErrorSummary errors={errors} />
          <CsrfField token={session.csrfToken} />
          <TextField id="date" label="Datum" hint="Till exempel 2026-12-23" type="date" value={values.date} errors={errors} />
          <TextField id="name" label="Namn" hint="Till exempel Personaldag" value={values.name} errors={errors} />
          <button type="submit">Lägg till</button>
        </form>
      )}
      <h2>Helgdagar {year}</h2>
      <table>
        <caption>Helgdagar och aftnar som inte är arbetsdagar {year}</caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Namn</th>
          </tr>
        </thead>
        <tbody>
          {holidays.map((day) => (
            <tr>
              <td>{formatLongDate(day.date, 'sv')}</td>
              <td>{day.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaffPage>
  );
}
