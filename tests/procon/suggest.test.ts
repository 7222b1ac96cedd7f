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
    expect(suggestTopics(topics, '').map((t) => t.id)).toEqual(['alliance', 'gas-deal']);
  });

  it('GIVEN a prefix THEN matching topics only', () => {
    expect(suggestTopics(topics, 'all').map((t) => t.id)).toEqual(['alliance']);
    expect(suggestTopics(topics, 'russia').map((t) => t.id)).toEqual(['alliance', 'gas-deal']);
    expect(suggestTopics(topics, 'zzz')).toEqual([]);
  });

  it('GIVEN many topics THEN at most 25 are offered, and a prefix picks its own', () => {
    const many = Array.from({ length: 60 }, (_, i) => makeTopic(`topic-${String(i).padStart(2, '0')}`));
    expect(suggestTopics(many, '')).toHaveLength(25);
    expect(suggestTopics(many, 'topic-5', 50).map((t) => t.id)).toEqual([
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
