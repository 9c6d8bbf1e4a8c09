import type { ComponentChildren } from 'preact';
import { LANGUAGE_NAMES, LANGUAGES, type Lang, swedishOn } from './i18n.ts';

interface DocumentProps {
  title: string;
  lang: Lang;
  /** A tenant's theme stylesheet (its accent colour), after the main one. */
  themeHref?: string;
  bodyClass?: string;
  children: ComponentChildren;
}

export function Document({ title, lang, themeHref, bodyClass, children }: DocumentProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Insyn`}</title>
        <link rel="stylesheet" href="/static/styles.css" />
        {themeHref && <link rel="stylesheet" href={themeHref} />}
      </head>
      <body class={bodyClass}>{children}</body>
    </html>
  );
}

const FOOTER: Record<'a11y' | 'data' | 'search' | 'about', Record<Lang, string>> = {
  a11y: { sv: 'Tillgänglighet', fi: 'Saavutettavuus', en: 'Accessibility' },
  data: { sv: 'Öppna data', fi: 'Avoin data', en: 'Open data' },
  search: { sv: 'Sök', fi: 'Haku', en: 'Search' },
  about: { sv: 'Om webbplatsen', fi: 'Tietoa sivustosta', en: 'About the site' },
};

const SKIP: Record<Lang, string> = { sv: 'Hoppa till innehållet', fi: 'Siirry sisältöön', en: 'Skip to content' };
const LANGUAGE_LABEL: Record<Lang, string> = { sv: 'Språk', fi: 'Kieli', en: 'Language' };

export interface PublicPageProps {
  title: string;
  lang: Lang;
  /** Municipality shown in the header; absent on Insyn's own start page. */
  tenant?: { name: string; slug: string };
  /** Path of this page without the query, for the language links. */
  path: string;
  /** The tenant's portal branding (name shown, logo); the portal's own pages pass it. */
  brand?: { name: string; logoUrl?: string };
  children: ComponentChildren;
}

export function PublicPage({ title, lang, tenant, path, brand, children }: PublicPageProps) {
  return (
    <Document title={title} lang={lang} themeHref={tenant ? `/${tenant.slug}/theme.css` : undefined}>
      <a class="skip-link" href="#main">
        {SKIP[lang]}
      </a>
      <header class="site-header">
        <div class="container header-row">
          <a class="brand" href={tenant ? `/${tenant.slug}?lang=${lang}` : `/?lang=${lang}`} lang={tenant ? swedishOn(lang) : undefined}>
            {brand?.logoUrl && <img class="brand-logo" src={brand.logoUrl} alt="" width={40} height={40} />}
            {tenant ? (brand?.name ?? tenant.name) : 'Insyn'}
          </a>
          <nav aria-label={LANGUAGE_LABEL[lang]} class="lang-switch">
            <ul>
              {LANGUAGES.map((code) => (
                <li>
                  <a href={`${path}?lang=${code}`} lang={code} hreflang={code} aria-current={code === lang ? 'true' : undefined}>
                    {LANGUAGE_NAMES[code]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" class="container" tabindex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">
          {tenant && (
            <nav aria-label={FOOTER.about[lang]}>
              <ul class="footer-links">
                <li>
                  <a href={`/${tenant.slug}/accessibility?lang=${lang}`}>{FOOTER.a11y[lang]}</a>
                </li>
                <li>
                  <a href={`/${tenant.slug}/data?lang=${lang}`}>{FOOTER.data[lang]}</a>
                </li>
                <li>
                  <a href={`/${tenant.slug}/search?lang=${lang}`}>{FOOTER.search[lang]}</a>
                </li>
              </ul>
            </nav>
          )}
          <p>
            Insyn – {lang === 'fi' ? 'avoin lähdekoodi' : lang === 'en' ? 'open source' : 'öppen källkod'}.{' '}
            <a href="/staff/login">{lang === 'fi' ? 'Henkilöstö' : lang === 'en' ? 'Staff' : 'För personal'}</a>
          </p>
        </div>
      </footer>
    </Document>
  );
}

export interface StaffNavItem {
  href: string;
  label: string;
  /** A keyboard shortcut (HTML accesskey), announced with the link: visibly, in its title and in aria-keyshortcuts. */
  accessKey?: string;
}

/** How browsers reach an access key: Alt (Chrome, Edge), Alt+Shift (Firefox), Ctrl+Option (Mac). */
const accessKeyCombos = (key: string) => ['Alt', 'Alt+Shift', 'Control+Alt'].map((m) => `${m}+${key.toUpperCase()}`);

export interface StaffPageProps {
  title: string;
  /** Who is signed in; absent on the login page. */
  session?: { name: string; tenantName: string; csrfToken: string; nav: StaffNavItem[] };
  current?: string;
  children: ComponentChildren;
}

export function StaffPage({ title, session, current, children }: StaffPageProps) {
  return (
    <Document title={title} lang="sv">
      <a class="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header class="site-header staff">
        <div class="container header-row">
          <a class="brand" href="/staff">
            Insyn {session ? `· ${session.tenantName}` : ''}
          </a>
          {session && (
            <form method="post" action="/staff/logout" class="inline">
              <input type="hidden" name="_csrf" value={session.csrfToken} />
              <span class="who">{session.name}</span>{' '}
              <button type="submit" class="link-button">
                Logga ut
              </button>
            </form>
          )}
        </div>
        {session && (
          <nav aria-label="Huvudmeny" class="container staff-nav">
            <ul>
              {session.nav.map((item) => (
                <li>
                  <a
                    href={item.href}
                    aria-current={item.href === current ? 'page' : undefined}
                    accesskey={item.accessKey}
                    aria-keyshortcuts={item.accessKey && accessKeyCombos(item.accessKey).join(' ')}
                    title={
                      item.accessKey &&
                      `Snabbtangent: ${accessKeyCombos(item.accessKey).join(' eller ')} (webbläsarens tangent för accesskey)`
                    }
                  >
                    {item.label}
                    {item.accessKey && <span class="shortcut"> (snabbtangent {item.accessKey.toUpperCase()})</span>}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" class="container" tabindex={-1}>
        {children}
      </main>
    </Document>
  );
}
