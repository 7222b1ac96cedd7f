/** citation-js is loaded by the first citation, not by the console's start or a /quote. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { citationEngineLoaded } from '../../src/cite/styles.ts';
import { Library } from '../../src/library.ts';
import { runCommandLine as run } from '../helpers/console.ts';
import { CORPUS_DIR } from '../helpers/corpus.ts';

/** Whether any citation-js module is in Node's module cache: loaded by any import, anywhere. */
function citationJsInCache(): boolean {
  return Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('@citation-js'));
}

describe('citation styles', () => {
  it('GIVEN the corpus loaded and a /quote answered THEN citation-js is not loaded; the first MLA citation loads it', async () => {
    const library = await Library.open(CORPUS_DIR);
    const quote = await run('/quote zero sum', library);
    expect(quote.failed).toBeUndefined();
    expect(citationEngineLoaded()).toBe(false);
    expect(citationJsInCache()).toBe(false);
    const cite = await run('/cite zero-sum mentality style:mla', library);
    expect(cite.failed).toBeUndefined();
    expect(citationEngineLoaded()).toBe(true);
    expect(citationJsInCache()).toBe(true);
    expect(cite.text).toContain('ValueWalk');
  });
});
