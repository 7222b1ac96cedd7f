/**
 * Buttons under an answer, stored paging and autocomplete `id:` choices name passages by id. Ids derive from
 * the source and the sentence's words, so a reload that inserts text above a quote leaves them pointing at the
 * same words, and one whose words were edited away fails honestly instead of showing a neighbour.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackData, type Harness, REAL_CORPUS, startHarness } from '../bot/harness.ts';
import { editFile } from '../helpers/corpus.ts';

const VALUEWALK = 'sources/valuewalk-2015-russia-china-alliance.md';
const OPENING = 'Last week, a top Chinese diplomat';
const QUOTED = 'abandon the zero-sum mentality';

describe('GIVEN answers and choices made before a reload that moves or edits their passage', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-ids-'));
    await cp(REAL_CORPUS, dir, { recursive: true });
    h = await startHarness({ corpusDir: dir });
  });
  afterAll(async () => {
    await h.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('WHEN a paragraph is inserted above THEN Context, ▶ ◀ and the id: choice still show the same words; WHEN the words change THEN each says the passage is gone', async () => {
    const first = callbackData(
      await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'abandon zero sum mentality' })),
    );
    expect(first.embeds[0].description).toContain(QUOTED);
    const [, next, context] = first.components[0].components as { custom_id: string }[];
    const ac = await h.fake.waitForCallback(h.fake.autocomplete('quote', 'query', 'zero sum'));
    const choice = (ac.body.data.choices as { name: string; value: string }[]).find((c) =>
      c.name.startsWith('Qu Xing'),
    );
    expect(choice).toBeDefined();

    // Two sentences, so the old position (paragraph 1, sentence 2) now holds other words.
    await editFile(dir, VALUEWALK, (text) =>
      text.replace(OPENING, `Editor’s note: this page was updated. Figures are from 2015.\n\n${OPENING}`),
    );
    const moved = await h.library.reload();
    expect(moved.ok).toBe(true);

    const shown = callbackData(await h.fake.waitForCallback(h.fake.button(context!.custom_id, first)));
    expect(shown.embeds[0].description).toContain(QUOTED);
    const forward = await h.fake.waitForCallback(h.fake.button(next!.custom_id, first));
    const back = (forward.body.data.components[0].components as { custom_id: string }[])[0]!.custom_id;
    const returned = await h.fake.waitForCallback(h.fake.button(back, forward.body.data));
    expect(returned.body.data.embeds[0].description).toContain(QUOTED);
    const chosen = callbackData(await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: choice!.value })));
    expect(chosen.embeds[0].description).toContain(QUOTED);

    await editFile(dir, VALUEWALK, (text) => text.replace(QUOTED, 'drop the zero-sum mentality'));
    const edited = await h.library.reload();
    expect(edited.ok).toBe(true);

    const gone = callbackData(await h.fake.waitForCallback(h.fake.button(context!.custom_id, first)));
    expect(gone.content).toContain('no longer in the corpus');
    const stale = callbackData(await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: choice!.value })));
    expect(stale.embeds ?? []).toEqual([]);
    expect(stale.content).toContain('that passage');
  });
});
