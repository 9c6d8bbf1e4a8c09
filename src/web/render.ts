import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a page component to a complete HTML document. Preact escapes all text. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
