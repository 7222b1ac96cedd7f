import { describe, expect, it } from 'vitest';
import { BodyParagraph, BodyPassage, parsePassageId, passageId, plainPassage, textDigest, VoiceTable } from '../../src/corpus/stored.ts';
import type { Voice } from '../../src/corpus/types.ts';
import { realCorpus } from '../helpers/corpus.ts';

const voice: Voice = { personId: null, name: 'The Diplomat', role: 'publication (author not named)', basis: 'own' };
const body = 'First paragraph. It has two sentences.\n\nSecond “paragraph” here.';

const passage = new BodyPassage(body, 'a-source', 0, 1, 17, 38, voice);

describe('BodyPassage and BodyParagraph', () => {
  const paragraph = new BodyParagraph(body, 40, body.length, 1, 'A crosshead');

  it('read their text out of the body and their id from the source and the text', () => {
    expect(passage.text).toBe('It has two sentences.');
    expect(passage.id).toBe(passageId('a-source', textDigest('It has two sentences.')));
    expect(passage.id).toMatch(/^a-source:[0-9a-z]{11}$/);
    expect(paragraph.text).toBe('Second “paragraph” here.');
  });

  it('serialise to JSON and copy with plainPassage as the plain data of types.ts', () => {
    const plain = { id: passage.id, sourceId: 'a-source', paragraphIndex: 0, sentenceIndex: 1, text: 'It has two sentences.', offset: 17, voice };
    expect(JSON.parse(JSON.stringify(passage))).toEqual(plain);
    expect(plainPassage(passage)).toEqual(plain);
    expect(JSON.parse(JSON.stringify(paragraph))).toEqual({ index: 1, text: 'Second “paragraph” here.', heading: 'A crosshead' });
  });
});

describe('passage ids', () => {
  it('round-trip through parsePassageId, source ids with colons and repeated sentences included', () => {
    const digest = textDigest('It has two sentences.');
    expect(parsePassageId(passageId('a-source', digest))).toEqual({ sourceId: 'a-source', digest, occurrence: 1 });
    expect(parsePassageId(passageId('odd:id', digest, 3))).toEqual({ sourceId: 'odd:id', digest, occurrence: 3 });
    for (const bad of ['', 'nocolon', 'a:1', 'a:1.2', ':0000000000a', 'a:0000000000A', `a-source:${'z'.repeat(11)}`, `${passageId('a', 5)}~1`])
      expect(parsePassageId(bad), bad).toBeNull();
  });

  it('do not depend on position: the same words at another place in another body keep their id', () => {
    const moved = new BodyPassage(`A new opening paragraph.\n\n${body}`, 'a-source', 1, 1, 17 + 26, 38 + 26, voice);
    expect(moved.text).toBe(passage.text);
    expect(moved.id).toBe(passage.id);
    const edited = new BodyPassage('It has two sentences!', 'a-source', 0, 0, 0, 21, voice);
    expect(edited.id).not.toBe(passage.id);
  });

  it('are unique over the real corpus, and each passage is found again by its id', async () => {
    const corpus = await realCorpus();
    const ids = corpus.passages.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of corpus.passages) {
      expect(parsePassageId(p.id)).toMatchObject({ sourceId: p.sourceId, digest: textDigest(p.text) });
      // A BodyPassage keeps its digest in two halves: put together, they are the text's digest.
      if (p instanceof BodyPassage) expect(p.digest).toBe(textDigest(p.text));
    }
  });
});

describe('VoiceTable', () => {
  it('hands back one shared object per distinct voice, with the same fields and values', () => {
    const table = new VoiceTable();
    const reported: Voice = { personId: 'putin', name: 'Vladimir Putin', role: 'President', basis: 'reported', rule: 'verb-after-name' };
    const first = table.intern(reported);
    expect(first).toStrictEqual(reported);
    expect(table.intern({ ...reported })).toBe(first);
    expect(table.intern({ ...reported, rule: 'continuation' })).not.toBe(first);
    expect(table.intern({ ...reported, basis: 'direct-quote' })).not.toBe(first);
    // A voice without a rule stays without one, and is not the same voice as one with a rule.
    expect(table.intern(voice)).toStrictEqual(voice);
    expect(Object.keys(table.intern(voice))).not.toContain('rule');
    expect(table.intern({ ...voice, personId: 'null' })).not.toBe(table.intern(voice));
  });

  it('is what a loaded source uses: its passages with equal voices share one voice object', async () => {
    const corpus = await realCorpus();
    const bySource = new Map<string, Voice[]>();
    for (const p of corpus.passages) bySource.set(p.sourceId, [...(bySource.get(p.sourceId) ?? []), p.voice]);
    let shared = 0;
    for (const voices of bySource.values()) {
      const objects = new Set(voices).size;
      const distinct = new Set(voices.map((v) => JSON.stringify([v.personId, v.name, v.role, v.basis, v.rule]))).size;
      expect(objects).toBe(distinct);
      shared += voices.length - objects;
    }
    // The real corpus has many sentences in the same voice: the check above is not vacuous.
    expect(shared).toBeGreaterThan(50);
  });
});
