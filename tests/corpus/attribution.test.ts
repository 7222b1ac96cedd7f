/**
 * The expected voice of every quotation and reported argument in the seeds, and the rules on a new
 * article that no override knows about.
 */
import { describe, expect, it } from 'vitest';
import { attributeParagraph, buildNameMatchers } from '../../src/corpus/attribute.ts';
import type { Person, Voice } from '../../src/corpus/types.ts';
import { IDS, passageAt, realCorpus } from '../helpers/corpus.ts';

const EXPECTED: ReadonlyArray<readonly [string, string, string | null, Voice['basis']]> = [
  // [passage id, opening words, person id (null: the source's own voice or a group), basis]
  [`${IDS.valuewalk}:1.1`, 'Last week, a top Chinese diplomat', null, 'own'],
  [`${IDS.valuewalk}:1.2`, 'China’s ambassador to Belgium, Qu Xing', 'qu-xing', 'direct-quote'],
  [`${IDS.valuewalk}:2.2`, 'Huiyun Feng of The Diplomat says', 'huiyun-feng', 'reported'],
  [`${IDS.valuewalk}:2.3`, 'Last year, Beijing inked', null, 'own'],
  [`${IDS.valuewalk}:3.5`, 'Though neither of them likes', 'huiyun-feng', 'reported'],
  [`${IDS.valuewalk}:6.1`, 'Feng says it’s too early', 'huiyun-feng', 'reported'],
  [`${IDS.valuewalk}:6.2`, 'The bilateral relation still lacks', 'huiyun-feng', 'override'],
  [`${IDS.valuewalk}:6.3`, 'But a big common threat', 'huiyun-feng', 'override'],
  [`${IDS.valuewalk}:6.4`, 'The United States has been pushing hard', null, 'own'],
  [`${IDS.diplomat}:3.5`, 'As previously pointed out by Zachary Keck', 'zachary-keck', 'reported'],
  [`${IDS.diplomat}:3.6`, 'From Russia’s perspective', null, 'own'],
  [`${IDS.diplomat}:5.1`, 'A prominent proponent', null, 'own'],
  [`${IDS.diplomat}:5.2`, 'Yan has been advocating', null, 'own'],
  [`${IDS.diplomat}:5.3`, 'According to Yan', 'yan-xuetong', 'reported'],
  [`${IDS.diplomat}:5.4`, 'He first argues', 'yan-xuetong', 'reported'],
  [`${IDS.diplomat}:5.5`, 'On the one hand', 'yan-xuetong', 'reported'],
  [`${IDS.diplomat}:5.6`, 'On the other hand', 'yan-xuetong', 'reported'],
  [`${IDS.diplomat}:5.7`, 'Moreover, a declining U.S.', 'yan-xuetong', 'reported'],
  [`${IDS.diplomat}:5.8`, 'Such increasing pressures', 'yan-xuetong', 'reported'],
  [`${IDS.diplomat}:5.9`, 'Thus, a China-Russia alliance would benefit', 'yan-xuetong', 'reported'],
  [`${IDS.diplomat}:5.10`, 'Yan also refutes', 'yan-xuetong', 'reported'],
  [`${IDS.diplomat}:7.2`, 'Unless the U.S. militarily threatens', null, 'own'],
  [`${IDS.russiaInsider}:3.1`, 'If the S-400 deal isn’t persuasive', null, 'own'],
  [`${IDS.russiaInsider}:4.1`, '“China-Russia cooperation is not confined', 'wang-yi', 'direct-quote'],
  [`${IDS.russiaInsider}:6.1`, '“As each other’s most important', 'wang-yi', 'direct-quote'],
  [`${IDS.russiaInsider}:7.2`, 'China and Russia are working together on', null, 'own'],
  [`${IDS.russiaInsider}:8.1`, 'While Yi cites the conflict in Syria', null, 'override'],
];

const OPPONENTS = 'Opponents of a China-Russia alliance';

