// Public pages of published reports: /:tenant/rapporter (list) and /:tenant/rapporter/:id (the
// report, with DOCX, XLSX and PDF). A published report is read from the model stored when it was
// approved; a later version says which one it replaces and why, and the earlier one links to it.
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { type Lang, swedishOn } from '../../web/i18n.ts';
import { PublicPage } from '../../web/layout.tsx';
import { renderPage } from '../../web/render.ts';
import { html } from '../../web/staff.ts';
import { listUnits } from '../org/org.service.ts';
import { publicLang } from '../portal/portal.routes.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { ReportDocument } from './report.document.tsx';
import { reportTitle } from './report.model.ts';
import type { ReportPrinter } from './report.printer.ts';
import { type FileFormat, MEDIA, sendFile } from './reports.api.ts';
import type { ReportListRow } from './reports.repo.ts';
import { findPublishedReport, frozenModel, listPublishedReports } from './reports.service.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const T = {
  title: { sv: 'Rapporter', fi: 'Raportit', en: 'Reports' },
  intro: {
    sv: 'Nämndernas fastställda delårsrapporter och verksamhetsberättelser.',
    fi: 'Lautakuntien vahvistamat osavuosiraportit ja toimintakertomukset (ruotsiksi).',
    en: 'The boards’ approved interim and annual reports (in Swedish).',
  },
  none: { sv: 'Inga rapporter är publicerade ännu.', fi: 'Raportteja ei ole vielä julkaistu.', en: 'No reports have been published yet.' },
  replaced: { sv: 'Ersatt av en senare version', fi: 'Korvattu uudemmalla versiolla', en: 'Replaced by a later version' },
  replaces: {
    sv: 'Denna version ersätter en tidigare. Skäl:',
    fi: 'Tämä versio korvaa aiemman. Syy:',
    en: 'This version replaces an earlier one. Reason:',
  },
  newer: {
    sv: 'Det finns en senare version av rapporten.',
    fi: 'Raportista on uudempi versio.',
    en: 'There is a later version of this report.',
  },
  download: { sv: 'Ladda ner', fi: 'Lataa', en: 'Download' },
  pdfMissing: {
    sv: 'PDF kan inte skapas på den här servern. Rapporten finns som webbsida, DOCX och XLSX.',
    fi: 'PDF-tiedostoa ei voi luoda tällä palvelimella. Raportti on saatavilla verkkosivuna, DOCX- ja XLSX-muodossa.',
    en: 'A PDF cannot be made on this server. The report is available as a web page, DOCX and XLSX.',
  },
  all: { sv: 'Alla rapporter', fi: 'Kaikki raportit', en: 'All reports' },
} satisfies Record<string, Record<Lang, string>>;

async function tenantOf(slug: string, db: AppContext['db']) {
  if (!SLUG.test(slug)) throw new AppError('not_found', 'Sidan finns inte.');
  return requireTenant(db, slug);
}

export function registerReportPublicRoutes(app: App, { db }: AppContext, printer: ReportPrinter): void {
  app.get('/:tenant/rapporter', async (request, reply) => {
    const { tenant: slug } = request.params as { tenant: string };
    const tenant = await tenantOf(slug, db);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const rows = await listPublishedReports(db, tenant.id);
    const names = new Map((await listUnits(db, tenant.id)).map((u) => [u.id, u.name]));
    const replaced = (r: ReportListRow) => rows.some((x) => x.replaces_report_id === r.id);
    const page = (
      <PublicPage title={T.title[lang]} lang={lang} tenant={tenant} path={`/${tenant.slug}/rapporter`}>
        <h1>{T.title[lang]}</h1>
        <p>{T.intro[lang]}</p>
        {rows.length === 0 ? (
          <p>{T.none[lang]}</p>
        ) : (
          <ul class="report-list">
            {rows.map((r) => (
              <li>
                <a href={`/${tenant.slug}/rapporter/${r.id}?lang=${lang}`} lang={swedishOn(lang)}>
                  {reportTitle(r.period, names.get(r.board_unit_id) ?? '')}
                </a>{' '}
                <span lang={swedishOn(lang)}>
                  (version {r.version}, dnr {r.registration_number})
                </span>
                {replaced(r) && <> – {T.replaced[lang]}</>}
              </li>
            ))}
          </ul>
        )}
      </PublicPage>
    );
    return html(reply, renderPage(page));
  });

  async function published(params: unknown) {
    const { tenant: slug, id } = params as { tenant: string; id: string };
    const tenant = await tenantOf(slug, db);
    if (!UUID.test(id)) throw new AppError('not_found', 'Sidan finns inte.');
    const row = await findPublishedReport(db, tenant.id, id);
    if (!row) throw new AppError('not_found', 'Rapporten finns inte.');
    return { tenant, row };
  }

  app.get('/:tenant/rapporter/:id', async (request, reply) => {
    const { tenant, row } = await published(request.params);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const model = frozenModel(row);
    const newer = (await listPublishedReports(db, tenant.id)).find((x) => x.replaces_report_id === row.id);
    const base = `/${tenant.slug}/rapporter/${row.id}`;
    const page = (
      <PublicPage title={model.title} lang={lang} tenant={tenant} path={base}>
        <p class="no-print">
          <a href={`/${tenant.slug}/rapporter?lang=${lang}`}>{T.all[lang]}</a>
        </p>
        {newer && (
          <p class="notice">
            <a href={`/${tenant.slug}/rapporter/${newer.id}?lang=${lang}`}>{T.newer[lang]}</a>
          </p>
        )}
        {row.replace_reason && (
          <p>
            {T.replaces[lang]} <span lang={swedishOn(lang)}>{row.replace_reason}</span>
          </p>
        )}
        <nav aria-label={T.download[lang]} class="downloads no-print">
          <ul>
            <li>
              <a href={`${base}.docx`}>DOCX</a>
            </li>
            <li>
              <a href={`${base}.xlsx`}>XLSX</a>
            </li>
            <li>{printer.available ? <a href={`${base}.pdf`}>PDF</a> : <span>{T.pdfMissing[lang]}</span>}</li>
          </ul>
        </nav>
        <div lang={swedishOn(lang)}>
          <ReportDocument model={model} />
        </div>
      </PublicPage>
    );
    return html(reply, renderPage(page));
  });

  for (const format of Object.keys(MEDIA) as FileFormat[]) {
    app.get(`/:tenant/rapporter/:id.${format}`, async (request, reply) => {
      const { row } = await published(request.params);
      return sendFile(reply, frozenModel(row), format, printer);
    });
  }
}
