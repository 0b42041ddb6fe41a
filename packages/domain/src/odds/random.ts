/**
 * Seeded randomness for parameter draws. The domain never reads a random
 * source: the same seed gives the same numbers on every device.
 */

/** A stream of uniform numbers in (0, 1). */
export type Uniform = () => number;

/** SplitMix32 step: spreads a seed (and a stream number) over 32 bits. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/**
 * xoshiro128** seeded from `seed` and `stream`: independent streams let a draw
 * use a rejection sampler without shifting the numbers of any other draw.
 */
export function seededUniform(seed: number, stream = 0): Uniform {
  let s = (seed ^ Math.imul(stream + 1, 0x27d4eb2d)) | 0;
  const state = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(s);
    s = next;
    state[i] = out;
  }
  if (state[0] === 0 && state[1] === 0 && state[2] === 0 && state[3] === 0) state[0] = 1;
  return () => {
    const s0 = state[0]!;
    const s1 = state[1]!;
    const s2 = state[2]!;
    const s3 = state[3]!;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    const n2 = (s2 ^ s0) >>> 0;
    const n3 = (s3 ^ s1) >>> 0;
    state[1] = (s1 ^ n2) >>> 0;
    state[0] = (s0 ^ n3) >>> 0;
    state[2] = (n2 ^ t) >>> 0;
    state[3] = rotl(n3, 11);
    // 32 bits, shifted off zero so that inverse CDFs never see 0 or 1.
    return (result + 0.5) / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * Latin hypercube: for each dimension, `n` uniforms with exactly one in each
 * stratum [i/n, (i+1)/n), in a shuffled order. Quantiles of a few hundred
 * draws are then much steadier than with plain sampling.
 */
export function latinHypercube(uniform: Uniform, n: number, dims: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let d = 0; d < dims; d++) {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(uniform() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = (order[i]! + uniform()) / n;
    out.push(column);
  }
  return out;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function inverseNormal(p: number): number {
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
    -3.066479806614716e1, 2.506628277459239,
  ] as const;
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
    -1.328068155288572e1,
  ] as const;
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ] as const;
  const d = [
    7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416,
  ] as const;
  const low = 0.02425;
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** The z-value for the upper end of a central range of the given level (1.2816 for 80%). */
export const zForLevel = (level: number): number => inverseNormal(0.5 + level / 2);
