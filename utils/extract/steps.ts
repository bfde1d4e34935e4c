// The steps of the pipeline, in order (see pipeline.ts for how they run). Each one names a job
// done by its own module; this file only says when it runs and on what.

import { Readability } from '@mozilla/readability';
import { collapse, countWords } from '../core/text';
import { hostOf } from '../core/url';
import { detectBlocks } from '../classifieds/index';
import { boilerplateClean, cleanContext, protectedNode } from './clean';
import { blockText, elementsOf, linkDensity, tagName, textOf } from './dom';
import {
  dropLeadingTitle,
  findHeading,
  findLeadFigure,
  rememberHeadings,
  restoreHeadings,
  restoreLeadFigure,
} from './figure';
import { citesOtherSites, notArticleReason, proseWords } from './gates';
import { fixLazyImages, makeUrlsAbsolute } from './images';
import { dropMarkerBlocks } from './markers';
import { readMetadata } from './metadata';
import { pageElements } from './page-elements';
import { dropNoiseLines } from './noise';
import { dropOtherPosts, ownPostId } from './other-posts';
import { dropTeaserLists } from './teaser-lists';
import { dropTableOfContents } from './toc';
import { findThread, rebuildThread, threadShare } from './thread';
import { findProseRegion, joinable, widens } from './region';
import { hasPaywallBox } from './paywall';
import { replayUntil, type State, type Step } from './pipeline';
import { baseUrl, isolate, revealNoscriptContent } from './prepare';
import { findSiteRule } from './sites/index';
import { dropEmptyNodes, stripActiveContent, trimTrailingLinkBlocks } from './tidy';

const step = <N extends string>(s: Step & { name: N }): Step & { name: N } => s;

/** Removes what matches any selector (a selector this DOM cannot parse is skipped). */
function removeMatching(doc: Document, selectors: readonly string[]): void {
  for (const sel of selectors) {
    try {
      for (const el of Array.from(doc.querySelectorAll(sel))) el.remove();
    } catch {
      /* selector unsupported by this DOM */
    }
  }
}

function readability(doc: Document): ReturnType<Readability<Element>['parse']> {
  return new Readability<Element>(doc, {
    charThreshold: 400,
    serializer: (n) => n as Element,
    keepClasses: false,
  }).parse();
}

const SUB_HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Page builders (Elementor, Divi, WPBakery) wrap each heading in divs classed "widget"; Readability's
 * conditional cleaning weighs those classes and drops the heading with its wrapper.
 */
function unwrapHeadings(body: Element): void {
  for (const h of elementsOf(body, SUB_HEADINGS)) {
    let top: Element = h;
    for (
      let p = h.parentElement;
      p && p !== body && tagName(p) === 'div' && p.children.length === 1;
      p = p.parentElement
    ) {
      if (textOf(p).length !== textOf(h).length) break;
      top = p;
    }
    if (top !== h) top.replaceWith(h);
  }
}

