/**
 * The expected voice of every quotation and reported argument in the seeds, and the rules on a new
 * article that no override knows about.
 */
import { describe, expect, it } from 'vitest';
import { buildNameMatchers, createSourceAttributor } from '../../src/corpus/attribution/attribute.ts';
import { parseNamePhrase, sameSpeaker } from '../../src/corpus/attribution/names.ts';
import { splitSentences } from '../../src/corpus/segment.ts';
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
  // A sentence with a quotation of 4+ words and no speaker is an unattributed quotation by default (issue 9);
  // this one is the post's own claim, and its corpus file says so with an override.
  [`${IDS.russiaInsider}:7.2`, 'China and Russia are working together on', null, 'override'],
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

const OWN: Voice = { personId: null, name: 'Miriam Okafor', role: 'author', basis: 'own' };

/** Attributes paragraphs of a new article as the loader does, and shows each sentence as `speaker/basis`. */
function attributeArticle(paragraphs: readonly string[], people: readonly Person[] = []): string[][] {
  const attributor = createSourceAttributor({ people, ownVoice: OWN, reporter: 'Example Times' }, buildNameMatchers(people));
  return paragraphs.map((text, i) =>
    attributor.paragraph(text, splitSentences(text), paragraphs[i + 1]).map((v) => `${v.personId ?? v.name}/${v.basis}`),
  );
}

/** The full voices of one paragraph, for roles and rules. */
function voicesOf(paragraphs: readonly string[], people: readonly Person[] = []): Voice[][] {
  const attributor = createSourceAttributor({ people, ownVoice: OWN, reporter: 'Example Times' }, buildNameMatchers(people));
  return paragraphs.map((text, i) => attributor.paragraph(text, splitSentences(text), paragraphs[i + 1]));
}

/** The voice of a reply after Governor Paul Hart spoke and the source said `between`: whom its pronoun means. */
function replyAfterHart(between: string, reply = '“Every school will be open by September,” he said.'): Voice | undefined {
  return voicesOf(['“We will not back down,” said Governor Paul Hart.', between, reply])[2]?.[0];
}

describe('attribution rules on a new article with a registry', () => {
  const people: Person[] = [
    { id: 'jane-roe', name: 'Jane Roe', role: 'NATO spokesperson', aliases: ['Roe', 'the NATO spokesperson'] },
    { id: 'li-wei', name: 'Li Wei', role: 'economist', aliases: ['Li'] },
  ];
  const attribute = (sentences: string[]) => attributeArticle([sentences.join(' ')], people)[0];

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
      'Miriam Okafor/own',
      'li-wei/reported',
      'li-wei/reported',
      'li-wei/reported',
      'Miriam Okafor/own',
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
    ).toEqual(['Miriam Okafor/own', 'Miriam Okafor/own', 'Miriam Okafor/own', 'Miriam Okafor/own', 'li-wei/direct-quote']);
  });

  it('GIVEN a possessive mention without a speech verb THEN the sentence stays in the source voice', () => {
    expect(attribute(["Li Wei's report was published on Friday."])).toEqual(['Miriam Okafor/own']);
  });

  it('GIVEN critics pointing something out THEN the group is the voice, as reported by the source', () => {
    expect(attribute(['Critics of the deal, however, point out that it costs too much.', 'Also, it takes too long.'])).toEqual([
      'Critics of the deal/reported',
      'Critics of the deal/reported',
    ]);
  });
});

