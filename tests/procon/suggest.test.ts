import { describe, expect, it } from 'vitest';
import { renderUnknownTopicText } from '../../src/procon/render.ts';
import { findTopic, suggestTopics } from '../../src/procon/suggest.ts';
import { makeTopic } from './topics.ts';

const alliance = makeTopic('alliance', {
  question: 'Are China and Russia moving toward a formal alliance?',
  aliases: ['china-russia', 'china-russia alliance'],
});
const gas = makeTopic('gas-deal', { question: 'Is the $400 billion gas deal good for Russia?' });
const topics = [gas, alliance];

describe('finding a topic', () => {
  it.each([
    'alliance',
    ' Alliance ',
    'china russia',
    'China–Russia alliance',
    'are china and russia moving toward a formal alliance',
  ])('GIVEN "%s" THEN the alliance topic is found', (typed) => {
    const found = findTopic(topics, typed);
    expect(found.ok && found.topic.id).toBe('alliance');
  });

  it('GIVEN an unknown topic THEN the answer is the list of topics, likeliest first', () => {
    const found = findTopic(topics, 'russia gas');
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.error).toBe('procon.unknown-topic');
    expect(found.query).toBe('russia gas');
    expect(found.topics.map((t) => t.id)).toEqual(['gas-deal', 'alliance']);
    expect(renderUnknownTopicText(found.query, found.topics)).toBe(
      [
        'No topic called “russia gas”. Topics:',
        '  gas-deal — Is the $400 billion gas deal good for Russia?',
        '  alliance — Are China and Russia moving toward a formal alliance?',
      ].join('\n'),
    );
  });

  it('GIVEN a prefix of a topic THEN it is not guessed: the user gets the list', () => {
    expect(findTopic(topics, 'alli').ok).toBe(false);
  });
});

describe('autocomplete', () => {
  it('GIVEN nothing typed THEN every topic is offered, by id', () => {
    expect(suggestTopics(topics, '')).toEqual([
      { name: 'alliance — Are China and Russia moving toward a formal alliance?', value: 'alliance' },
      { name: 'gas-deal — Is the $400 billion gas deal good for Russia?', value: 'gas-deal' },
    ]);
  });

  it('GIVEN a prefix THEN matching topics only', () => {
    expect(suggestTopics(topics, 'all').map((c) => c.value)).toEqual(['alliance']);
    expect(suggestTopics(topics, 'russia').map((c) => c.value)).toEqual(['alliance', 'gas-deal']);
    expect(suggestTopics(topics, 'zzz')).toEqual([]);
  });

  it('GIVEN many topics with long questions THEN at most 25 choices, names 1–100 characters cut at a word', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      makeTopic(`topic-${String(i).padStart(2, '0')}`, {
        question: `${'Would a very long question '.repeat(8)}number ${i}?`,
      }),
    );
    const choices = suggestTopics(many, '');
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.name.endsWith('…')).toBe(true);
      expect(c.name.slice(0, -1).endsWith(' ')).toBe(false);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(suggestTopics(many, 'topic-5', 50).map((c) => c.value)).toEqual([
      'topic-50',
      'topic-51',
      'topic-52',
      'topic-53',
      'topic-54',
      'topic-55',
      'topic-56',
      'topic-57',
      'topic-58',
      'topic-59',
    ]);
  });
});