export const STEPS = [
  step({
    name: 'noscript-content',
    does: 'a page whose script never ran: its <noscript> crawler copy becomes the content',
    run(s: State) {
      revealNoscriptContent(s.doc);
    },
  }),
  step({
    name: 'metadata',
    does: 'title, byline, dates, site, canonical URL from JSON-LD/meta/page text, before any removal',
    run(s: State) {
      // One walk of the page serves everything this step looks up (nothing changes it meanwhile).
      const els = pageElements(s.doc);
      s.meta ??= readMetadata(s.doc, s.pageUrl, els);
      s.base = s.pageUrl ?? s.meta.canonicalUrl;
      s.paywall.box = hasPaywallBox(els);
      s.paywall.ld = s.meta.paywalled;
      s.heading = findHeading(els, s.meta.title);
      s.postId = ownPostId(s.doc, s.heading);
      s.ctx = cleanContext(s.doc, els, s.heading, s.pageUrl ?? s.meta.canonicalUrl);
    },
  }),
  step({
    name: 'reader-choice',
    does: 'the block the reader chose with "Choisir le texte à lire" for this site, when it still holds text',
    run(s: State) {
      if (s.chosen.length) s.hinted = isolate(s.doc, s.chosen);
    },
  }),
  step({
    name: 'site-rule',
    does: "the site's or CMS's rule (utils/extract/sites): strip its known widgets",
    run(s: State) {
      s.rule = findSiteRule(s.doc, [s.pageUrl, s.meta.canonicalUrl]);
      if (s.rule?.strip) removeMatching(s.doc, s.rule.strip);
    },
  }),
  step({
    name: 'lazy-images',
    does: 'lazy-loading attributes and <noscript> fallbacks become real src/srcset',
    run(s: State) {
      fixLazyImages(s.doc.body, s.rule?.lazyImageAttrs);
    },
  }),
  step({
    name: 'find-posts',
    does: 'a page made of posts (thread, Q&A, letters, live blog): rebuild them before the cleaning',
    run(s: State) {
      s.thread = findThread(s.doc, s.heading);
    },
  }),
  step({
    name: 'other-posts',
    does: 'more posts of the site built like this one (WordPress post_class) around it: only this one',
    run(s: State) {
      // Before Readability, which takes them with the post and drops the classes that tell them apart.
      dropOtherPosts(s.doc.body, s.postId);
    },
  }),
  step({
    name: 'boilerplate',
    does: 'containers named like boilerplate (lexicon tokens, roles, hidden), guarded',
    run(s: State) {
      boilerplateClean(s.doc, s.ctx);
    },
  }),
  step({
    name: 'markers',
    does: 'short blocks led by a boilerplate phrase ("Lire aussi", "Les plus lus") and their widgets',
    run(s: State) {
      s.paywall.text = dropMarkerBlocks(s.doc.body, s.ctx).paywallText;
    },
  }),
  step({
    name: 'classifieds',
    does: 'classifieds blocks (utils/classifieds), unless they hold the article',
    run(s: State) {
      // After the cleanup: sidebars are gone, so the detector scans only what could still reach the
      // reading view (and costs far less on big pages).
      try {
        for (const b of detectBlocks(s.doc)) if (!protectedNode(b.element, s.ctx)) b.element.remove();
      } catch {
        /* the detector failing must not cost the article */
      }
    },
  }),
  step({
    name: 'site-content',
    does: "the site rule's article container alone, when it holds enough text",
    run(s: State) {
      if (s.rule?.content) isolate(s.doc, s.rule.content);
    },
  }),
  step({
    name: 'absolute-urls',
    does: 'links and images resolved against <base href> / the page URL',
    always: true,
    run(s: State) {
      // Before Readability, which would otherwise resolve them against the parsing environment's
      // location (about:blank, a test server) instead of the page URL.
      makeUrlsAbsolute(s.doc.body, baseUrl(s.doc, s.base));
    },
  }),
  step({
    name: 'unwrap-headings',
    does: 'headings alone in wrapper divs (page builders) become plain headings, so no wrapper class drops them',
    run(s: State) {
      unwrapHeadings(s.doc.body);
    },
  }),
  step({
    name: 'prose-region',
    does: 'the smallest element holding most of the prose, kept aside before Readability rearranges the page',
    run(s: State) {
      s.region = findProseRegion(s.doc.body, s.heading);
    },
  }),
  step({
    name: 'lead-figure',
    does: 'remember the captioned photo under the headline, and the section headings with what follows them',
    run(s: State) {
      s.leadFigure = findLeadFigure(s.heading);
      s.headings = rememberHeadings(s.doc.body);
    },
  }),
  step({
    name: 'readability',
    does: "Mozilla Readability finds the article's container",
    always: true,
    run(s: State) {
      const r = readability(s.doc);
      s.root = r?.content ?? null;
      if (!s.root) return { reason: 'not-article', detail: 'no main content' };
      s.rawLength = (s.root.textContent ?? '').length;
      s.found = {
        title: collapse(r?.title),
        excerpt: collapse(r?.excerpt),
        byline: collapse(r?.byline),
        siteName: collapse(r?.siteName),
      };
      return undefined;
    },
  }),
  step({
    name: 'widen',
    does: 'Readability kept one section of several: the prose region instead',
    run(s: State) {
      const rootText = textOf(s.root!);
      const which = s.region && widens(s.region, rootText);
      // The region as it was before Readability: the run replayed up to where it was found.
      const region = which ? replayUntil(s, 'prose-region')?.region : null;
      const el = which === 'wider' ? region?.wider?.root : region?.root;
      if (!el || (which === 'joined' && !joinable(region!, rootText))) return;
      if (which === 'joined') {
        // Readability's part first, then the region: both, in page order.
        const both = s.doc.createElement('div');
        both.append(s.root!, s.doc.importNode(el, true));
        s.root = both;
      } else {
        el.remove();
        s.root = el;
      }
    },
  }),
  step({
    name: 'restore-lead-figure',
    does: 'the lead photo back on top, and section headings back before their block, when Readability left them out',
    run(s: State) {
      if (s.leadFigure && s.root) restoreLeadFigure(s.root, s.leadFigure);
      if (s.root) restoreHeadings(s.root, s.headings);
    },
  }),
  step({
    name: 'drop-title',
    does: 'the headline repeated at the top of the body',
    run(s: State) {
      dropLeadingTitle(s.root!, s.meta.title);
    },
  }),
  step({
    name: 'noise-lines',
    does: 'credit, byline, date and contact lines; link-only paragraphs; related-story and teaser lists; tables of contents',
    run(s: State) {
      dropNoiseLines(s.root!, hostOf(s.base));
      dropTableOfContents(s.root!, s.base);
      dropTeaserLists(s.root!, s.base);
    },
  }),
  step({
    name: 'trailing-links',
    does: 'link blocks and calls to action after the last paragraph',
    run(s: State) {
      // A reading list is link blocks to its end: they are what it is made of.
      const list = linkDensity(s.root!) > 0.25 && citesOtherSites(s.root!, s.pageUrl ?? s.meta.canonicalUrl);
      if (!list) trimTrailingLinkBlocks(s.root!);
    },
  }),
  step({
    name: 'posts',
    does: "Readability's result is made of the posts: all of them instead, each with author and time",
    run(s: State) {
      if (!s.thread || threadShare(s.thread, s.root!.textContent ?? '') < 0.7) return;
      // The posts as they were before the cleaning: the run replayed up to where they were found.
      const again = replayUntil(s, 'find-posts');
      if (!again?.thread) return;
      const root = rebuildThread(again.doc, again.thread);
      fixLazyImages(root, s.rule?.lazyImageAttrs);
      makeUrlsAbsolute(root, baseUrl(s.doc, s.base));
      dropNoiseLines(root, hostOf(s.base));
      s.root = root;
    },
  }),
  step({
    name: 'strip-active',
    does: 'no script, handler, style or script URL in the body (defence in depth)',
    always: true,
    run(s: State) {
      stripActiveContent(s.root!);
    },
  }),
  step({
    name: 'empty-nodes',
    does: 'elements with neither text nor media',
    always: true,
    run(s: State) {
      dropEmptyNodes(s.root!);
    },
  }),
  step({
    name: 'gates',
    does: 'refuse what is not an article: too little prose, mostly links, a list of teasers, a home, login or search page',
    always: true,
    run(s: State) {
      s.text = blockText(s.root!);
      s.words = countWords(s.text);
      s.prose = proseWords(s.root!, 3000);
      // The page had text, but none of it is an article: a home page, a list of links.
      if (s.words === 0) return { reason: 'not-article', detail: 'no article text' };
      const why = notArticleReason({
        root: s.root!,
        text: s.text,
        words: s.words,
        hint: s.meta.articleHint,
        listingHint: s.meta.listingHint,
        url: s.pageUrl ?? s.meta.canonicalUrl,
        title: s.meta.title,
      });
      if (why) return { reason: 'not-article', detail: why };
      return undefined;
    },
  }),
] as const;