describe('speakers found in the text, with no people.yaml entry', () => {
  it('GIVEN a title before the name THEN the named person speaks, with the title as role, never the byline', () => {
    const [voices] = voicesOf(['“We are not in a hurry to sign,” Deputy Energy Minister Anton Veselov told reporters.']);
    expect(voices?.[0]).toMatchObject({ personId: null, name: 'Anton Veselov', role: 'Deputy Energy Minister', basis: 'direct-quote' });
  });

  it('GIVEN an apposition after the name THEN it is the role', () => {
    const [voices] = voicesOf([
      'Daniel Ortega-Reyes, a senior fellow at the Meridian Institute, said the talks were “a shadow play for the cameras.”',
    ]);
    expect(voices?.[0]).toMatchObject({ name: 'Daniel Ortega-Reyes', role: 'senior fellow at the Meridian Institute', basis: 'direct-quote' });
  });

  it('GIVEN each cue family THEN the quotation goes to the person it names', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['“The pipeline will be finished by spring,” said Lin Meihua.', 'Lin Meihua'],
      ['According to Dr. Sara Ito, “the numbers simply do not add up here.”', 'Sara Ito'],
      ['“Nobody in this room believed the forecast,” Tom Haller quipped.', 'Tom Haller'],
      ['“That is not what the treaty says at all,” Nora Blum interjected.', 'Nora Blum'],
      ['“We will hold the line on every tariff,” Paul Greer tweeted.', 'Paul Greer'],
      ['“If they were serious about this, they would have gone to the only bipartisan bill,” Pat Toomey fumed on Tuesday.', 'Pat Toomey'],
      ['Jen Palmer accused the senator of “using a Karl Rove attack to go after” her candidate.', 'Jen Palmer'],
      ['“The memo was written in a single afternoon,” Karen Dunn told CNN.', 'Karen Dunn'],
      ['Senator Ruth Alder attacked the plan on Tuesday, saying it would “leave every farmer worse off than before.”', 'Ruth Alder'],
      ['Mayor Ivan Petrov attacked the budget, calling the memo “a fairy tale written for the donors.”', 'Ivan Petrov'],
      ['Robby Mook agreed: “We have to win these states one county at a time.”', 'Robby Mook'],
      ['“Fifteen dollars an hour will let me pay my own way,” Valdez Anderson, who works at a heating and air-conditioning firm, said.', 'Valdez Anderson'],
      ['On Thursday, after staying neutral all year, Ellen Warrick endorsed the governor, saying, “I think having a fighter matters.”', 'Ellen Warrick'],
      ['Group President Jessica Mackler issued a statement saying his comment “has absolutely no place in our democracy.”', 'Jessica Mackler'],
      ['As the Herald’s Ruth Marcel puts it, “Senate leaders are unmoved and the activists are uninspired.”', 'Ruth Marcel'],
      [
        'James Zogby, a superdelegate from the District and the president of the D.C.-based Arab American Institute, said: “I just do not think it is possible.”',
        'James Zogby',
      ],
      ['“Thanks, Clarkston, for welcoming these families,” said master of ceremonies Asab Al-Tabchi, a Syrian engineer.', 'Asab Al-Tabchi'],
      ['“We are treating the month as one long Election Day,” said Rubio’s deputy campaign manager, Rich Beeson, who ran it.', 'Rich Beeson'],
      ['The surge does not surprise Republican pollster Dana Shaw: “Lesser-known candidates often see the biggest boost.”', 'Dana Shaw'],
      ['Former Secretary of State Ada Brill put it bluntly: “There is a special place for people who do not help.”', 'Ada Brill'],
      ['Former Secretary of State Ada Brill urged women to vote, saying, “There is a special place for them.”', 'Ada Brill'],
      ['“There is no deal on the table yet,” said Rep. Jane Doe, a Democrat from Ohio.', 'Jane Doe'],
      ['“The church will stay open all night,” said the Rev. John Smith.', 'John Smith'],
      ['“I flew the shuttle twice and I would do it again,” Ms. Kelly Marsh, a retired astronaut, said.', 'Kelly Marsh'],
      ['“We have seen this kind of storm before,” Ed Smith, 70, told reporters.', 'Ed Smith'],
      ['“The ballots were counted twice in every precinct,” Sen. Charles E. Grassley said.', 'Charles E. Grassley'],
      ['“Nobody should have to choose between rent and medicine” ― Ana Ruiz', 'Ana Ruiz'],
      ['“The count was slow in every county,“ said Larry Noble, an election lawyer.', 'Larry Noble'],
      ['“I am for the mandate, darn it,” Ted Cruz, who has proposed repealing the mandate, said at the time.', 'Ted Cruz'],
      ['Her rival’s “excesses” are sickening, Mayor Anne Hollis said in Paris, noting the nominee “makes you want to leave the room.”', 'Anne Hollis'],
    ];
    for (const [text, speaker] of cases) {
      const [voices] = voicesOf([text]);
      expect(voices?.[0]?.name, text).toBe(speaker);
      expect(voices?.[0]?.basis, text).toBe('direct-quote');
    }
  });

  it('GIVEN a quotation signed with a dash that the splitter puts in a sentence of its own THEN the signer speaks', () => {
    const [first, second] = voicesOf([
      '“The debate changed my mind. I will vote this year. Nobody in my family ever has.”― Pamela Ortiz',
      '“He should answer the question he was asked, not another one.” — Carl Mendez.',
    ]);
    expect(first?.[0]).toMatchObject({ name: 'Pamela Ortiz', basis: 'direct-quote' });
    expect(second?.[0]).toMatchObject({ name: 'Carl Mendez', basis: 'direct-quote' });
  });

  it('GIVEN a sentence with an attributed quotation and a longer one with no cue of its own THEN the sentence has the speaker', () => {
    const [voices] = voicesOf([
      '“It is not new in this state,” said Rep. Bobby Scott at the time, adding that “we have been electing people from every community to office for a very long time.”',
    ]);
    expect(voices?.[0]).toMatchObject({ name: 'Bobby Scott', basis: 'direct-quote' });
  });

  it('GIVEN a place or a state named next to the verb THEN it is not the speaker', () => {
    const [seaman] = voicesOf([
      'Michael Seaman, who lives in an area outside the state capital, Sacramento, said he still “prays that Bernie ends up the nominee at the convention.”',
    ]);
    expect(seaman?.[0]?.name).toBe('Michael Seaman');
    for (const text of [
      'In early October, Trump’s Virginia state director, Mike Rubino, reached out to the firm, writing in an email: “We want to use this as soon as we can.”',
      'Attorneys for Clinton appeared to oppose the effort, saying in court files that her account “has never been the property of the government.”',
    ]) {
      const [voices] = voicesOf([text]);
      expect(['Virginia', 'Attorneys'], text).not.toContain(voices?.[0]?.name);
    }
  });

  it('GIVEN an inverted cue naming a role for someone ("said a longtime adviser to Trump") THEN that someone is not the speaker', () => {
    for (const text of [
      '“His knowledge is about twenty years old,” said a longtime adviser to Bill Harmon.',
      '“We recommended the opposite direction,” said the former top aide to President George W. Bush.',
    ]) {
      const [voices] = voicesOf([text]);
      expect(voices?.[0]?.basis, text).not.toBe('direct-quote');
    }
  });

  it('GIVEN another person named in the same sentence THEN the speaker is the one the cue names', () => {
    const [voices] = voicesOf(['“Clinton has never understood this state,” said Mark Olsen, who backed Trump in the primary.']);
    expect(voices?.[0]?.name).toBe('Mark Olsen');
  });

  it('GIVEN a quotation paragraph and a signature line under it ("- Bernie Sanders.") THEN the signer speaks', () => {
    const voices = voicesOf([
      '"Almost all new income and wealth is going to the top 1 percent of the country."',
      '- Nora Lindqvist.',
      'The senator is relying on an outdated statistic, and the numbers changed over the summer.',
      '"The idea that I would dismantle health care is just not accurate at all."',
      'The claim was checked by our colleagues.',
    ]);
    expect(voices[0]?.[0]).toMatchObject({ name: 'Nora Lindqvist', basis: 'direct-quote' });
    // No signature under it: no speaker (the next paragraph is the source's own words).
    expect(voices[3]?.[0]?.basis).toBe('unattributed');
  });

  it('GIVEN a sentence headed by a name and a title apposition THEN a later bare surname is that person', () => {
    const voices = voicesOf([
      'Joh Husted, Ohio Secretary of State, voiced his anger at the ruling on Monday.',
      '“This last-minute legislating from the bench on election law has to stop,” Husted said.',
    ]);
    expect(voices[1]?.[0]).toMatchObject({ name: 'Joh Husted', basis: 'direct-quote' });
  });

  it('GIVEN a last speaker whose gender no name tells and nobody named since THEN "he said" is that speaker', () => {
    const voices = voicesOf([
      '“We are not doing very well this year,” said Soe Min, a party member.',
      '“The other side is in a superior position now,” he added.',
      'Rep. Okonkwo disagreed with the party on Monday.',
      '“That is simply not true and never was,” she said.',
    ]);
    expect(voices[1]?.[0]).toMatchObject({ name: 'Soe Min', basis: 'direct-quote' });
    // Someone else named since: nobody.
    expect(voices[3]?.[0]?.basis).toBe('unattributed');
  });

  it('GIVEN a surname that ends like a participle THEN it is still the person named in full before', () => {
    const voices = voicesOf([
      'Betsy Ebeling has known the candidate since the sixth grade.',
      '“Tell her I promised you a picture,” Ebeling said, and her husband cut in.',
    ]);
    expect(voices[1]?.[0]).toMatchObject({ name: 'Betsy Ebeling', basis: 'direct-quote' });
    // Never named in full: a lone word ending in -ing is not taken for a name.
    const [alone] = voicesOf(['“Tell her I promised you a picture,” Ebeling said, and her husband cut in.']);
    expect(alone?.[0]?.basis).toBe('unattributed');
  });

  it('GIVEN later mentions by surname and honorific THEN they resolve to the person first named in full', () => {
    const voices = voicesOf([
      'Deputy Energy Minister Anton Veselov met the delegation on Monday.',
      '“The price is not negotiable this winter,” Veselov said.',
      'Prices rose on the news.',
      '“We have other buyers waiting in line,” Mr. Veselov added.',
    ]);
    expect(voices[1]?.[0]).toMatchObject({ name: 'Anton Veselov', role: 'Deputy Energy Minister' });
    expect(voices[3]?.[0]).toMatchObject({ name: 'Anton Veselov', role: 'Deputy Energy Minister' });
  });

  it('GIVEN "he said" a sentence and a paragraph after the speaker was named THEN the pronoun resolves to him', () => {
    const voices = voicesOf([
      '“We will not back down,” said Governor Paul Hart. “The state has the money.”',
      '“Every school will be open by September,” he said.',
    ]);
    expect(voices[0]?.map((v) => v.name)).toEqual(['Paul Hart', 'Paul Hart']);
    expect(voices[1]?.[0]).toMatchObject({ name: 'Paul Hart', rule: 'pronoun' });
  });

  it('GIVEN "she said" when the last speaker was a man THEN the quotation is unattributed, not given to him', () => {
    const voices = voicesOf(['“We will not back down,” said Governor Paul Hart.', '“That is simply untrue,” she said.']);
    expect(voices[1]?.[0]).toMatchObject({ basis: 'unattributed', personId: null, name: 'Speaker unknown' });
  });

  it('GIVEN a quotation of several sentences and one that runs over a paragraph break THEN every sentence carries its speaker', () => {
    const voices = voicesOf([
      '“We are not in a hurry. We have other buyers. We will wait,” said Lin Meihua, a trade negotiator.',
      '“The first paragraph of my statement ends here.',
      '“And the second one carries on without a new cue,” said Tom Haller.',
    ]);
    expect(voices[0]?.every((v) => v.name === 'Lin Meihua' && v.basis === 'direct-quote')).toBe(true);
    expect(voices[2]?.[0]?.name).toBe('Tom Haller');
    const continued = voicesOf([
      'Tom Haller spoke first. “The first paragraph of my statement ends here,” Haller said. “And it goes on.',
      '“This paragraph continues the same quotation with no cue of its own.”',
    ]);
    expect(continued[1]?.[0]).toMatchObject({ name: 'Tom Haller', rule: 'continuation' });
  });

  it('GIVEN a quotation with no speaker in the text THEN it is unattributed, as reported by the publication — never the byline', () => {
    const [voices] = voicesOf(['The agency released new figures on Monday.', '“The spending will continue for another decade at least.”'].join(' ').split('|'));
    const quoted = voices?.[1];
    expect(quoted).toMatchObject({ personId: null, basis: 'unattributed', rule: 'unattributed', role: 'unattributed quotation, as reported by Example Times' });
    expect(quoted?.name).not.toBe(OWN.name);
    expect(voices?.[0]).toMatchObject({ name: OWN.name, basis: 'own' });
  });

  it('GIVEN officials or critics as the subject THEN the quotation has a group voice', () => {
    const [voices] = voicesOf(['“The border will remain closed until further notice,” officials said.']);
    expect(voices?.[0]).toMatchObject({ personId: null, name: 'Officials', role: 'as reported by Example Times', rule: 'group' });
  });

  it('GIVEN a registry alias and a fuller name for someone else in this source THEN the source’s own person wins', () => {
    const people: Person[] = [{ id: 'michael-flynn', name: 'Michael Flynn', role: 'retired general', aliases: ['Flynn'] }];
    const other = voicesOf(['Ed Flynn, the police chief, met the council.', '“Our officers did their job,” Flynn said.'], people);
    expect(other[1]?.[0]).toMatchObject({ personId: null, name: 'Ed Flynn' });
    const registered = voicesOf(['“The briefing was classified,” Flynn said.'], people);
    expect(registered[0]?.[0]).toMatchObject({ personId: 'michael-flynn', name: 'Michael Flynn', role: 'retired general' });
  });

  it('GIVEN two people with the same surname in two sources THEN each source keeps its own', () => {
    const first = voicesOf(['Mary Jones, a nurse, spoke at the hearing.', '“The ward was full every night,” Jones said.']);
    const second = voicesOf(['Carl Jones, a banker, was not at the hearing.', '“Rates will rise before the summer,” Jones said.']);
    expect(first[1]?.[0]?.name).toBe('Mary Jones');
    expect(second[1]?.[0]?.name).toBe('Carl Jones');
  });
});

