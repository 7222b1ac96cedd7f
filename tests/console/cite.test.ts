/** `/cite` in the console: the card as text, Markdown or HTML, and JSON with its CSL-JSON record. */
import { beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../src/library.ts';
import { runCommandLine } from '../helpers/console.ts';
import { CORPUS_DIR } from '../helpers/corpus.ts';

let library: Library;
beforeAll(async () => {
  library = await Library.open(CORPUS_DIR);
});

const run = (line: string) => runCommandLine(line, library);

describe('console /cite', () => {
  it('GIVEN the worked example THEN the text card has the placeholder tag, the cite and the passage between [[ ]]', async () => {
    const out = await run('/cite abandon the zero-sum mentality');
    expect(out.failed).toBeUndefined();
    const lines = out.text.split('\n');
    expect(lines[0]).toBe('[TAG: write the claim this card proves]');
    expect(lines[2]).toMatch(/^ValueWalk 15 — Qu Xing, China's ambassador to Belgium, quoted in ValueWalk/);
    expect(out.text).toContain(
      '[[China’s ambassador to Belgium, Qu Xing, asked the West to “abandon the zero-sum mentality” with Russia.]]',
    );
  });

  it('GIVEN --format html after a tag option THEN the flag is not part of the tag and the output is HTML', async () => {
    const out = await run('/cite zero-sum mentality tag: China seeks détente --format html');
    expect(out.text).toContain('<p><b>China seeks détente</b></p>');
    expect(out.text).toContain('<b><u>China’s ambassador to Belgium');
    const md = await run('/cite zero-sum mentality format:markdown');
    expect(md.text).toContain('**China’s ambassador to Belgium, Qu Xing');
  });

  it('GIVEN --json style:apa THEN the JSON carries the CSL-JSON record and the APA entry', async () => {
    const out = await run('/cite zero-sum mentality style:apa');
    expect(out.json['csl']).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'ValueWalk',
      issued: { 'date-parts': [[2015, 3]], circa: true },
    });
    expect(out.json['csl']).not.toHaveProperty('author');
    expect((out.json['card'] as { styled: { text: string } }).styled.text).toContain('(ca. 2015, March). ValueWalk.');
  });

  it('GIVEN a bad style, span or format, or words that match nothing THEN a clear refusal, nothing else', async () => {
    expect((await run('/cite zero sum style:harvard')).text).toBe('✗ style must be one of card, mla, apa, chicago');
    expect((await run('/cite zero sum span:page')).text).toBe('✗ span must be one of sentence, paragraph, wide');
    expect((await run('/cite zero sum --format pdf')).text).toBe('✗ format must be one of markdown, html, text');
    const none = await run('/cite qwxzv plorkt');
    expect(none.failed).toBe(true);
    expect(none.text).toContain('no passage matches');
  });

  it('GIVEN /quote THEN each result names the byline (author not named) and the kind where not an article', async () => {
    const out = await run('/quote not confined to bilateral levels');
    expect(out.text.split('\n\n')[0]).toContain('author not named · blog post');
  });
});
