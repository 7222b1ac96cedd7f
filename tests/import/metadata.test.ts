import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { slugFor } from '../../src/import/draft.ts';
import { blocksOfHtml, extractHtml } from '../../src/import/extract.ts';
import { isoDatePart, readPageMetadata } from '../../src/import/metadata.ts';

const metadataOf = (head: string) =>
  readPageMetadata(new JSDOM(`<html><head>${head}</head><body></body></html>`).window.document);

describe('readPageMetadata', () => {
  it('GIVEN JSON-LD and meta tags that disagree THEN JSON-LD wins, and each value says where it came from', () => {
    const meta = metadataOf(`
      <meta property="og:title" content="Social title"><meta name="author" content="Meta Author">
      <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["OpinionNewsArticle"],"headline":"LD headline",
        "author":[{"@type":"Person","name":"A. One"},{"@type":"Person","name":"B. Two"},"C. Three"],
        "publisher":"LD Press","datePublished":"2019-07"}]</script>`);
    expect(meta.title).toEqual({ value: 'LD headline', from: 'JSON-LD headline' });
    expect(meta.author).toEqual({ value: 'A. One, B. Two and C. Three', from: 'JSON-LD author' });
    expect(meta.publication?.value).toBe('LD Press');
    expect(meta.date?.value).toBe('2019-07');
    expect(meta.kind).toBe('opinion');
  });

  it('GIVEN a broken JSON-LD block and citation_* tags THEN the citation tags are read', () => {
    const meta = metadataOf(`
      <script type="application/ld+json">{ not json</script>
      <meta name="citation_title" content="On the Stability of Alliances">
      <meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, Richard">
      <meta name="citation_publication_date" content="2012-05-30">
      <meta name="citation_journal_title" content="Journal of Imaginary Studies">`);
    expect(meta.title?.value).toBe('On the Stability of Alliances');
    expect(meta.author).toEqual({ value: 'Doe, Jane and Roe, Richard', from: '<meta name="citation_author">' });
    expect(meta.date).toEqual({ value: '2012-05-30', from: '<meta name="citation_publication_date">' });
    expect(meta.publication?.value).toBe('Journal of Imaginary Studies');
  });

  it('GIVEN no tags at all THEN every field is null: nothing is guessed', () => {
    expect(metadataOf('<title>Just a title</title>')).toEqual({
      title: null,
      author: null,
      date: null,
      unreadDate: null,
      publication: null,
      canonicalUrl: null,
      kind: null,
      accessibleForFree: null,
    });
  });

  it('GIVEN a relative canonical link or a profile-link author THEN neither is taken', () => {
    const meta = metadataOf(
      '<link rel="canonical" href="/story"><meta property="article:author" content="https://site.example/staff/x">',
    );
    expect(meta.canonicalUrl).toBeNull();
    expect(meta.author).toBeNull();
  });

  it('THEN dates keep the date part as written, and other forms are not read', () => {
    expect(isoDatePart('2015-03-12T23:30:00-05:00')).toBe('2015-03-12');
    expect(isoDatePart('2015')).toBe('2015');
    expect(isoDatePart('2015-13-01')).toBeNull();
    expect(isoDatePart('March 3, 2015')).toBeNull();
  });
});

describe('blocksOfHtml and slugFor', () => {
  it('GIVEN nested blocks THEN each paragraph is taken once, with the crosshead above it', () => {
    const blocks = blocksOfHtml(
      '<div><h2>Part one</h2><blockquote><p>Quoted   words\n here.</p></blockquote><ul><li>Item</li></ul></div>',
    );
    expect(blocks).toEqual([
      { text: 'Quoted words here.', heading: 'Part one' },
      { text: 'Item', heading: null },
    ]);
  });

  it('THEN a slug is publication, year and the headline’s main words, within 64 characters', () => {
    expect(slugFor('The Northern Ledger', '2025-03-14', 'Grid deal signed after a night of talks')).toBe(
      'the-northern-ledger-2025-grid-deal-signed-after-night-talks',
    );
    expect(slugFor(null, null, 'Café society’s return')).toBe('cafe-societys-return');
    expect(slugFor(null, null, '!!!')).toBe('imported-source');
    expect(slugFor('P', '2020', 'word '.repeat(40)).length).toBeLessThanOrEqual(64);
  });
});

describe('extractHtml furniture', () => {
  const paragraph = (n: number) =>
    `<p>Paragraph ${n} of the story carries enough ordinary words to count as article text for the reader view and for the importer alike, with a clause added for length.</p>`;

  it('GIVEN the story container has a furniture word beside a content word THEN it is kept, and its share bar is not', () => {
    const html = `<html><body><div class="story-body has-comments">${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}
      <div class="share-tools"><p>Share this story with everyone you know on every network there is today.</p></div></div></body></html>`;
    const { blocks } = extractHtml(html, { url: null, fetched: false });
    expect(blocks.map((b) => b.text.slice(0, 11))).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Paragraph ${n}`));
  });
});