describe('attribution that stays right on articles nobody tuned it for', () => {
  it('GIVEN names the first-name lists or the title list do not know THEN the cue still names them', () => {
    const cases: readonly (readonly [string, string, string])[] = [
      // A surname that ends like a participle is still a name.
      ['“The city has waited long enough for this,” Zaheed said.', 'Zaheed', ''],
      ['“Our schools need the money this year,” New York City Public Advocate Tia Marsh said.', 'Tia Marsh', 'New York City Public Advocate'],
      ['“I do not know what it is going to take,” said Senate Minority Whip Dan Corbin in an interview.', 'Dan Corbin', 'Senate Minority Whip'],
      // The inversion at the end of the sentence, after more of it.
      ['Her rival “drew well from every county” in the last primary, said Ohio State University professor Paul Beck.', 'Paul Beck', 'professor'],
      // A short quotation that a cue follows is someone's words, and the quotation after it is theirs too.
      ['“It is unusual,” said Larry Noble, an election lawyer. “It is a hard thing to pull off without a misstep.”', 'Larry Noble', 'election lawyer'],
      // The nearest cue names nobody ("the Senate goes on recess"): the one before it does.
      ['By contrast, Sen. Mark Rubin said that once the Senate goes on recess, “I intend to help wherever I can.”', 'Mark Rubin', 'Sen.'],
      ['“How do we win this county, and how fast?” asked Sen. Maria Cantwell of Washington.', 'Maria Cantwell', 'Sen.'],
      // A head name and an apposition too branched for the pattern, then ", said".
      ['Rich Heffley, a top operative who played a major role in 2008 and now runs the early vote, said the program is a “critical part of our strategy.”', 'Rich Heffley', 'top operative'],
      ['“Both of them scare me more than I can say,” Harry Bond, 30, of Raleigh, N.C., who was among those polled, said later.', 'Harry Bond', ''],
      ['Cruz Alvarez himself said Tuesday that “the only way to win the state is to ask, one on one.”', 'Cruz Alvarez', ''],
      // The inverted verb right before the quotation.
      ['Because of how the schedule was crafted, explained Simon Rosenberg, “there is a scenario where it is hard to be heard.”', 'Simon Rosenberg', ''],
    ];
    for (const [text, name, role] of cases) {
      const voices = voicesOf([text]);
      expect(voices[0]?.every((v) => v.name === name && v.basis === 'direct-quote'), text).toBe(true);
      expect(voices[0]?.[0]?.role, text).toBe(role);
    }
  });

  it('GIVEN a name that a preposition or a subordinate clause governs THEN it is not the speaker', () => {
    const voices = voicesOf([
      'Hanna Berg, during a town hall meeting in Columbus, Ohio, said she was “going to put a lot of people back to work.”',
      '“They are not terminable at will,” city spokesperson Ron Lieber told the paper in July, after Mayor Tom Adler stated an interest in ending the deal.',
      'Mark Holden, chairman of the board of Freedom Partners, the network’s funding arm, said it would act only if “a candidate were able to garner real support.”',
      'The leader of the Anti-Defamation League, Jon Greenblatt, warned that such a ban would be “unacceptable and antithetical to our values.”',
      'Senate Majority Leader Mitch Connell delivered a blunt message to Trump: “It is time to quit attacking the people you competed with.”',
    ]);
    expect(voices.map((v) => v[0]?.name)).toEqual(['Hanna Berg', 'Ron Lieber', 'Mark Holden', 'Jon Greenblatt', 'Mitch Connell']);
    // "said of Sanders:" names whom the words are about.
    const about = voicesOf(['Recalling that moment, David Axelrod, who ran the campaigns, said of Sanders: “The question is, will he do the same?”']);
    expect(about[0]?.[0]?.name).toBe('David Axelrod');
  });

  it('GIVEN "he said" after someone else of his gender (or of unknown gender) was named THEN the pronoun is not guessed', () => {
    const reply = replyAfterHart('Sen. Cruz, the challenger, has attacked the plan for months.');
    expect(reply).toMatchObject({ basis: 'unattributed', name: 'Speaker unknown' });
    // A woman named in between does not stand in the way of "he".
    const between = replyAfterHart('Mary Cole, his deputy, nodded.');
    expect(between).toMatchObject({ name: 'Paul Hart', rule: 'pronoun' });
  });

  it('GIVEN one new person of the pronoun’s gender as the subject since the last speaker THEN "she" is that person', () => {
    const reply = replyAfterHart('Susan Miller, the state treasurer, disagreed on Tuesday.', '“There is no money for it this year,” she said.');
    expect(reply).toMatchObject({ name: 'Susan Miller', rule: 'pronoun' });
  });

  it('GIVEN a lower-case role before the new person heading the sentence THEN "she" is that person', () => {
    const reply = replyAfterHart('State treasurer Susan Miller disagreed on Tuesday.', '“There is no money for it this year,” she said.');
    expect(reply).toMatchObject({ name: 'Susan Miller', rule: 'pronoun' });
  });

  it('GIVEN a place whose first word is also a first name ("North Korea", "Fort Pierce") named since THEN "he" is still the speaker', () => {
    const reply = replyAfterHart('The talks with North Korea resumed in Fort Pierce on Tuesday, and Harvard Law School sent observers.');
    expect(reply).toMatchObject({ name: 'Paul Hart', rule: 'pronoun' });
    // A title before a body's name is no woman either.
    const pageant = voicesOf(['“We will not back down,” said Governor Jane Hart.', 'Miss Universe sent her greetings.', '“Every school will be open,” she said.']);
    expect(pageant[2]?.[0]).toMatchObject({ name: 'Jane Hart', rule: 'pronoun' });
  });

  it('GIVEN "he" later in a sentence whose subject is a person THEN "he" is that subject, not the last speaker', () => {
    const voices = voicesOf([
      'Attorney General Ray Cooper called for releasing the videos, saying that openness “breaks down barriers.”',
      'Kerr Putney, the city police chief, said the footage was not conclusive, but he said that it “supports what we have heard.”',
    ]);
    expect(voices[1]?.[0]).toMatchObject({ name: 'Kerr Putney', rule: 'pronoun' });
  });

  it('GIVEN a name that is part of a role ("Cruz spokesman Rick Tyler") THEN the person after the role is the subject', () => {
    const reply = replyAfterHart('Hart spokesman Rick Tyler said the office would answer on Monday.', '“There is nothing more to say,” he said.');
    expect(reply).toMatchObject({ name: 'Rick Tyler', rule: 'pronoun' });
  });

  it('GIVEN a person right before a participle ("footage of Mara Lind asking, “…”") THEN that person speaks', () => {
    const [voices] = voicesOf(['The new ad uses footage of Mara Lind asking, “Why are we not fifty points ahead, you might ask?”']);
    expect(voices?.[0]).toMatchObject({ name: 'Mara Lind', basis: 'direct-quote' });
  });

  it('GIVEN a quotation left open at the end of its paragraph THEN the name the next paragraph credits is its speaker', () => {
    const voices = voicesOf([
      '“It is a dog whistle to every voter,” Rep. Gail Moran said Friday.',
      '“If indeed the president is not legitimate, then how can you feel good about yourself as a student.',
      '“I have been doing a lot of thinking about where we are as a country,” added Rep. Jim Colby (D-S.C.), the assistant leader.',
    ]);
    expect(voices[1]?.[0]).toMatchObject({ name: 'Jim Colby', basis: 'direct-quote' });
    expect(voices[2]?.[0]).toMatchObject({ name: 'Jim Colby', basis: 'direct-quote' });
  });

  it('GIVEN the last speaker as the latest subject, named more often than the man named since THEN "he" is the speaker', () => {
    const reply = replyAfterHart('Hart has met Senator Tom Cruz twice this year. Hart left the talks early.');
    expect(reply).toMatchObject({ name: 'Paul Hart', rule: 'pronoun' });
    // Named as often as the other man, or not the latest subject, or after a sentence headed by someone the text
    // cannot place ("Delaney said …"), he is not guessed.
    for (const between of [
      'Senator Tom Cruz toured the plant. Cruz has met voters twice. Hart stayed home.',
      'Hart met Senator Tom Cruz twice this year. Mayor Bill Dean left the talks early.',
      'Hart has met Senator Tom Cruz twice this year. Delaney left the talks early. Hart stayed home.',
    ]) {
      expect(replyAfterHart(between), between).toMatchObject({ basis: 'unattributed' });
    }
  });

  it('GIVEN a person named as the speaker of reported speech THEN the "he said" after it is theirs, whoever else the sentence names', () => {
    for (const between of [
      'Mayor Tom Reyes said Senator Dan Ortiz had never asked the city.',
      'Mayor Tom Reyes was there. Senator Dan Ortiz had never asked the city, Reyes said.',
      'Mayor Tom Reyes, a friend of Senator Dan Ortiz, told reporters the city was never asked.',
    ]) {
      expect(replyAfterHart(between, '“Nobody asked us,” he said.'), between).toMatchObject({ name: 'Tom Reyes', rule: 'pronoun' });
    }
    // Not a speech verb: the sentence's people are only named since the last speaker, and "he" is not guessed.
    expect(replyAfterHart('Mayor Tom Reyes met Senator Dan Ortiz in May.', '“Nobody asked us,” he said.')).toMatchObject({
      basis: 'unattributed',
    });
  });

  it('GIVEN a sentence headed by a title with "of", by a name before an apposition, or by a prepositional phrase THEN its subject is the person', () => {
    for (const [between, who] of [
      ['Secretary of State Jon Kirby said in a statement on Sunday that the vote was flawed.', 'Jon Kirby'],
      ['On Hart’s claim that the schools are ready, state auditor Will Brandt said he had doubts.', 'Will Brandt'],
      ['Recently, Will Brandt, the state auditor, was asked whether the schools are ready.', 'Will Brandt'],
    ] as const) {
      expect(replyAfterHart(between, '“Nobody has seen the figures,” he said.'), between).toMatchObject({ name: who, rule: 'pronoun' });
    }
  });

  it('GIVEN a sentence opened by a name and a role, with another name in its apposition THEN the opening name is its subject', () => {
    const voices = voicesOf([
      '“The race is close,” said Tim Canova, a law professor.',
      'Florida delegate John Archer, wearing a Canova T-shirt, said he was proud of the campaign.',
      '“He is doing it the right way,” he said.',
    ]);
    expect(voices[2]?.[0]).toMatchObject({ name: 'John Archer', rule: 'pronoun' });
  });

  it('GIVEN a description with "and" between the name and the verb ("Mara Cyr, the director … and whose …, told") THEN she speaks, in that role', () => {
    const [voices] = voicesOf([
      '“This narrative is not just in our institutions,” Mara Cyr, the executive director at the Center for Media Justice and whose work is in the film, told reporters.',
    ]);
    expect(voices?.[0]).toMatchObject({ name: 'Mara Cyr', role: 'executive director at the Center for Media Justice', basis: 'direct-quote' });
  });

  it('GIVEN the source’s words closed by a name and a verb ("…, Schiff said.") THEN they are his, and a bare quotation after them too', () => {
    const voices = voicesOf([
      'The administration may be reluctant to act while the talks go on, Shiffer said.',
      '"The other factor the administration may be weighing is how it would look to the voters."',
    ]);
    expect(voices[0]?.[0]).toMatchObject({ name: 'Shiffer', basis: 'reported' });
    expect(voices[1]?.[0]).toMatchObject({ name: 'Shiffer', basis: 'direct-quote' });
  });

  it('GIVEN a cue that names someone before the closing "said X" ("… can catch Clinton, said Steve Elm") THEN X speaks', () => {
    const [voices] = voicesOf([
      '"He can assert it, but it seems extremely unlikely" that Sanders can catch Clinton, said Steve Elm, deputy campaign manager for John Kerry in 2004.',
    ]);
    expect(voices?.[0]).toMatchObject({ name: 'Steve Elm', basis: 'direct-quote' });
  });

  it('GIVEN a speech verb whose words are a short quotation right after it ("called “distasteful,”") THEN it names no speaker for the next one', () => {
    const [voices] = voicesOf([
      'And, in a clip that Judge Mark Moss called "distasteful," Paul Santo expressed a desire to "try, convict and then punish the governor in public."',
    ]);
    expect(voices?.[0]?.name).not.toBe('Mark Moss');
  });

  it('GIVEN a transcript line (`Rep. Ted Gold (R-S.C.):"…"`) THEN the words are the named person’s, never the byline’s own', () => {
    const [voices] = voicesOf(['Rep. Ted Gold (R-S.C.):"I have not heard anyone other than you ever cite that figure. Who told you that?"']);
    expect(voices?.[0]).toMatchObject({ name: 'Ted Gold', basis: 'direct-quote' });
  });

  it('GIVEN a woman’s quotation, a man named, then "He responds, “…”" in the same paragraph THEN the reply is not carried on as hers', () => {
    const voices = voicesOf([
      'An exchange between Hillary Clinton and her aide Jake Sullivan shows the two discussing it.',
      '“Remind me, did we not first use the word?” Clinton writes to Sullivan. He responds, “Yes, but happy to give it to them at this point.”',
    ]);
    expect(voices[1]?.[1]?.name).not.toBe('Hillary Clinton');
  });

  it('GIVEN a body that spoke last ("Judicial Watch said") THEN "he said" after it is not given to the body', () => {
    const voices = voicesOf(['“The records were never handed over,” Judicial Watch said.', '“Nobody is listening to us,” he said.']);
    expect(voices[0]?.[0]?.name).toBe('Judicial Watch');
    expect(voices[1]?.[0]).toMatchObject({ basis: 'unattributed' });
  });

  it('GIVEN someone named in the speaker’s own description THEN a "he said" after it is still the speaker', () => {
    const voices = voicesOf([
      '“Now is the time to come to the aid of the party,” said Dan Fowler, who chaired it during Bill Carter’s presidency.',
      '“She had better get well before she goes back out there,” he said.',
    ]);
    expect(voices[1]?.[0]).toMatchObject({ name: 'Dan Fowler', rule: 'pronoun' });
    // Named in a sentence of the source's own after the quotation, the same man does stand in the way.
    const after = voicesOf([
      '“Now is the time to come to the aid of the party,” said Dan Fowler.',
      'He chaired it during Bill Carter’s presidency.',
      '“She had better get well before she goes back out there,” he said.',
    ]);
    expect(after[2]?.[0]).toMatchObject({ basis: 'unattributed' });
  });

  it('GIVEN a surname two people of the source share THEN it is the one named more often, and on a tie nobody', () => {
    const often = voicesOf([
      'Carly Fiorina, the former chief executive, spoke first.',
      'Fiorina later met Frank Fiorina, her husband, at the airport.',
      '“The merger was the best option for us,” Fiorina said.',
    ]);
    expect(often[2]?.[0]?.name).toBe('Carly Fiorina');
    const tie = voicesOf(['Bill Clinton and Hillary Clinton arrived together.', '“We are glad to be back in this city,” Clinton said.']);
    expect(tie[1]?.[0]).toMatchObject({ basis: 'unattributed' });
  });

  it('GIVEN a first name alone, or a name written without its accents THEN it is the person named in full', () => {
    const voices = voicesOf([
      'Hillary Clinton spoke after the debate.',
      'Hillary shot back, “I chose to fulfil my profession, and I would do it again.”',
      'François Hollande met reporters in Paris.',
      '“France will always be France, whatever anyone says,” Francois Hollande said.',
    ]);
    expect(voices[1]?.[0]?.name).toBe('Hillary Clinton');
    expect(sameSpeaker(voices[3]?.[0]?.name ?? '', 'François Hollande')).toBe(true);
  });

  it('GIVEN a bare quotation right after a named person’s reported speech THEN it carries on that person; with a failed cue it does not', () => {
    const voices = voicesOf([
      'Ash Porter said that for decades critics had predicted a withdrawal from the region, but this would not happen.',
      '“That is because this region remains the most consequential for our own security and prosperity.”',
      'Ash Porter said the fleet would stay in the region for the coming decade.',
      '“That is because this region remains the most important,” an angry Dorn retaliated.',
    ]);
    expect(voices[1]?.[0]).toMatchObject({ name: 'Ash Porter', basis: 'direct-quote', rule: 'continuation' });
    expect(voices[3]?.[0]).toMatchObject({ basis: 'unattributed' });
  });

  it('GIVEN a question quoted inside a quotation before its cue THEN the cue stays in its sentence', () => {
    const sentences = splitSentences('“Her response was, ‘What can we do to help?’” Renteria told reporters on the call.');
    expect(sentences).toHaveLength(1);
  });
});

