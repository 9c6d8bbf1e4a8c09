// The report itself as HTML, rendered from the layout blocks: the title page as a list of facts,
// a table of contents, headings one level below the page's h1, tables in ScrollTables, the chart
// as a labelled image beside its table. The staff preview, the public page and the PDF use it.
import { ScrollTable } from '../../web/components.tsx';
import { summaryChartSvg } from './report.chart.ts';
import { type Block, formatCell, type LayoutTable, layoutReport, titlePage } from './report.layout.ts';
import type { ReportModel } from './report.model.ts';

function TableBlock({ t }: { t: LayoutTable }) {
  const numeric = (kind: string) => (kind === 'number' || kind === 'percent' ? 'num' : undefined);
  return (
    <ScrollTable caption={t.caption} id={`tabell-${t.id}`} class="report-table">
      <thead>
        <tr>
          {t.columns.map((c) => (
            <th scope="col" class={numeric(c.kind)}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {t.rows.map((row, r) => (
          <tr>
            {t.columns.map((c, i) =>
              i === 0 ? (
                <th scope="row">{formatCell(row[i] ?? null, c, t.rowDecimals?.[r] ?? 0)}</th>
              ) : (
                <td class={numeric(c.kind)}>{formatCell(row[i] ?? null, c, t.rowDecimals?.[r] ?? 0)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

const TAGS = ['h1', 'h2', 'h3', 'h4', 'h5'] as const;

function BlockView({ b, offset }: { b: Block; offset: number }) {
  switch (b.type) {
    case 'heading': {
      const Tag = TAGS[b.level + offset] ?? 'h5';
      return <Tag id={b.id}>{b.text}</Tag>;
    }
    case 'paragraph':
      return (
        <p class="report-text">
          {b.label && <strong>{b.label}: </strong>}
          {b.text}
        </p>
      );
    case 'table':
      return <TableBlock t={b.table} />;
    case 'chart':
      return (
        <figure class="report-figure">
          {/* Plot's SVG contains no user text: only area numbers, symbols and counts. */}
          <div dangerouslySetInnerHTML={{ __html: summaryChartSvg(b.bars, b.alt) }} />
          <figcaption>Diagrammet visar antalet inriktningsmål per bedömning och målområde. Uppgifterna finns i tabellen nedan.</figcaption>
        </figure>
      );
  }
}

/** `offset` 1 when the page has its own h1 (the staff preview): every heading one level lower. */
export function ReportDocument({ model, offset = 0 }: { model: ReportModel; offset?: 0 | 1 }) {
  const Title = TAGS[offset] ?? 'h1';
  const Toc = TAGS[offset + 1] ?? 'h2';
  const tp = titlePage(model);
  const blocks = layoutReport(model);
  const toc = blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level === 1);
  return (
    <article class="report" aria-labelledby="report-title">
      <header class="report-title-page">
        <Title id="report-title">{tp.title}</Title>
        <dl class="facts report-facts">
          {tp.facts.map(([label, value]) => (
            <div>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </header>
      <nav aria-label="Innehåll" class="report-toc">
        <Toc class="toc-heading">Innehåll</Toc>
        <ol>
          {toc.map((h) => (
            <li>
              <a href={`#${h.id}`}>{h.text}</a>
            </li>
          ))}
        </ol>
      </nav>
      {blocks.map((b) => (
        <BlockView b={b} offset={offset} />
      ))}
    </article>
  );
}
