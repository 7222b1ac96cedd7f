/** The committed related-words table is decoded by the first query that needs the second pass, not by the build. */
import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../../src/search/engine.ts';
import { relatedWordsDecoded } from '../../../src/search/related/related-words.ts';
import { realCorpus } from '../../helpers/corpus.ts';

describe('the related-words table at start', () => {
  it('GIVEN an index built with the default table and a query its words answer THEN the table is not decoded; the gist in other words decodes it', async () => {
    // Without the build's warm-up (src/search/warm-up.ts), as the console builds it: the warm-up asks a second-pass
    // query on purpose, so that a bot's first paraphrase does not pay for the decoding.
    const index = QuoteIndex.build(await realCorpus(), { warmUp: null });
    expect(index.search({ text: 'abandn zero sum mentalty', limit: 5 }).length).toBeGreaterThan(0);
    expect(relatedWordsDecoded()).toBe(false);
    const [best] = index.search({ text: 'beijing could get pulled into a needless conflict by moscow', limit: 5 });
    expect(relatedWordsDecoded()).toBe(true);
    expect(best?.passage.text).toContain('dragged into an unnecessary war');
  });
});
