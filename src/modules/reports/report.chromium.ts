// Debian's Chromium through playwright-core, out of process: prints the report page as a tagged
// PDF with an outline (headings, tables and alt texts reach assistive technology) and draws the
// summary chart as a PNG for the DOCX. One browser is started on first use and shared; each job
// gets its own context. Where Chromium is missing, `available` is false and callers say so.
// Driven from the print worker thread (report.printer.ts), not from the request thread.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Chromium {
  readonly available: boolean;
  pdf(html: string, options: { footer: string }): Promise<Buffer>;
  png(svg: string, size: { width: number; height: number }): Promise<Buffer>;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function createChromium(executablePath: string): Chromium {
  const available = existsSync(executablePath);
  let browser: Promise<Browser> | null = null;
  const open = () => {
    if (!browser) {
      // playwright-core is loaded on first use (importing it costs ~500 ms of every start).
      browser = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS }));
      browser.catch(() => {
        browser = null;
      });
      void browser.then((b) =>
        b.on('disconnected', () => {
          browser = null;
        }),
      );
    }
    return browser;
  };
  async function withPage<T>(work: (page: import('playwright-core').Page) => Promise<T>): Promise<T> {
    if (!available) throw new Error('Chromium is not installed');
    const context = await (await open()).newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
    try {
      return await work(await context.newPage());
    } finally {
      await context.close();
    }
  }
  return {
    available,
    pdf: (html, { footer }) =>
      withPage(async (page) => {
        await page.setContent(html, { waitUntil: 'load' });
        return page.pdf({
          format: 'A4',
          tagged: true,
          outline: true,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: `<div style="font-size:8pt;width:100%;text-align:center;font-family:sans-serif">${escapeHtml(footer)} – sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>`,
          margin: { top: '18mm', bottom: '20mm', left: '18mm', right: '18mm' },
        });
      }),
    png: (svg, size) =>
      withPage(async (page) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.setContent(
          `<!doctype html><html lang="sv"><head><style>body{margin:0;background:#fff;font-family:sans-serif}</style></head><body>${svg}</body></html>`,
        );
        return page.locator('svg').first().screenshot({ type: 'png' });
      }),
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
  };
}
