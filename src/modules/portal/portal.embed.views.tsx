// The small embeddable views (a promise, an indicator, the summary): no script, framable.

import type { VNode } from 'preact';
import { langAttr } from '../../web/i18n.ts';
import type { PublicIndicator } from '../goals/index.ts';
import type { PromiseBrief } from '../promises/promises.public.data.ts';
import { promiseStatusWord } from './portal.blocks.tsx';
import { IndicatorSummary } from './portal.goals.views.tsx';
import { EmbedPage, type PageBase } from './portal.layout.tsx';
import { T } from './portal.texts.ts';

export function EmbedPromise({ base, promise, href }: { base: PageBase; promise: PromiseBrief; href: string }) {
  const { lang } = base;
  return (
    <EmbedPage base={base} title={promise.title} href={href}>
      <h1 lang={langAttr(promise.titleLang, lang)}>{promise.title}</h1>
      <p class="verdict">{promiseStatusWord(promise.status, lang)}</p>
      <p>{promise.sentence}</p>
    </EmbedPage>
  );
}

export function EmbedIndicator({ base, ind, href }: { base: PageBase; ind: PublicIndicator; href: string }) {
  return (
    <EmbedPage base={base} title={ind.title} href={href}>
      <div class="embed-indicator">
        <IndicatorSummary ind={ind} lang={base.lang} heading="h1" small />
      </div>
    </EmbedPage>
  );
}

export function EmbedSummary({ base, sections, href }: { base: PageBase; sections: VNode[]; href: string }) {
  return (
    <EmbedPage base={base} title={T.siteTitle[base.lang]} href={href}>
      <h1>{T.siteTitle[base.lang]}</h1>
      {sections}
    </EmbedPage>
  );
}
