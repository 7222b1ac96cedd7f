import { describe, expect, it } from 'vitest';
import { BodyParagraph, BodyPassage, parsePassageId, passageId, plainPassage } from '../../src/corpus/stored.ts';
import type { Voice } from '../../src/corpus/types.ts';
import { realCorpus } from '../helpers/corpus.ts';

const voice: Voice = { personId: null, name: 'The Diplomat', role: 'publication (author not named)', basis: 'own' };
const body = 'First paragraph. It has two sentences.\n\nSecond “paragraph” here.';

describe('BodyPassage and BodyParagraph', () => {
  const passage = new BodyPassage(body, 'a-source', 0, 1, 17, 38, voice);
  const paragraph = new BodyParagraph(body, 40, body.length, 1, 'A crosshead');

  it('read their text out of the body and their id from the position', () => {
    expect(passage.text).toBe('It has two sentences.');
    expect(passage.id).toBe('a-source:1.2');
    expect(paragraph.text).toBe('Second “paragraph” here.');
  });

  it('serialise to JSON and copy with plainPassage as the plain data of types.ts', () => {
    const plain = { id: 'a-source:1.2', sourceId: 'a-source', paragraphIndex: 0, sentenceIndex: 1, text: 'It has two sentences.', offset: 17, voice };
    expect(JSON.parse(JSON.stringify(passage))).toEqual(plain);
    expect(plainPassage(passage)).toEqual(plain);
    expect(JSON.parse(JSON.stringify(paragraph))).toEqual({ index: 1, text: 'Second “paragraph” here.', heading: 'A crosshead' });
  });
});

describe('passage ids', () => {
  it('round-trip through parsePassageId, source ids with colons included', () => {
    expect(parsePassageId(passageId('a-source', 0, 1))).toEqual({ sourceId: 'a-source', paragraphIndex: 0, sentenceIndex: 1 });
    expect(parsePassageId('odd:id:12.3')).toEqual({ sourceId: 'odd:id', paragraphIndex: 11, sentenceIndex: 2 });
    for (const bad of ['', 'nocolon', 'a:1', 'a:x.2', ':1.2', 'a:1.2.3']) expect(parsePassageId(bad), bad).toBeNull();
  });

  it('are unique over the real corpus, and each passage is found again by its id', async () => {
    const corpus = await realCorpus();
    const ids = corpus.passages.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of corpus.passages) expect(parsePassageId(p.id)).toEqual({ sourceId: p.sourceId, paragraphIndex: p.paragraphIndex, sentenceIndex: p.sentenceIndex });
  });
});
