/** A pronoun opening a sentence of reported speech: "He argues …", "She then pointed out …". */
import { describe, expect, it } from 'vitest';
import { pronounSpeaker } from '../../../src/corpus/attribution/reported.ts';

describe('pronounSpeaker', () => {
  it('GIVEN He/She, an optional adverb and a speech verb (with its particle where it needs one) THEN the pronoun', () => {
    expect(pronounSpeaker('He argues that the partnership is hollow.')).toBe('He');
    expect(pronounSpeaker('She then pointed out that trade had doubled.')).toBe('She');
    expect(pronounSpeaker('He first quipped that nobody had asked.')).toBe('He');
    expect(pronounSpeaker('She fired back that the numbers were wrong.')).toBe('She');
  });

  it('GIVEN no speech verb, a verb without its particle, or another opening THEN null', () => {
    expect(pronounSpeaker('He visited Moscow in May.')).toBeNull();
    expect(pronounSpeaker('She fired the manager.')).toBeNull();
    expect(pronounSpeaker('They argue that it is hollow.')).toBeNull();
    expect(pronounSpeaker('He also.')).toBeNull();
  });
});
