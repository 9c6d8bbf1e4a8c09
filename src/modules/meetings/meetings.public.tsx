// Public page: the boards' meetings of a year and whether documents and minutes came out in time.

import { ScrollTable } from '../../web/components.tsx';
import { type Lang, swedishOn, type Translated } from '../../web/i18n.ts';
import { PublicPage } from '../../web/layout.tsx';
import type { Tenant } from '../tenants/tenants.repo.ts';
import type { BoardMeetings, MeetingView } from './meetings.service.ts';
import { documentsText, minutesText, OUTCOME_CLASS, shortDate } from './meetings.texts.ts';

const T = {
  title: { sv: 'Nämndernas sammanträden', fi: 'Lautakuntien kokoukset', en: 'Board meetings' },
  lead: {
    sv: 'Kommunen lovar att publicera handlingarna till nämndernas sammanträden senast 6 dagar före sammanträdet, och protokollet senast 1 arbetsdag efter justeringen. Här ser du hur väl det hålls.',
    fi: 'Kunta lupaa julkaista lautakuntien kokousasiakirjat viimeistään 6 päivää ennen kokousta ja pöytäkirjan viimeistään 1 työpäivä sen tarkastamisen jälkeen. Tästä näet, miten hyvin lupaus pidetään.',
    en: 'The municipality promises to publish the documents for board meetings at least 6 days before the meeting, and the minutes at most 1 working day after they are approved. Here you can see how well this is kept.',
  },
  year: { sv: 'År', fi: 'Vuosi', en: 'Year' },
  show: { sv: 'Visa', fi: 'Näytä', en: 'Show' },
  none: {
    sv: 'Inga sammanträden är registrerade för året.',
    fi: 'Vuodelle ei ole kirjattu kokouksia.',
    en: 'No meetings are registered for the year.',
  },
  date: { sv: 'Sammanträde', fi: 'Kokous', en: 'Meeting' },
  documents: { sv: 'Handlingar', fi: 'Kokousasiakirjat', en: 'Documents' },
  approved: { sv: 'Protokollet justerat', fi: 'Pöytäkirja tarkastettu', en: 'Minutes approved' },
  minutes: { sv: 'Protokoll', fi: 'Pöytäkirja', en: 'Minutes' },
  openData: { sv: 'Öppna data', fi: 'Avoin data', en: 'Open data' },
  openDataText: { sv: 'Samma uppgifter som', fi: 'Samat tiedot muodossa', en: 'The same data as' },
  back: { sv: 'Till startsidan', fi: 'Etusivulle', en: 'To the start page' },
} satisfies Record<string, Translated>;

function summary(meetings: MeetingView[], lang: Lang): string {
  const count = (pick: (m: MeetingView) => { outcome: string }) => {
    const measured = meetings.filter((m) => pick(m).outcome !== 'pending');
    return { met: measured.filter((m) => pick(m).outcome === 'met').length, of: measured.length };
  };
  const d = count((m) => m.documents);
  const p = count((m) => m.minutes);
  if (lang === 'fi') return `Kokousasiakirjat ajallaan: ${d.met}/${d.of} kokousta. Pöytäkirja ajallaan: ${p.met}/${p.of} kokousta.`;
  if (lang === 'en') return `Documents on time: ${d.met} of ${d.of} meetings. Minutes on time: ${p.met} of ${p.of} meetings.`;
  return `Handlingar i tid: ${d.met} av ${d.of} sammanträden. Protokoll i tid: ${p.met} av ${p.of} sammanträden.`;
}

interface Props {
  lang: Lang;
  tenant: Tenant;
  year: number;
  years: number[];
  boards: BoardMeetings[];
}

export function PublicMeetingsPage({ lang, tenant, year, years, boards }: Props) {
  const path = `/${tenant.slug}/meetings`;
  const heading = `${T.title[lang]} ${year}`;
  return (
    <PublicPage title={`${heading} – ${tenant.name}`} lang={lang} path={path} tenant={tenant}>
      <p>
        <a href={`/${tenant.slug}?lang=${lang}`}>{T.back[lang]}</a>
      </p>
      <h1>{heading}</h1>
      <p class="lead">{T.lead[lang]}</p>
      <form method="get" action={path} class="filters">
        <input type="hidden" name="lang" value={lang} />
        <div class="field">
          <label for="year">{T.year[lang]}</label>
          <select id="year" name="year">
            {[...new Set([year, ...years])]
              .sort((a, b) => b - a)
              .map((y) => (
                <option value={String(y)} selected={y === year}>
                  {y}
                </option>
              ))}
          </select>
        </div>
        <button type="submit">{T.show[lang]}</button>
      </form>
      {boards.length === 0 && <p>{T.none[lang]}</p>}
      {boards.map(({ board, meetings }) => (
        <section aria-labelledby={`board-${board.id}`}>
          <h2 id={`board-${board.id}`} lang={swedishOn(lang)}>
            {board.name}
          </h2>
          <p>{summary(meetings, lang)}</p>
          <ScrollTable class="meetings" caption={`${board.name} ${year}`} captionLang={swedishOn(lang)}>
            <thead>
              <tr>
                <th scope="col">{T.date[lang]}</th>
                <th scope="col">{T.documents[lang]}</th>
                <th scope="col">{T.approved[lang]}</th>
                <th scope="col">{T.minutes[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr>
                  <th scope="row">
                    <time datetime={m.meetingDate}>{shortDate(m.meetingDate, lang)}</time>
                  </th>
                  <td class={OUTCOME_CLASS[m.documents.outcome]}>{documentsText(m, lang)}</td>
                  <td>
                    {m.minutesApprovedDate ? <time datetime={m.minutesApprovedDate}>{shortDate(m.minutesApprovedDate, lang)}</time> : '–'}
                  </td>
                  <td class={OUTCOME_CLASS[m.minutes.outcome]}>{minutesText(m, lang)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </section>
      ))}
      <h2>{T.openData[lang]}</h2>
      <p>
        {T.openDataText[lang]} <a href={`/${tenant.slug}/meetings.json?year=${year}`}>JSON</a>,{' '}
        <a href={`/${tenant.slug}/meetings.csv?year=${year}`}>CSV</a>.
      </p>
    </PublicPage>
  );
}
