import { describe, expect, it } from 'vitest';
import { TermMasks } from '../../src/search/scratch.ts';

describe('TermMasks', () => {
  it('GIVEN bits added for terms THEN get() returns their union, and 0 for terms never added', () => {
    const masks = new TermMasks().begin(100);
    masks.add(7, 0b01);
    masks.add(7, 0b100);
    masks.add(99, 0b10);
    expect(masks.get(7)).toBe(0b101);
    expect(masks.get(99)).toBe(0b10);
    expect(masks.get(8)).toBe(0);
  });

  it('GIVEN a new query begun THEN the previous query terms stand for nothing', () => {
    const masks = new TermMasks().begin(10);
    masks.add(3, 0b11);
    masks.begin(10);
    expect(masks.get(3)).toBe(0);
    masks.add(3, 0b100);
    expect(masks.get(3)).toBe(0b100);
  });

  it('GIVEN a larger vocabulary than before THEN its new terms can be marked', () => {
    const masks = new TermMasks().begin(4);
    masks.begin(1000).add(999, 1);
    expect(masks.get(999)).toBe(1);
  });
});
