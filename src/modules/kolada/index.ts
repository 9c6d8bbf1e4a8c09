// The kolada module's public face. Importing it registers the indicator source kind `kolada`.
import './kolada.source.ts';

export { comparisonChart } from './kolada.chart.ts';
export { type ComparisonSeries, type KoladaFacts, koladaFacts, publicComparisons } from './kolada.read.ts';
export { registerKoladaRoutes } from './kolada.routes.ts';
export { IndicatorKoladaOut } from './kolada.schemas.ts';
export { seedKoladaDemo } from './kolada.seed.ts';
export { refreshNightly } from './kolada.service.ts';
export { ComparisonTable, KoladaSection, PublicComparisonSection } from './kolada.views.tsx';
