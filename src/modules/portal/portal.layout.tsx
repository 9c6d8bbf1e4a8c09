// The frame of every public page (brand, language, path), Insyn's own start page and a
// municipality's start page, and the frame of the small embeddable views.

import type { ComponentChildren, VNode } from 'preact';
import { type Lang, swedishOn } from '../../web/i18n.ts';
import { Document, PublicPage } from '../../web/layout.tsx';
import type { Tenant } from '../tenants/tenants.repo.ts';
import type { PortalSettings } from './portal.settings.ts';
import { T, t } from './portal.texts.ts';

export interface PageBase {
  lang: Lang;
  tenant: Tenant;
  settings: PortalSettings;
}

function brandOf(tenant: Tenant, settings: PortalSettings) {
  return {
    name: settings.displayName ?? tenant.name,
    logoUrl: settings.hasLogo ? `/${tenant.slug}/logo?v=${settings.version}` : undefined,
  };
}

export function Page({ base, title, path, children }: { base: PageBase; title: string; path: string; children: ComponentChildren }) {
  const { lang, tenant, settings } = base;
  const name = settings.displayName ?? tenant.name;
  return (
    <PublicPage title={`${title} – ${name}`} lang={lang} path={path} tenant={tenant} brand={brandOf(tenant, settings)}>
      {children}
    </PublicPage>
  );
}

// ---- Insyn's own start page ------------------------------------------------------------

export function StartPage({ lang, tenants }: { lang: Lang; tenants: Tenant[] }) {
  return (
    <PublicPage title={T.siteTitle[lang]} lang={lang} path="/">
      <h1>{T.siteTitle[lang]}</h1>
      <p class="lead">{T.startLead[lang]}</p>
      <h2>{T.chooseMunicipality[lang]}</h2>
      {tenants.length === 0 ? (
        <p>{T.noTenants[lang]}</p>
      ) : (
        <ul class="cards">
          {tenants.map((tn) => (
            <li class="card">
              <h3>
                <a href={`/${tn.slug}?lang=${lang}`} lang={swedishOn(lang)}>
                  {tn.name}
                </a>
              </h3>
            </li>
          ))}
        </ul>
      )}
    </PublicPage>
  );
}

// ---- A municipality's start page -------------------------------------------------------

export function TenantHomePage({ base, sections }: { base: PageBase; sections: VNode[] }) {
  const { lang, tenant } = base;
  return (
    <Page base={base} title={T.siteTitle[lang]} path={`/${tenant.slug}`}>
      <h1>{T.siteTitle[lang]}</h1>
      <p class="lead">{T.homeLead[lang]}</p>
      <div class="portal-blocks">{sections}</div>
      <p>
        <a href={`/${tenant.slug}/embed/summary?lang=${lang}`}>{T.embed[lang]}</a>
      </p>
    </Page>
  );
}

// ---- Goals -----------------------------------------------------------------------------

export function EmbedPage({ base, title, href, children }: { base: PageBase; title: string; href: string; children: ComponentChildren }) {
  const { lang, tenant, settings } = base;
  return (
    <Document title={title} lang={lang} themeHref={`/${tenant.slug}/theme.css`} bodyClass="embed">
      <main class="embed-box">
        {children}
        <p class="embed-source">
          <a href={href} target="_blank" rel="noopener">
            {t(T.embedSource, lang, { name: settings.displayName ?? tenant.name })}
          </a>
        </p>
      </main>
    </Document>
  );
}
