// The whole public site in a browser with JavaScript off: every page reachable from the start
// pages in Swedish, Finnish and English is crawled; each must answer 200, set no cookie on a plain
// GET (only pages with a form carry a CSRF cookie), stay under the weight budget (HTML + CSS,
// gzip), not scroll sideways at 320 CSS px, link only to pages that exist, and pass axe.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../src/modules/cases/cases.service.ts';
import { type PortalWorld, portalWorld } from '../../src/modules/portal/portal.fixtures.ts';
import { savePortalSettings } from '../../src/modules/portal/portal.settings.ts';
import { type BrowserTestContext, expectNoAxeViolationsAt, expectNoSidewaysScroll, PHONE_WIDTH, startBrowserTest } from './browser.ts';

const BUDGET_BYTES = 60 * 1024;
/** Pages with a form: they carry a CSRF token and so may set its cookie. */
const FORM_PAGE = /\/(cases\/new|accessibility\/feedback|cases\/track\/)/;

let t: BrowserTestContext;
let w: PortalWorld;
beforeAll(async () => {
  t = await startBrowserTest();
  w = await portalWorld(t.db, 'Webbkommun');
  await savePortalSettings(w.tt.system, { accentColour: '#7a1f5c', knownIssues: 'Diagrammen saknar ibland mönster.' }, { db: t.db });
  await createCase(null, { type: 'question', category: 'webb', message: 'Hej', language: 'sv' }, { db: t.db, tenantId: w.tt.tenant.id });
});
afterAll(() => t.close());

function internal(href: string, base: string): URL | null {
  try {
    const url = new URL(href, base);
    if (url.origin !== new URL(t.baseUrl).origin) return null;
    return url;
  } catch {
    return null;
  }
}

describe('the public site', () => {
  it('every public page in sv, fi and en: 200, no cookie, under budget, no sideways scroll, no broken link, axe clean', async () => {
    const css = await (await fetch(`${t.baseUrl}/static/styles.css`)).text();
    const theme = await (await fetch(`${t.baseUrl}/${w.slug}/theme.css`)).text();
    const cssBytes = gzipSync(css).length + gzipSync(theme).length;
    const { page, context } = await t.newPage({ javaScript: false, width: PHONE_WIDTH });
    const queue = ['/', ...['sv', 'fi', 'en'].flatMap((l) => [`/${w.slug}?lang=${l}`, `/${w.slug}/search?lang=${l}&q=bygglov`])];
    const seen = new Set(queue);
    const pages: string[] = [];
    const files = new Set<string>();
    const problems: string[] = [];
    const weights: { url: string; bytes: number }[] = [];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      const url = `${t.baseUrl}${path}`;
      const res = await page.goto(url);
      if (res?.status() !== 200) {
        problems.push(`${path}: ${res?.status()}`);
        continue;
      }
      pages.push(url);
      const headers = await res.allHeaders();
      if (headers['set-cookie'] && !FORM_PAGE.test(path)) problems.push(`${path}: Set-Cookie ${headers['set-cookie']}`);
      const html = await page.content();
      const bytes = gzipSync(html).length + cssBytes;
      weights.push({ url: path, bytes });
      if (bytes > BUDGET_BYTES) problems.push(`${path}: ${bytes} bytes`);
      if ((await page.locator('script').count()) > 0) problems.push(`${path}: has a script`);
      await expectNoSidewaysScroll(page);
      for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
        const link = internal(href, url);
        if (!link) continue;
        const next = `${link.pathname}${link.search}`;
        if (/^\/(staff|static)\b/.test(link.pathname) || link.pathname.includes('/cases/track/')) continue;
        if (/\.(csv|json|jsonld|docx|xlsx|pdf)$/.test(link.pathname) || link.pathname.endsWith('/logo')) {
          files.add(next);
          continue;
        }
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    await context.close();
    for (const file of files) {
      const res = await fetch(`${t.baseUrl}${file}`);
      if (res.status !== 200) problems.push(`${file}: ${res.status}`);
      if (res.headers.get('set-cookie')) problems.push(`${file}: Set-Cookie`);
    }
    expect(problems).toEqual([]);
    // The crawl reached every kind of page in every language.
    for (const kind of [
      '/promises/',
      '/goals/',
      '/indicators/',
      '/boards/',
      '/data',
      '/accessibility',
      '/embed/',
      '/meetings',
      '/search',
    ]) {
      for (const lang of ['sv', 'fi', 'en']) {
        expect(
          pages.some((p) => p.includes(kind) && p.includes(`lang=${lang}`)),
          `${kind} in ${lang}`,
        ).toBe(true);
      }
    }
    expect(files.has(`/${w.slug}/data/catalog.jsonld`)).toBe(true);
    const heaviest = weights.sort((a, b) => b.bytes - a.bytes)[0];
    console.log(`public-site: ${pages.length} pages, ${files.size} files; heaviest ${heaviest.url} ${heaviest.bytes} B (HTML+CSS gzip)`);
    await expectNoAxeViolationsAt(t, pages);
  }, 600_000);
});
