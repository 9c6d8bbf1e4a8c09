import type { MailStatus } from '../../db/schema-mail.ts';
import { CsrfField, Notice } from '../../web/components.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { OutboxRow } from './mail.repo.ts';
import { MAIL_STATUS_NAMES, MAIL_STATUSES } from './mail.service.ts';

interface OutboxPageProps {
  session: NonNullable<StaffPageProps['session']>;
  messages: OutboxRow[];
  counts: Record<MailStatus, number>;
  status?: MailStatus;
  smtpConfigured: boolean;
  flash?: string;
}

export function OutboxPage({ session, messages, counts, status, smtpConfigured, flash }: OutboxPageProps) {
  return (
    <StaffPage title="Utkorg" session={session} current="/staff/outbox">
      <h1>Utkorg</h1>
      <p class="lead">E-post som Insyn skickar: kvittenser, svar och påminnelser.</p>
      {flash && <Notice>{flash}</Notice>}
      {!smtpConfigured && (
        <Notice>Ingen e-postserver är inställd (SMTP_URL saknas). Meddelandena skickas inte utan ligger kvar här.</Notice>
      )}
      <nav aria-label="Filtrera på status">
        <ul class="filter-links">
          <li>
            <a href="/staff/outbox" aria-current={status ? undefined : 'page'}>
              Alla
            </a>
          </li>
          {MAIL_STATUSES.map((s) => (
            <li>
              <a href={`/staff/outbox?status=${s}`} aria-current={status === s ? 'page' : undefined}>
                {MAIL_STATUS_NAMES[s]} ({counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {messages.length === 0 ? (
        <p>Inga meddelanden.</p>
      ) : (
        <table>
          <caption>
            {status ? `Meddelanden med status ${MAIL_STATUS_NAMES[status].toLowerCase()}` : 'Alla meddelanden'}, nyaste först (högst 200)
          </caption>
          <thead>
            <tr>
              <th scope="col">Skapat</th>
              <th scope="col">Till</th>
              <th scope="col">Ämne</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">
                Försök
              </th>
              <th scope="col">Skickat / fel</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr>
                <td>{formatDateTime(m.createdAt)}</td>
                <td>{m.to}</td>
                <td>{m.subject}</td>
                <td>{MAIL_STATUS_NAMES[m.status]}</td>
                <td class="num">{m.attempts}</td>
                <td>
                  {m.sentAt ? formatDateTime(m.sentAt) : m.lastError}
                  {m.status === 'failed' && (
                    <form method="post" action={`/staff/outbox/${m.id}/retry`} class="inline">
                      <CsrfField token={session.csrfToken} />{' '}
                      <button type="submit" class="secondary">
                        Försök igen <span class="visually-hidden">att skicka {m.subject}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffPage>
  );
}
