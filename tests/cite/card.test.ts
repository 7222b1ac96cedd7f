/** Cards and cites built from the real seed corpus and from a fixture source that names its author. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCard, fullCite, shortCite, SPANS, widen } from '../../src/cite/card.ts';
import { buildCslItem } from '../../src/cite/csl.ts';
import { exportCard } from '../../src/cite/export.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus, Passage, Source } from '../../src/corpus/types.ts';
import { IDS, realCorpus, REPO_ROOT } from '../helpers/corpus.ts';

const CITE_CORPUS = path.join(REPO_ROOT, 'tests/fixtures/cite-corpus');
const LEDGER = 'ledger-2026-gas-grid';

let seeds: Corpus;
let ledger: Corpus;

beforeAll(async () => {
  seeds = await realCorpus();
  const loaded = await loadCorpus(CITE_CORPUS);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  ledger = loaded.corpus;
});

function sourceOf(corpus: Corpus, id: string): Source {
  const source = corpus.sources.find((s) => s.id === id);
  if (source === undefined) throw new Error(`no source ${id}`);
  return source;
}

/** The passage of `sourceId` whose text contains `words`. */
function passageWith(corpus: Corpus, sourceId: string, words: string): Passage {
  const passage = corpus.passages.find((p) => p.sourceId === sourceId && p.text.includes(words));
  if (passage === undefined) throw new Error(`no passage with "${words}" in ${sourceId}`);
  return passage;
}

