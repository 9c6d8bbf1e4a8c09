// The public pages of "Kvalitet och resultat", by part: the frame and start pages
// (portal.layout.tsx), goals and indicators (portal.goals.views.tsx), boards
// (portal.boards.views.tsx), open data, accessibility and search (portal.info.views.tsx) and the
// embeds (portal.embed.views.tsx). Server-rendered, no script; everything a municipality typed is
// in Swedish and marked lang="sv" on Finnish and English pages.
export { BoardPage, BoardsPage } from './portal.boards.views.tsx';
export { EmbedIndicator, EmbedPromise, EmbedSummary } from './portal.embed.views.tsx';
export { EmbedCode, GoalAreaPage, GoalsPage, IndicatorPage, IndicatorSummary, ValuesTable } from './portal.goals.views.tsx';
export {
  AccessibilityPage,
  DataPage,
  type DatasetLink,
  FeedbackPage,
  type FeedbackValues,
  SearchPage,
  type SearchResult,
} from './portal.info.views.tsx';
export { EmbedPage, type PageBase, StartPage, TenantHomePage } from './portal.layout.tsx';
