// The report as DOCX (npm `docx`): the title page, a table of contents (Word fills it on opening),
// real Heading 1–3 styles in order, tables whose header row repeats on every page, the document
// language sv-SE in the default style, title and author properties, and the summary chart as a
// PNG with its alt text (left out, not the table, when no image could be drawn).
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type Block, formatCell, type LayoutTable, layoutReport, titlePage } from './report.layout.ts';
import type { ReportModel } from './report.model.ts';

export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function table(t: LayoutTable): (Paragraph | Table)[] {
  const right = (kind: string) => (kind === 'number' || kind === 'percent' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map(
      (c) =>
        new TableCell({
          children: [new Paragraph({ alignment: right(c.kind), children: [new TextRun({ text: c.label, bold: true })] })],
        }),
    ),
  });
  const rows = t.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map(
          (c, i) =>
            new TableCell({
              children: [new Paragraph({ alignment: right(c.kind), text: formatCell(row[i] ?? null, c, t.rowDecimals?.[r] ?? 0) })],
            }),
        ),
      }),
  );
  return [
    new Paragraph({ style: 'Caption', keepNext: true, text: t.caption }),
    new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
    new Paragraph({ text: '' }),
  ];
}

function blockToDocx(b: Block, chart: ChartImage | null): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], text: b.text })];
    case 'paragraph':
      return b.text.split('\n').map(
        (line, n) =>
          new Paragraph({
            children: [...(b.label && n === 0 ? [new TextRun({ text: `${b.label}: `, bold: true })] : []), new TextRun(line)],
          }),
      );
    case 'table':
      return table(b.table);
    case 'chart':
      if (!chart) return [];
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: chart.png,
              transformation: { width: chart.width, height: chart.height },
              altText: { name: 'Sammanfattning i diagram', title: 'Bedömning per målområde', description: b.alt },
            }),
          ],
        }),
      ];
  }
}

export async function reportDocx(m: ReportModel, chart: ChartImage | null): Promise<Buffer> {
  const tp = titlePage(m);
  const blocks = layoutReport(m);
  const doc = new Document({
    title: m.title,
    creator: `${m.tenantName}, ${m.board.name}`,
    subject: `${m.periodName}`,
    description: `Rapport genererad av Insyn ur planens mål, indikatorer, uppdrag och servicelöften.`,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { language: { value: 'sv-SE' }, font: 'Calibri', size: 22 } },
      },
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: tp.title }),
          ...tp.facts.map(
            ([label, value]) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
          ),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ children: [new TextRun({ text: 'Innehåll', bold: true, size: 28 })] }),
          new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: '1-3' }),
          new Paragraph({ children: [new PageBreak()] }),
          ...blocks.flatMap((b) => blockToDocx(b, chart)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
