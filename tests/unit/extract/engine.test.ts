import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import './quiet-happydom';
import { extractArticle } from '../../../utils/extract/index';
import { isProbablyArticle } from '../../../utils/extract/readerable';

const SEED = readFileSync(
  join(import.meta.dirname, '../../fixtures/pages/tendance-ouest--seed/source.html'),
  'utf8',
);
const para = (n: number, word = 'texte'): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraphe ${i} : ${`un ${word} assez long pour compter comme article, `.repeat(6)}fin.</p>`,
  ).join('\n');
const html = (body: string, head = ''): Document =>
  new DOMParser().parseFromString(
    `<!doctype html><html lang="fr"><head><title>Titre de test | Site</title>${head}</head><body>${body}</body></html>`,
    'text/html',
  );

describe('extractArticle', () => {
  it('never mutates the live document', () => {
    const doc = new DOMParser().parseFromString(SEED, 'text/html');
    const before = doc.documentElement.outerHTML;
    const res = extractArticle(doc, 'https://www.tendanceouest.com/actualite-1');
    expect(res.ok).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('is deterministic', () => {
    const a = extractArticle(new DOMParser().parseFromString(SEED, 'text/html'));
    const b = extractArticle(new DOMParser().parseFromString(SEED, 'text/html'));
    expect(a).toEqual(b);
  });

  it('works the same under linkedom', () => {
    const hd = extractArticle(new DOMParser().parseFromString(SEED, 'text/html'));
    const ld = extractArticle(parseHTML(SEED).document as unknown as Document);
    expect(hd.ok && ld.ok).toBe(true);
    if (hd.ok && ld.ok) {
      expect(ld.article.title).toBe(hd.article.title);
      expect(ld.article.textContent).toBe(hd.article.textContent);
    }
  });

  it('cleans the seed page without its site rule (generic path)', () => {
    const doc = new DOMParser().parseFromString(SEED, 'text/html');
    doc.querySelector('link[rel="canonical"]')?.remove();
    const res = extractArticle(doc, 'https://news.example.org/a/1');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.siteRule).toBeUndefined();
    const t = res.article.textContent;
    expect(t).toContain('La Normandie veut surfer sur la vague');
    expect(t).toContain('elle ne les a pas rendus publics.');
    for (const bad of [
      'Restez informé',
      'Réagir à cet article',
      'Petites Annonces',
      'Carantilly',
      'Découvrir',
      'En ce moment',
      'Accident sur l',
    ]) {
      expect(t).not.toContain(bad);
    }
  });

  it('returns metadata, absolute URLs and reading time', () => {
    const res = extractArticle(
      new DOMParser().parseFromString(SEED, 'text/html'),
      'https://www.tendanceouest.com/actualite-450123-x',
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const a = res.article;
    expect(a.byline).toBe('Rédaction Tendance Ouest');
    expect(a.publishedTime).toBe('2025-01-08T06:30:00+01:00');
    expect(a.lang).toBe('fr');
    expect(a.leadImage).toBe('https://www.tendanceouest.com/datacenter.svg');
    expect(a.contentHtml).toContain('src="https://www.tendanceouest.com/datacenter.svg"');
    expect(a.contentHtml).toContain('<figcaption>');
    expect(a.readingTimeMinutes).toBe(Math.max(1, Math.round(a.wordCount / 230)));
    expect(a.teaser).toBe(false);
  });

  it('keeps a paragraph that merely mentions boilerplate words, drops the boilerplate block', () => {
    const doc = html(
      `<article><h1>Titre de test</h1>${para(4)}
       <p>Le maire a dit : « Lire aussi le rapport complet, abonnez-vous aux mises à jour de la mairie et partagez vos idées », une phrase longue qui fait partie de l'article et doit rester.</p>
       <p><strong>Lire aussi :</strong> <a href="/autre">Un autre article sans rapport</a></p>
       <div class="newsletter-box"><p>Inscrivez-vous à la newsletter</p></div>
       <aside class="related"><h3>Sur le même sujet</h3><ul><li><a href="/a">Article A lié</a></li><li><a href="/b">Article B lié</a></li></ul></aside>
       ${para(2, 'mot')}</article>`,
    );
    const res = extractArticle(doc, 'https://example.fr/article');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const t = res.article.textContent;
    expect(t).toContain('Lire aussi le rapport complet');
    expect(t).not.toContain('Un autre article sans rapport');
    expect(t).not.toContain('Inscrivez-vous');
    expect(t).not.toContain('Article A lié');
  });

  // A table-of-contents anchor is made of the section's own heading: "partager" in it is the author's
  // word, not the template's share bar. The template's words (class, short ids) still decide.
  it('reads an id made of the section heading as the heading, not as the class lexicon', () => {
    const doc = html(
      `<article><h1>Titre de test</h1>${para(3)}
       <div id="partager-la-recolte-avec-les-voisins"><h2>Partager la récolte avec les voisins</h2>
         <p>Le jardin partagé distribue chaque semaine ses légumes aux voisins du quartier, une section de l'article qui doit rester entière.</p>
         <p>Les paniers sont prêts le samedi matin, et chacun repart avec ce que la saison a donné cette semaine-là.</p></div>
       <div id="comments"><h2>Comments</h2><p>Un commentaire de lecteur qui ne fait pas partie de l'article.</p></div>
       <div id="related-articles-you-may-like"><h2>Related articles you may like</h2><ul><li><a href="/a">Un article voisin numéro un</a></li><li><a href="/b">Un article voisin numéro deux</a></li></ul></div>
       ${para(2, 'mot')}</article>`,
    );
    const res = extractArticle(doc, 'https://example.fr/article');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const t = res.article.textContent;
    expect(t).toContain('Le jardin partagé distribue chaque semaine');
    expect(t).not.toContain('Un commentaire de lecteur');
    expect(t).not.toContain('Un article voisin numéro un');
  });

  // Shopify's "sidebar-enabled--false", WordPress's "has-sidebar": the class says the block is laid out
  // without (or beside) a sidebar. A block classed "sidebar" is still one.
  it('reads a layout-state class as the content beside a part, not as that part', () => {
    const doc = html(
      `<article><h1>Titre de test</h1>${para(3)}
       <div class="blog-article__main sidebar-enabled--false"><h3>À retenir</h3>
         <p>Le conseil municipal a voté le budget du marché couvert, une conclusion de l'article qui doit rester.</p></div>
       <div class="sidebar"><p>Un encadré de la colonne latérale qui ne fait pas partie de l'article.</p></div>
       ${para(2, 'mot')}</article>`,
    );
    const res = extractArticle(doc, 'https://example.fr/article');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.textContent).toContain('Le conseil municipal a voté le budget');
    expect(res.article.textContent).not.toContain('Un encadré de la colonne latérale');
  });

  // The Hill's "rollover-people": after a linked name, a card the site shows on hover, with the same
  // link and the person's latest headlines. Its text ran into the sentence.
  it('drops a hover card from the sentence, keeps the linked name', () => {
    const doc = html(
      `<article><h1>Titre de test</h1>${para(3)}
       <p>Le conseil a entendu la députée <span class="rollover"><a href="/people/marie-durand">Marie Durand</a><span class="card"><img src="/m.jpg" alt=""><a href="/people/marie-durand">Marie Durand</a><a href="/a/1">Budget : la commission rejette le texte</a> <a href="/a/2">Une réforme des retraites en débat</a></span></span> avant le vote, qui a eu lieu dans la soirée après trois heures de discussion.</p>
       <p>Le lien vers <a href="/dossier">le dossier complet</a><span> et <a href="/annexe">son annexe</a></span> reste dans la phrase, comme le reste du texte de cet article.</p>
       ${para(2, 'mot')}</article>`,
    );
    const res = extractArticle(doc, 'https://example.fr/article');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const t = res.article.textContent.replace(/\s+/g, ' ');
    expect(t).toContain('la députée Marie Durand avant le vote');
    expect(t).not.toContain('la commission rejette');
    expect(t).toContain('le dossier complet et son annexe reste dans la phrase');
  });

  // NJ.com's "social-media-embed" around the tweets the story quotes: "social" is the share bar's word,
  // and Readability drops "social" blocks too. A share bar next to it still goes.
  it('keeps a social post the article embeds, drops the share bar', () => {
    const doc = html(
      `<article><h1>Titre de test</h1>${para(3)}
       <p>Sur les réseaux, la campagne a fait réagir beaucoup d'habitants du département.</p>
       <div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="fr">Oui, c'est vrai, et le département a payé cette campagne : <a href="https://t.co/x">https://t.co/x</a></p>— Jeanne Martin (@jmartin) <a href="https://twitter.com/jmartin/status/1">18 novembre 2019</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script></div>
       <div class="social-share"><a href="https://facebook.com/sharer">Partager sur Facebook</a> <a href="https://twitter.com/intent">Partager sur X</a></div>
       ${para(2, 'mot')}</article>`,
    );
    const res = extractArticle(doc, 'https://example.fr/article');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.textContent).toContain('le département a payé cette campagne');
    expect(res.article.textContent).not.toContain('Partager sur Facebook');
  });

  it('recovers lazy images and noscript fallbacks', () => {
    const doc = html(
      `<article><h1>Titre de test</h1>${para(3)}
       <figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/a.jpg" alt="a"><figcaption>Légende A de la photo</figcaption></figure>
       <figure><img class="lazy" src="/blank.gif"><noscript><img src="/img/b.jpg" alt="b"></noscript><figcaption>Légende B</figcaption></figure>
       ${para(3)}</article>`,
    );
    const res = extractArticle(doc, 'https://example.fr/dossier/page');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.contentHtml).toContain('https://example.fr/img/a.jpg');
    expect(res.article.contentHtml).toContain('https://example.fr/img/b.jpg');
    expect(res.article.textContent).toContain('Légende A de la photo');
  });

  it('refuses non-articles', () => {
    expect(extractArticle(html(''))).toMatchObject({ ok: false, reason: 'empty' });
    const frames = new DOMParser().parseFromString(
      '<html><frameset><frame src="a.html"></frameset></html>',
      'text/html',
    );
    expect(extractArticle(frames)).toMatchObject({ ok: false });
    const home = html(
      `<main>${Array.from({ length: 30 }, (_, i) => `<div class="card"><h2><a href="/a${i}">Titre d'un article numéro ${i} de la une</a></h2></div>`).join('')}</main>`,
      '<meta property="og:type" content="website">',
    );
    expect(extractArticle(home, 'https://example.fr/')).toMatchObject({ ok: false, reason: 'not-article' });
    // A short home page whose text is all navigation and teaser links is "not an article", not "empty".
    const shortHome = html(
      `<header><a href="/">Le Journal</a></header><main><h1>À la une</h1><ul>${Array.from({ length: 5 }, (_, i) => `<li><a href="/a${i}">Titre de la une numéro ${i}</a></li>`).join('')}</ul></main>`,
    );
    expect(extractArticle(shortHome, 'https://example.fr/')).toMatchObject({
      ok: false,
      reason: 'not-article',
    });
    expect(extractArticle(html(para(5)), 'chrome://settings')).toMatchObject({
      ok: false,
      reason: 'restricted',
    });
  });

  it('flags paywall teasers', () => {
    const doc = html(
      `<article><h1>Titre de test</h1>${para(2)}<div class="paywall"><p>Il vous reste 80 % de cet article à lire. La suite est réservée aux abonnés.</p></div></article>`,
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Titre de test","isAccessibleForFree":false}</script>',
    );
    const res = extractArticle(doc, 'https://example.fr/a');
    expect(res.ok && res.article.teaser).toBe(true);
    if (res.ok) expect(res.article.textContent).not.toContain('Il vous reste');
  });

  it('drops detected classifieds from the reading view', () => {
    const res = extractArticle(
      new DOMParser().parseFromString(SEED, 'text/html'),
      'https://news.example.org/a/1',
    );
    expect(res.ok && res.article.textContent.includes('Caumont-sur-Aure')).toBe(false);
  });
});

describe('isProbablyArticle', () => {
  it('says yes to an article, no to a link list and an empty page', () => {
    expect(isProbablyArticle(new DOMParser().parseFromString(SEED, 'text/html'))).toBe(true);
    expect(isProbablyArticle(html(para(4)))).toBe(true);
    expect(
      isProbablyArticle(
        html('<ul>' + '<li><a href="/x">Un lien de navigation</a></li>'.repeat(40) + '</ul>'),
      ),
    ).toBe(false);
    expect(isProbablyArticle(html(''))).toBe(false);
  });
});