describe('attribution of the seed corpus', () => {
  it.each(EXPECTED)('%s (“%s…”) is voiced by %s as %s', async (id, opening, personId, basis) => {
    const corpus = await realCorpus();
    const passage = passageAt(corpus, id);
    expect(passage, `passage ${id}`).toBeDefined();
    expect(passage?.text.replace(/'/g, '’').startsWith(opening.replace(/'/g, '’'))).toBe(true);
    expect(passage?.voice.personId ?? null).toBe(personId);
    expect(passage?.voice.basis).toBe(basis);
  });

  it('GIVEN the opponents paragraph THEN every sentence carries the opponents, as reported by The Diplomat', async () => {
    const corpus = await realCorpus();
    const paragraph = corpus.passages.filter((p) => p.sourceId === IDS.diplomat && p.paragraphIndex === 5);
    expect(paragraph).toHaveLength(5);
    for (const passage of paragraph) {
      expect(passage.voice.name).toBe(OPPONENTS);
      expect(passage.voice.role).toBe('as reported by The Diplomat');
    }
  });

  it('GIVEN a source with no named author THEN its own voice is the publication, and for the essay "Unknown author"', async () => {
    const corpus = await realCorpus();
    const own = (id: string) => passageAt(corpus, id)?.voice;
    expect(own(`${IDS.valuewalk}:1.1`)).toMatchObject({ name: 'ValueWalk', role: 'publication (author not named)' });
    expect(own(`${IDS.essay}:1.1`)).toMatchObject({ name: 'Unknown author', role: 'unsigned essay' });
  });

  it('GIVEN reader comments THEN they speak as anonymous readers, never as ValueWalk or its author', async () => {
    const corpus = await realCorpus();
    const comments = corpus.passages.filter((p) => p.sourceId === IDS.comments);
    expect(comments.length).toBeGreaterThan(0);
    for (const passage of comments) {
      expect(passage.voice.name).toMatch(/^Anonymous reader \(comment \d\)$/);
      expect(passage.voice.role).toContain("not the article's words");
    }
  });
});

describe('attribution rules on a new article', () => {
  const people: Person[] = [
    { id: 'jane-roe', name: 'Jane Roe', role: 'NATO spokesperson', aliases: ['Roe', 'the NATO spokesperson'] },
    { id: 'li-wei', name: 'Li Wei', role: 'economist', aliases: ['Li'] },
  ];
  const own: Voice = { personId: null, name: 'Example Times', role: 'publication (author not named)', basis: 'own' };
  const attribute = (sentences: string[], last: Person | null = null) =>
    attributeParagraph(sentences, { people, ownVoice: own, reporter: 'Example Times' }, buildNameMatchers(people), last).voices.map(
      (v) => `${v.personId ?? v.name}/${v.basis}`,
    );

  it('GIVEN "X said" after a quotation, a title alias, "according to", a pronoun and connectives THEN each sentence gets the right voice', () => {
    expect(
      attribute([
        '“We will not be drawn into this conflict at all,” Roe said on Monday.',
        'The alliance met in Brussels.',
        'According to Li, trade will double by 2030.',
        'He also argues that tariffs will fall.',
        'Moreover, the yuan will strengthen.',
        'Markets closed higher.',
        '“Our position has not changed since last year,” the NATO spokesperson added.',
      ]),
    ).toEqual([
      'jane-roe/direct-quote',
      'Example Times/own',
      'li-wei/reported',
      'li-wei/reported',
      'li-wei/reported',
      'Example Times/own',
      'jane-roe/direct-quote',
    ]);
  });

  it('GIVEN a name that is the object of the verb, or in another clause THEN the name is not the speaker', () => {
    expect(
      attribute([
        'Officials told Roe that the deal was off.',
        'Reporters asked Li Wei whether trade would double.',
        'Critics called Roe a hawk.',
        'Roe visited Beijing, where officials said the talks had failed.',
        '“Trade will double by 2030,” said Li Wei.',
      ]),
    ).toEqual(['Example Times/own', 'Example Times/own', 'Example Times/own', 'Example Times/own', 'li-wei/direct-quote']);
  });

  it('GIVEN a possessive mention without a speech verb THEN the sentence stays in the source voice', () => {
    expect(attribute(["Li Wei's report was published on Friday."])).toEqual(['Example Times/own']);
  });

  it('GIVEN "He argues" at the top of a paragraph THEN it resolves to the last person named before', () => {
    expect(attribute(['He argues that prices will rise.'], people[1] ?? null)).toEqual(['li-wei/reported']);
  });

  it('GIVEN critics pointing something out THEN the group is the voice, as reported by the source', () => {
    expect(attribute(['Critics of the deal, however, point out that it costs too much.', 'Also, it takes too long.'])).toEqual([
      'Critics of the deal/reported',
      'Critics of the deal/reported',
    ]);
  });
});
