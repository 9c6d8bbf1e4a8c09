// The register extract (registerutdrag, GDPR art. 15): who holds the data, why, on what legal
// basis, who receives it, how long it is kept, the person's rights — and the data itself. One
// component, served as a page and printed to a tagged PDF by Chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDateTime } from '../../web/i18n.ts';
import { Document } from '../../web/layout.tsx';
import { renderPage } from '../../web/render.ts';
import { CASE_CHANNEL_NAMES, CASE_STATUS_NAMES, CASE_TYPE_NAMES, EVENT_KIND_NAMES } from '../cases/cases.person-facing.ts';
import { MAIL_STATUS_NAMES } from '../mail/mail.service.ts';
import type { PersonData } from './privacy.service.ts';

export const PURPOSES = [
  'Att ta emot, handlägga och besvara frågor, synpunkter, klagomål och felanmälningar (kommunens serviceskyldighet enligt förvaltningslagen 2017:900).',
  'Att följa upp kommunens servicelöften och hur nöjda invånare är med hanteringen (nöjdhetsfråga efter avslutat ärende).',
  'Att skicka kvitton, svar och påminnelser per e-post.',
  'Att bevara allmänna handlingar enligt arkivlagen (1990:782).',
];

export const LEGAL_BASIS = [
  'Uppgift av allmänt intresse och myndighetsutövning (dataskyddsförordningen art. 6.1 e), med stöd av kommunallagen (2017:725) och förvaltningslagen (2017:900).',
  'Rättslig förpliktelse (art. 6.1 c): bevarande och gallring enligt arkivlagen (1990:782) och offentlighetsprincipen (tryckfrihetsförordningen 2 kap.).',
];

export const RECIPIENTS = [
  'Uppgifterna lämnas inte ut till andra för deras egna ändamål.',
  'Ärenden är allmänna handlingar: de kan lämnas ut till den som begär det efter sekretessprövning enligt offentlighets- och sekretesslagen (2009:400).',
  'Leverantören av e-posttjänsten och driften av Insyn behandlar uppgifterna för kommunens räkning (personuppgiftsbiträden).',
];

export const RETENTION = [
  'Ärenden bevaras tills de gallras enligt kommunens gallringsbeslut i dokumenthanteringsplanen; därefter tas personuppgifterna bort och bara statistik (datum, kategori, enhet, kanal, tider) finns kvar.',
  'Utskick i e-postkön och nöjdhetsfrågornas koppling till e-postadressen sparas bara så länge de behövs och kan raderas på begäran.',
];

export const RIGHTS = [
  'Rätt att få veta vilka uppgifter kommunen har om dig (art. 15) – detta registerutdrag.',
  'Rätt att få felaktiga uppgifter rättade (art. 16).',
  'Rätt till radering (art. 17) – utom där lagen kräver att uppgifterna bevaras, som i allmänna handlingar (art. 17.3 b).',
  'Rätt att begära begränsning (art. 18) och att invända mot behandlingen (art. 21), till exempel att inte få nöjdhetsfrågor.',
  'Rätt att klaga hos Integritetsskyddsmyndigheten (IMY), imy.se.',
];

const List = ({ items }: { items: string[] }) => (
  <ul>
    {items.map((i) => (
      <li>{i}</li>
    ))}
  </ul>
);

const orDash = (s: string | null | undefined) => (s ? s : '–');

