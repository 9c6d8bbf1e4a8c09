// The report alone as one HTML document, with the site's stylesheet inlined: the PDF is printed
// from this (in the print worker thread), not from a served page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPage } from '../../web/render.ts';
import { ReportDocument } from './report.document.tsx';
import type { ReportModel } from './report.model.ts';

const STYLES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'static', 'styles.css');
let styles: string | null = null;

export function printableHtml(model: ReportModel): string {
  styles ??= readFileSync(STYLES, 'utf8');
  return renderPage(
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <title>{model.title}</title>
        <meta name="author" content={`${model.tenantName}, ${model.board.name}`} />
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body class="print">
        <main>
          <ReportDocument model={model} />
        </main>
      </body>
    </html>,
  );
}
