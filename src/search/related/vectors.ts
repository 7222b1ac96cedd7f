/**
 * The vector arithmetic of `npm run build:related` (build-table.ts): cosines, principal axes (Jacobi rotations),
 * the reduction of the word vectors to signed bytes, and how faithful that reduction is. Development time only.
 */

/** The dot product: the cosine, for unit vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** Eigenvectors of a symmetric matrix (rows of the result), largest eigenvalue first: cyclic Jacobi rotations. */
export function eigenvectors(matrix: number[][]): number[][] {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const at = (m: number[][], i: number, j: number) => m[i]?.[j] ?? 0;
  const set = (m: number[][], i: number, j: number, x: number) => ((m[i] as number[])[j] = x);
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += at(a, i, j) ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(at(a, p, q)) < 1e-30) continue;
        const theta = (at(a, q, q) - at(a, p, p)) / (2 * at(a, p, q));
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(a, k, p);
          const akq = at(a, k, q);
          set(a, k, p, c * akp - s * akq);
          set(a, k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = at(a, p, k);
          const aqk = at(a, q, k);
          set(a, p, k, c * apk - s * aqk);
          set(a, q, k, s * apk + c * aqk);
        }
        for (let k = 0; k < n; k++) {
          const vkp = at(v, k, p);
          const vkq = at(v, k, q);
          set(v, k, p, c * vkp - s * vkq);
          set(v, k, q, s * vkp + c * vkq);
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => at(a, j, j) - at(a, i, i));
  return order.map((col) => Array.from({ length: n }, (_, k) => at(v, k, col)));
}

/** The vectors centred, projected on their first `dimensions` principal axes, re-normalised, as signed bytes. */
export function compress(
  vectors: readonly Float32Array[],
  dimensions: number,
): { bytes: Int8Array; reduced: Float32Array[] } {
  const d = vectors[0]?.length ?? 0;
  const mean = new Float64Array(d);
  for (const v of vectors) for (let i = 0; i < d; i++) mean[i] = (mean[i] ?? 0) + (v[i] ?? 0) / vectors.length;
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const v of vectors) {
    for (let i = 0; i < d; i++) {
      const x = (v[i] ?? 0) - (mean[i] ?? 0);
      const row = cov[i] as number[];
      for (let j = i; j < d; j++) row[j] = (row[j] ?? 0) + x * ((v[j] ?? 0) - (mean[j] ?? 0));
    }
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) (cov[i] as number[])[j] = cov[j]?.[i] ?? 0;
  const axes = eigenvectors(cov).slice(0, dimensions);
  const bytes = new Int8Array(vectors.length * dimensions);
  const reduced: Float32Array[] = [];
  vectors.forEach((v, row) => {
    const r = new Float32Array(dimensions);
    axes.forEach((axis, k) => {
      let s = 0;
      for (let i = 0; i < d; i++) s += ((v[i] ?? 0) - (mean[i] ?? 0)) * (axis[i] ?? 0);
      r[k] = s;
    });
    const norm = Math.hypot(...r) || 1;
    for (let k = 0; k < dimensions; k++) {
      const q = Math.max(-127, Math.min(127, Math.round(((r[k] ?? 0) / norm) * 127)));
      bytes[row * dimensions + k] = q;
      r[k] = q / 127;
    }
    reduced.push(r);
  });
  return { bytes, reduced };
}

/** Pearson's correlation coefficient of two equally long series. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const y = ys[i] ?? 0;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}