/** The extract's content (headings from h1). */
export function RegisterExtract({ data }: { data: PersonData }) {
  const { controller } = data;
  return (
    <article class="register-extract">
      <h1>Registerutdrag</h1>
      <p>
        Personuppgifter i Insyn som hör till {data.term.masked}, sammanställda {formatDateTime(data.generatedAt)} enligt
        dataskyddsförordningen artikel 15.
      </p>
      <h2>Personuppgiftsansvarig</h2>
      <p>
        {controller.name}
        {controller.orgNumber ? `, organisationsnummer ${controller.orgNumber}` : ''}
      </p>
      <h2>Ändamål</h2>
      <List items={PURPOSES} />
      <h2>Rättslig grund</h2>
      <List items={LEGAL_BASIS} />
      <h2>Mottagare</h2>
      <List items={RECIPIENTS} />
      <h2>Hur länge uppgifterna sparas</h2>
      <List items={RETENTION} />
      <h2>Dina rättigheter</h2>
      <List items={RIGHTS} />
      <h2>Uppgifterna</h2>
      {data.truncated && <p>Sammanställningen är begränsad till de senaste 200 posterna per slag. Kontakta kommunen för resten.</p>}
      <h3>Ärenden ({data.cases.length})</h3>
      {data.cases.length === 0 && <p>Inga ärenden.</p>}
      {data.cases.map((c) => (
        <section aria-label={`Ärende ${c.caseNumber}`}>
          <h4>Ärende {c.caseNumber}</h4>
          <dl>
            <dt>Mottaget</dt>
            <dd>{c.receivedDate}</dd>
            <dt>Typ och kanal</dt>
            <dd>
              {CASE_TYPE_NAMES[c.type]}, {CASE_CHANNEL_NAMES[c.channel]}
            </dd>
            <dt>Kategori</dt>
            <dd>{c.categoryName}</dd>
            <dt>Status</dt>
            <dd>{CASE_STATUS_NAMES[c.status]}</dd>
            <dt>Namn</dt>
            <dd>{orDash(c.contactName)}</dd>
            <dt>E-post</dt>
            <dd>{orDash(c.contactEmail)}</dd>
            <dt>Telefon</dt>
            <dd>{orDash(c.contactPhone)}</dd>
            <dt>Rubrik</dt>
            <dd>{orDash(c.subject)}</dd>
            <dt>Meddelande</dt>
            <dd class="pre-line">{c.message}</dd>
          </dl>
          {c.events.some((e) => e.body) && (
            <>
              <h5>Händelser med text</h5>
              <ul>
                {c.events
                  .filter((e) => e.body)
                  .map((e) => (
                    <li>
                      {formatDateTime(e.at)}, {EVENT_KIND_NAMES[e.kind]}: <span class="pre-line">{e.body}</span>
                    </li>
                  ))}
              </ul>
            </>
          )}
        </section>
      ))}
      <h3>Nöjdhetsfrågor ({data.surveyInvitations.length})</h3>
      {data.surveyInvitations.length === 0 && <p>Inga nöjdhetsfrågor.</p>}
      <ul>
        {data.surveyInvitations.map((s) => (
          <li>
            Skickad {formatDateTime(s.sentAt)}
            {s.caseNumber ? ` om ärende ${s.caseNumber}` : ''}:{' '}
            {s.answeredAt ? `besvarad ${formatDateTime(s.answeredAt)}, betyg ${s.score ?? '–'} av 5` : 'inte besvarad'}
            {s.comment ? `, kommentar: ${s.comment}` : ''}
          </li>
        ))}
      </ul>
      {data.optedOutOfSurveysAt && <p>Du har tackat nej till nöjdhetsfrågor ({formatDateTime(data.optedOutOfSurveysAt)}).</p>}
      <h3>E-post till dig ({data.outbox.length})</h3>
      {data.outbox.length === 0 && <p>Inga utskick.</p>}
      <ul>
        {data.outbox.map((m) => (
          <li>
            {formatDateTime(m.createdAt)}: ”{m.subject}” ({MAIL_STATUS_NAMES[m.status]})
          </li>
        ))}
      </ul>
    </article>
  );
}

/** The extract as a page of its own (no staff menu: it is what the person receives). */
export function registerExtractPage(data: PersonData): string {
  return renderPage(
    <Document title="Registerutdrag" lang="sv" bodyClass="print">
      <main id="main" class="container">
        <RegisterExtract data={data} />
      </main>
    </Document>,
  );
}

const STYLES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'static', 'styles.css');
let styles: string | null = null;

/** The extract with the site's stylesheet inlined: Chromium prints this, it is never served. */
export function printableExtract(data: PersonData): string {
  styles ??= readFileSync(STYLES, 'utf8');
  return renderPage(
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <title>Registerutdrag – {data.controller.name}</title>
        <meta name="author" content={data.controller.name} />
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body class="print">
        <main>
          <RegisterExtract data={data} />
        </main>
      </body>
    </html>,
  );
}
