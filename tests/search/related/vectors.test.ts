import { describe, expect, it } from 'vitest';
import { compress, dot, eigenvectors, pearson } from '../../../src/search/related/vectors.ts';

describe('eigenvectors', () => {
  it('GIVEN a symmetric matrix THEN unit eigenvectors, largest eigenvalue first', () => {
    const [first, second] = eigenvectors([
      [2, 1],
      [1, 2],
    ]);
    expect(Math.abs(first?.[0] ?? 0)).toBeCloseTo(Math.SQRT1_2, 6);
    expect((first?.[0] ?? 0) * (first?.[1] ?? 0)).toBeCloseTo(0.5, 6);
    expect((second?.[0] ?? 0) * (second?.[1] ?? 0)).toBeCloseTo(-0.5, 6);
    const [axis] = eigenvectors([
      [1, 0],
      [0, 3],
    ]);
    expect(Math.abs(axis?.[1] ?? 0)).toBeCloseTo(1, 6);
  });
});

describe('compress', () => {
  it('GIVEN vectors spread along one axis THEN each keeps its direction on that axis, as bytes within ±127', () => {
    const vectors = [
      [3, 0.1, 0],
      [-3, 0, 0.1],
      [2, -0.1, 0],
      [-2, 0, -0.1],
    ].map((v) => Float32Array.from(v));
    const { bytes, reduced } = compress(vectors, 1);
    expect(bytes).toHaveLength(4);
    // One dimension after centring: each vector is ±1 along the main axis, the sign telling the side.
    expect([...bytes].map(Math.abs)).toEqual([127, 127, 127, 127]);
    expect(Math.sign(bytes[0] ?? 0)).toBe(Math.sign(bytes[2] ?? 0));
    expect(Math.sign(bytes[0] ?? 0)).toBe(-Math.sign(bytes[1] ?? 0));
    expect(reduced.map((r) => Math.abs(r[0] ?? 0))).toEqual([1, 1, 1, 1]);
  });
});

describe('dot and pearson', () => {
  it('GIVEN unit vectors THEN dot is their cosine; GIVEN series THEN pearson is +1, -1 or in between', () => {
    expect(dot(Float32Array.from([1, 0]), Float32Array.from([0, 1]))).toBe(0);
    expect(dot(Float32Array.from([0.6, 0.8]), Float32Array.from([0.6, 0.8]))).toBeCloseTo(1, 6);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(Math.abs(pearson([1, 2, 3, 4], [1, 3, 2, 4]))).toBeLessThan(1);
  });
});
