// Browser test support: the real app listening on loopback, Debian's Chromium driven by
// playwright-core (never a downloaded browser), and an axe scan helper.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestContext, type TestContext } from '../helpers.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserTestContext extends TestContext {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (cookies, JavaScript on or off). */
  newPage(options?: { javaScript?: boolean }): Promise<{ page: Page; context: BrowserContext }>;
}

export async function startBrowserTest(): Promise<BrowserTestContext> {
  const t = await createTestContext();
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    ...t,
    baseUrl: address,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, locale: 'sv-SE' });
      const page = await context.newPage();
      return { page, context };
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * axe needs JavaScript in the page, so pages visited with JavaScript off are scanned again in a
 * JavaScript-enabled context (same URL, same server state).
 */
export async function expectNoAxeViolationsAt(t: BrowserTestContext, urls: string[]): Promise<void> {
  const { page, context } = await t.newPage({ javaScript: true });
  try {
    for (const url of urls) {
      await page.goto(url);
      await expectNoAxeViolations(page);
    }
  } finally {
    await context.close();
  }
}

/** WCAG 2.1 AA scan of the page as it is now; fails the test with the violations listed. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
