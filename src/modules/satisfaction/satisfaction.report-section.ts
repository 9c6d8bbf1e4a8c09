// The report's "Nöjdhet" section: the municipality's Insikt results (NKI per regulatory area and the
// total) for the report's year and the year before, with grade and answers. Results with fewer
// answers than the tenant's minimum say "för få svar" here too, as everywhere else.
import { registerReportSection } from '../reports/index.ts';
import { readResults } from './insikt.service.ts';
import { GRADE_NAMES } from './nki.ts';

registerReportSection({
  id: 'satisfaction',
  title: 'Nöjdhet',
  order: 10,
  async build(actor, q, { db }) {
    const year = Number(q.period.slice(0, 4));
    const [current, previous] = await Promise.all([
      readResults(db, actor.tenantId, { year, period: '' }),
      readResults(db, actor.tenantId, { year: year - 1, period: '' }),
    ]);
    // Insikt is published the year after: an interim report shows the latest full year there is.
    const shown = current.length > 0 ? current : previous;
    if (shown.length === 0) {
      return { paragraphs: [`Det finns inga resultat från SKR:s Insikt för ${year - 1} eller ${year} ännu.`], tables: [] };
    }
    const shownYear = shown[0].year;
    const rows = [...shown]
      .sort((a, b) => (a.area === 'total' ? 1 : b.area === 'total' ? -1 : a.areaName.localeCompare(b.areaName, 'sv')))
      .map((r) => [
        r.areaName,
        r.shown ? r.rounded : null,
        r.shown && r.grade ? GRADE_NAMES[r.grade] : 'För få svar',
        r.trend,
        r.target,
        r.n,
      ]);
    const generated = shown.some((r) => r.generated);
    return {
      paragraphs: [
        `Nöjd-kund-index (NKI) från SKR:s Insikt för ${shownYear}, per myndighetsområde och totalt. Index 0–100; resultat med för få svar visas inte.`,
        ...(generated ? ['Observera: en del av siffrorna är genererade demodata.'] : []),
      ],
      tables: [
        {
          caption: `NKI ${shownYear} per område`,
          columns: [
            { label: 'Område', kind: 'text' },
            { label: 'NKI', kind: 'number', decimals: 0 },
            { label: 'Betyg', kind: 'text' },
            { label: 'Förändring mot året före', kind: 'number', decimals: 0 },
            { label: 'Mål', kind: 'number', decimals: 0 },
            { label: 'Antal svar', kind: 'number', decimals: 0 },
          ],
          rows,
        },
      ],
    };
  },
});
