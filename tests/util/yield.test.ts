import { describe, expect, it } from 'vitest';
import { runAtOnce, runSliced, SLICE_MS } from '../../src/util/yield.ts';
import { turnsDuring } from '../helpers/turns.ts';

/** A build of `steps` steps that each keep the CPU busy for `ms`. */
function* busy(steps: number, ms: number): Generator<void, string> {
  for (let i = 0; i < steps; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // busy, as a real build step is
    }
    yield;
  }
  return 'built';
}

describe('runSliced', () => {
  it('GIVEN steps that together run for many slices THEN the event loop turns between them and the result comes back', async () => {
    const { value, turns } = await turnsDuring(() => runSliced(busy(20, SLICE_MS / 2)));
    expect(value).toBe('built');
    // 20 steps of half a slice: at least one turn every two or three steps.
    expect(turns).toBeGreaterThanOrEqual(6);
  });

  it('GIVEN the same steps run at once THEN nothing else runs until they are done', async () => {
    const { value, turns } = await turnsDuring(() => runAtOnce(busy(20, SLICE_MS / 2)));
    expect(value).toBe('built');
    expect(turns).toBe(0);
  });
});
