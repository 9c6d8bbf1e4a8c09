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
  /** A fresh browser context (cookies, JavaScript on or off, a viewport width such as PHONE_WIDTH). */
  newPage(options?: { javaScript?: boolean; width?: number }): Promise<{ page: Page; context: BrowserContext }>;
}

/** `now`: the app's clock, for pages that report on "this year" (absent: the real time). */
export async function startBrowserTest(options: { now?: () => Date } = {}): Promise<BrowserTestContext> {
  const t = await createTestContext({}, options);
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
      const context = await browser.newContext({
        javaScriptEnabled: options.javaScript ?? true,
        locale: 'sv-SE',
        ...(options.width ? { viewport: { width: options.width, height: 720 } } : {}),
      });
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
export async function expectNoAxeViolationsAt(t: BrowserTestContext, urls: string[], options: { width?: number } = {}): Promise<void> {
  const { page, context } = await t.newPage({ javaScript: true, width: options.width });
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

/** The narrowest width WCAG 1.4.10 (reflow) asks a page to work at without sideways scrolling. */
export const PHONE_WIDTH = 320;

/**
 * WCAG 1.4.10: at 320 CSS px the page itself never scrolls sideways. Wide tables may scroll inside
 * their own labelled region; anything else that sticks out is named in the failure. Works with
 * JavaScript off too (Playwright evaluates in its own world).
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  if (page.viewportSize()?.width !== PHONE_WIDTH) await page.setViewportSize({ width: PHONE_WIDTH, height: 720 });
  const { scrollWidth, wide } = await page.evaluate((width) => {
    const sticksOut = [...document.body.querySelectorAll('*')].filter((el) => {
      const region = el.closest('.table-scroll[tabindex="0"][aria-label]');
      if (region && region !== el) return false;
      return el.getBoundingClientRect().right > width + 0.5;
    });
    // The innermost elements that stick out are the ones to fix.
    const innermost = sticksOut.filter((el) => !sticksOut.some((other) => other !== el && el.contains(other)));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      wide: innermost
        .slice(0, 5)
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${(el.textContent ?? '').trim().slice(0, 40)}`),
    };
  }, PHONE_WIDTH);
  expect(scrollWidth, `sideways scroll at ${PHONE_WIDTH} px on ${page.url()}; sticking out: ${wide.join(' | ')}`).toBeLessThanOrEqual(
    PHONE_WIDTH,
  );
}