describe('names', () => {
  it('splits titles from names, and says which written names can be one person', () => {
    expect(parseNamePhrase('Deputy Energy Minister Anton Veselov')).toMatchObject({ name: 'Anton Veselov', title: 'Deputy Energy Minister' });
    expect(parseNamePhrase('Mr. Veselov')).toMatchObject({ name: 'Veselov', gender: 'm' });
    expect(parseNamePhrase('The White House')).toBeNull();
    expect(parseNamePhrase('Interestingly Blocher')).toMatchObject({ name: 'Blocher' });
    expect(sameSpeaker('Donald J. Trump', 'Trump')).toBe(true);
    expect(sameSpeaker('Bill Clinton', 'Hillary Clinton')).toBe(false);
    expect(sameSpeaker("Brett O'Donnell", 'Brett O’Donnell')).toBe(true);
    expect(sameSpeaker('François Hollande', 'Francois Hollande')).toBe(true);
    expect(parseNamePhrase('Journalist Carl Leubsdorf')).toMatchObject({ name: 'Carl Leubsdorf', title: 'Journalist' });
    expect(parseNamePhrase('Alderman William D. Burns')).toMatchObject({ name: 'William D. Burns', title: 'Alderman' });
    expect(parseNamePhrase('DJ Beverly Bond')).toMatchObject({ name: 'Beverly Bond', title: 'DJ' });
    expect(parseNamePhrase('Amy Pope')).toMatchObject({ name: 'Amy Pope', title: '' });
    expect(parseNamePhrase('former Vermont governor Howard Dean')).toMatchObject({ name: 'Howard Dean' });
    expect(parseNamePhrase('Former President')).toBeNull();
    expect(parseNamePhrase('Mister Rogers')).toMatchObject({ name: 'Rogers', gender: 'm' });
    expect(parseNamePhrase('Jared')).toMatchObject({ name: 'Jared' });
    expect(parseNamePhrase('Carly Fiorina')).toMatchObject({ name: 'Carly Fiorina' });
    expect(parseNamePhrase('Asked')).toBeNull();
  });
});