describe('short and full cite for each seed source', () => {
  it('GIVEN ValueWalk (no author, inferred date, verified link) and Qu Xing quoted THEN names him as quoted in an article whose author is not named', () => {
    const passage = passageWith(seeds, IDS.valuewalk, 'zero-sum mentality');
    const source = sourceOf(seeds, IDS.valuewalk);
    expect(shortCite(source)).toBe('ValueWalk 15');
    expect(fullCite(passage, source)).toBe(
      "Qu Xing, China's ambassador to Belgium, quoted in ValueWalk (author not named), March 2015 (inferred), " +
        '“Russia And China To Form Alliance Against United States?”, ValueWalk, ' +
        'https://www.valuewalk.com/2015/03/russia-and-china-vs-us/, accessed: date not recorded',
    );
    const card = buildCard({ passage, source });
    expect(card.caveats).toEqual(['author not named', 'date inferred', 'access date not recorded']);
    expect(card.credit).toBeNull();
  });

  it('GIVEN The Diplomat (unverified link) and its own voice THEN the cite starts with the publication and marks the link', () => {
    const source = sourceOf(seeds, IDS.diplomat);
    const passage = seeds.passages.find((p) => p.sourceId === IDS.diplomat && p.voice.basis === 'own')!;
    expect(shortCite(source)).toBe('The Diplomat 14');
    const cite = fullCite(passage, source);
    expect(cite).toMatch(/^The Diplomat \(author not named\), May 2014 \(inferred\), “Are China and Russia/);
    expect(cite).toContain(
      'https://thediplomat.com/2014/05/are-china-and-russia-moving-toward-a-formal-alliance/ (link not verified)',
    );
    expect(buildCard({ passage, source }).caveats).toContain('link not verified');
  });

  it('GIVEN Russia Insider (licence) THEN the card carries its credit line, and Wang Yi is named as quoted', () => {
    const source = sourceOf(seeds, IDS.russiaInsider);
    const passage = passageWith(seeds, IDS.russiaInsider, 'not confined to bilateral levels');
    const card = buildCard({ passage, source });
    expect(card.shortCite).toBe('Russia Insider 15');
    expect(card.fullCite).toMatch(
      /^Wang Yi, China's Foreign Minister, quoted in Russia Insider \(author not named\), 14 April 2015 \(inferred\), /,
    );
    expect(card.credit).toBe(source.credit);
    expect(card.credit).toContain('Russia Insider');
    expect(exportCard(card, 'markdown')).toContain(source.credit!);
    expect(exportCard(card, 'html')).toContain(source.credit!);
  });

  it('GIVEN the unsigned essay (nothing known, descriptive title) THEN every unknown is said, nothing invented', () => {
    const source = sourceOf(seeds, IDS.essay);
    const passage = seeds.passages.find((p) => p.sourceId === IDS.essay)!;
    const card = buildCard({ passage, source });
    expect(card.shortCite).toBe('Author not named, n.d.');
    expect(card.fullCite).toBe(
      'Author not named, date unknown, The China–Russia relationship and its limits (descriptive title), ' +
        'publication unknown, no link known, accessed: date not recorded',
    );
    expect(card.caveats).toEqual([
      'author not named',
      'date unknown',
      'descriptive title',
      'no link known',
      'access date not recorded',
    ]);
  });

  it('GIVEN a reader comment THEN the cite names the anonymous reader, never ValueWalk or its author', () => {
    const passage = seeds.passages.find((p) => p.sourceId === IDS.comments)!;
    const card = buildCard({ passage, source: sourceOf(seeds, IDS.comments) });
    expect(card.fullCite).toMatch(/^Anonymous reader \(comment \d+\), reader comment under ValueWalk's article/);
  });
});

describe('a source that names its author', () => {
  it('GIVEN the author speaks THEN the short cite is surname and two-digit year and the full cite has her name and the accessed date', () => {
    const source = sourceOf(ledger, LEDGER);
    const passage = passageWith(ledger, LEDGER, 'Storage targets');
    expect(shortCite(source)).toBe('Okafor 26');
    expect(fullCite(passage, source)).toBe(
      'Miriam Okafor, energy columnist, 14 March 2026, “Gas and the Grid”, The Ledger, https://example.org/ledger/gas-and-the-grid, accessed 20 March 2026',
    );
    expect(buildCard({ passage, source }).caveats).toEqual([]);
  });

  it('GIVEN a quoted speaker who is not the author THEN the cite says "<speaker>, <role>, quoted in <author>"', () => {
    const source = sourceOf(ledger, LEDGER);
    const passage = passageWith(ledger, LEDGER, 'keep the gas flowing');
    expect(fullCite(passage, source)).toMatch(
      /^Anton Veselov, Deputy Energy Minister, quoted in Miriam Okafor, energy columnist, 14 March/,
    );
    const styled = buildCard({ passage, source, style: 'mla' });
    expect(exportCard(styled, 'text')).toContain('Words of: Anton Veselov, Deputy Energy Minister, quoted.');
  });
});

describe('citation styles (citation-js, CSL)', () => {
  it('GIVEN the authored source THEN MLA, APA and Chicago read as their guides ask', () => {
    const item = buildCslItem(sourceOf(ledger, LEDGER));
    const passage = passageWith(ledger, LEDGER, 'Storage targets');
    const text = (style: 'mla' | 'apa' | 'chicago') =>
      buildCard({ passage, source: sourceOf(ledger, LEDGER), style }).styled!.text;
    expect(item.author).toEqual([{ family: 'Okafor', given: 'Miriam' }]);
    expect(text('mla')).toBe(
      'Okafor, Miriam. “Gas and the Grid.” The Ledger, 14 Mar. 2026, https://example.org/ledger/gas-and-the-grid. Accessed 20 Mar. 2026.',
    );
    expect(text('apa')).toBe(
      'Okafor, M. (2026, March 14). Gas and the Grid [Opinion]. The Ledger. https://example.org/ledger/gas-and-the-grid',
    );
    expect(text('chicago')).toBe(
      'Okafor, Miriam. “Gas and the Grid.” The Ledger, March 14, 2026. https://example.org/ledger/gas-and-the-grid.',
    );
    expect(buildCard({ passage, source: sourceOf(ledger, LEDGER), style: 'mla' }).styled!.html).toContain(
      '<i>The Ledger</i>',
    );
  });

  it('GIVEN ValueWalk (no author, inferred date) THEN the styles leave the author out and APA marks the date "ca."', () => {
    const source = sourceOf(seeds, IDS.valuewalk);
    const passage = passageWith(seeds, IDS.valuewalk, 'zero-sum mentality');
    const text = (style: 'mla' | 'apa' | 'chicago') => buildCard({ passage, source, style }).styled!.text;
    expect(text('mla')).toBe(
      '“Russia And China To Form Alliance Against United States?” ValueWalk, Mar. 2015, https://www.valuewalk.com/2015/03/russia-and-china-vs-us/.',
    );
    expect(text('apa')).toBe(
      'Russia And China To Form Alliance Against United States? (ca. 2015, March). ValueWalk. https://www.valuewalk.com/2015/03/russia-and-china-vs-us/',
    );
    expect(text('chicago')).toMatch(
      /^“Russia And China To Form Alliance Against United States\?” ValueWalk, March 2015\./,
    );
    expect(buildCslItem(source)).toEqual({
      id: IDS.valuewalk,
      type: 'article-newspaper',
      title: 'Russia And China To Form Alliance Against United States?',
      'container-title': 'ValueWalk',
      issued: { 'date-parts': [[2015, 3]], circa: true },
      URL: 'https://www.valuewalk.com/2015/03/russia-and-china-vs-us/',
      note: 'author not named; date inferred; access date not recorded',
    });
  });

  it('GIVEN The Diplomat (link not verified) THEN no style prints the unverified link as if it were known', () => {
    const source = sourceOf(seeds, IDS.diplomat);
    const passage = seeds.passages.find((p) => p.sourceId === IDS.diplomat)!;
    expect(buildCslItem(source).URL).toBeUndefined();
    expect(buildCslItem(source).note).toContain('link not verified');
    for (const style of ['mla', 'apa', 'chicago'] as const) {
      const card = buildCard({ passage, source, style });
      expect(card.styled!.text).not.toContain('thediplomat.com');
      expect(card.caveats).toContain('link not verified');
    }
  });

  it('GIVEN the essay (nothing known) THEN APA says n.d. and the descriptive title is bracketed', () => {
    const source = sourceOf(seeds, IDS.essay);
    const passage = seeds.passages.find((p) => p.sourceId === IDS.essay)!;
    expect(buildCard({ passage, source, style: 'apa' }).styled!.text).toBe(
      '[The China–Russia relationship and its limits]. (n.d.).',
    );
  });
});

describe('the text of a card', () => {
  it('GIVEN every passage in the seed corpus THEN the bold part is exactly the passage, verbatim from its source body', () => {
    for (const passage of seeds.passages) {
      const source = sourceOf(seeds, passage.sourceId);
      const card = buildCard({ passage, source });
      const read = card.paragraphs.flatMap((p) => p.segments.filter((s) => s.read).map((s) => s.text));
      expect(read).toEqual([passage.text]);
      expect(source.body.slice(passage.offset, passage.offset + passage.text.length)).toBe(read[0]);
      // The paragraph is whole: its segments join back to the source's paragraph.
      const own = card.paragraphs.find((p) => p.index === passage.paragraphIndex)!;
      expect(own.segments.map((s) => s.text).join('')).toBe(source.paragraphs[passage.paragraphIndex]!.text);
    }
  });

  it('GIVEN the first paragraph of a source THEN widening before stops at the start and ± 1 shows only the paragraph after', () => {
    const passage = passageWith(ledger, LEDGER, 'Storage targets');
    const source = sourceOf(ledger, LEDGER);
    expect(passage.paragraphIndex).toBe(0);
    const wide = buildCard({ passage, source, span: SPANS.wide });
    expect(wide.paragraphs.map((p) => p.index)).toEqual([0, 1]);
    expect(wide.canWidenBefore).toBe(false);
    expect(wide.canWidenAfter).toBe(true);
    const pushed = buildCard({ passage, source, span: widen(wide.span, 'before') });
    expect(pushed.paragraphs.map((p) => p.index)).toEqual([0, 1]);
  });

  it('GIVEN the last paragraph of a source THEN widening after stops at the end', () => {
    const passage = passageWith(ledger, LEDGER, 'Nobody at the ministry');
    const source = sourceOf(ledger, LEDGER);
    const last = source.paragraphs.length - 1;
    expect(passage.paragraphIndex).toBe(last);
    const card = buildCard({ passage, source, span: { before: 1, after: 5, sentenceOnly: false } });
    expect(card.paragraphs.map((p) => p.index)).toEqual([last - 1, last]);
    expect(card.canWidenAfter).toBe(false);
    expect(card.canWidenBefore).toBe(true);
  });

  it('GIVEN span sentence THEN the card is the passage alone, and one widening gives its paragraph', () => {
    const passage = passageWith(ledger, LEDGER, 'keep the gas flowing');
    const source = sourceOf(ledger, LEDGER);
    const card = buildCard({ passage, source, span: SPANS.sentence });
    expect(card.paragraphs).toEqual([{ index: 1, segments: [{ text: passage.text, read: true }] }]);
    const grown = buildCard({ passage, source, span: widen(card.span, 'after') });
    expect(grown.paragraphs.map((p) => p.index)).toEqual([1]);
    expect(grown.paragraphs[0]!.segments.map((s) => s.text).join('')).toBe(source.paragraphs[1]!.text);
  });

  it('GIVEN a tag THEN it heads every export; without one the placeholder says to write it', () => {
    const passage = passageWith(ledger, LEDGER, 'Storage targets');
    const source = sourceOf(ledger, LEDGER);
    const tagged = buildCard({ passage, source, tag: '  Storage decides winter  ' });
    expect(tagged.tag).toBe('Storage decides winter');
    expect(exportCard(tagged, 'text').split('\n')[0]).toBe('Storage decides winter');
    expect(exportCard(buildCard({ passage, source }), 'text').split('\n')[0]).toBe(
      '[TAG: write the claim this card proves]',
    );
  });
});

describe('export', () => {
  it('GIVEN a card THEN HTML marks the read part <b><u>, Markdown **, text [[ ]], and each keeps the rest plain', () => {
    const passage = passageWith(ledger, LEDGER, 'keep the gas flowing');
    const card = buildCard({ passage, source: sourceOf(ledger, LEDGER), tag: 'Supply <holds> & "prices" fall' });
    const html = exportCard(card, 'html');
    expect(html).toContain(
      '<b><u>“We will keep the gas flowing to every customer who pays on time,” said Anton Veselov.</u></b> Buyers in the south',
    );
    expect(html).toContain('<p><b>Supply &lt;holds&gt; &amp; &quot;prices&quot; fall</b></p>');
    expect(html).toContain('<b>Okafor 26</b> — Anton Veselov, Deputy Energy Minister, quoted in Miriam Okafor');
    const md = exportCard(card, 'markdown');
    expect(md).toContain(
      '**“We will keep the gas flowing to every customer who pays on time,” said Anton Veselov.** Buyers in the south',
    );
    expect(md.split('\n')[0]).toBe('**Supply \\<holds\\> & "prices" fall**');
    expect(exportCard(card, 'text')).toContain('[[“We will keep the gas flowing');
  });
});
