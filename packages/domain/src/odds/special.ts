/**
 * The few special functions the engine needs: log-gamma, the regularized
 * incomplete beta and gamma functions with their quantiles (for the ranges of
 * a person's own funnel), and Gauss-Hermite nodes (to average over the
 * person-level effect without sampling).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x > 0 (Lanczos, g = 7; about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const EPS = 1e-14;
const TINY = 1e-300;

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** I_x(a, b): the CDF of a Beta(a, b) distribution at x. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** P(a, x): the CDF of a Gamma(shape a, rate 1) distribution at x. */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logFront = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return sum * Math.exp(logFront);
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return 1 - Math.exp(logFront) * h;
}

/**
 * Solves cdf(x) = p on [lo, hi] by Newton's method with the density, falling
 * back to bisection whenever a step would leave the bracket.
 */
function invert(
  cdf: (x: number) => number,
  logPdf: (x: number) => number,
  p: number,
  start: number,
  lo: number,
  hi: number,
): number {
  let a = lo;
  let b = hi;
  let x = Math.min(hi, Math.max(lo, start));
  for (let i = 0; i < 100; i++) {
    const f = cdf(x) - p;
    if (Math.abs(f) < 1e-12) return x;
    if (f < 0) a = x;
    else b = x;
    const step = f / Math.exp(logPdf(x));
    let next = x - step;
    if (!(next > a && next < b) || !Number.isFinite(next)) next = (a + b) / 2;
    if (Math.abs(next - x) < 1e-12 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/** The p-quantile of Beta(a, b). */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lnB = lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  const start = Math.min(1 - 1e-9, Math.max(1e-9, mean + sd * normalQuantileApprox(p)));
  return invert(
    (x) => regularizedBeta(x, a, b),
    (x) => (a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - lnB,
    p,
    start,
    0,
    1,
  );
}

/** The p-quantile of Gamma(shape, rate). */
export function gammaQuantile(p: number, shape: number, rate: number): number {
  if (p <= 0) return 0;
  let hi = Math.max(1, (shape / rate) * 4);
  while (regularizedGammaP(shape, hi * rate) < p) hi *= 2;
  // Wilson-Hilferty start.
  const z = normalQuantileApprox(p);
  const wh = shape * (1 - 1 / (9 * shape) + z / (3 * Math.sqrt(shape))) ** 3;
  const lg = lnGamma(shape);
  return invert(
    (x) => regularizedGammaP(shape, x * rate),
    (x) => shape * Math.log(rate) + (shape - 1) * Math.log(x) - rate * x - lg,
    p,
    wh > 0 ? wh / rate : (shape / rate) * 0.5,
    0,
    hi,
  );
}

/** A rough standard-normal quantile, good enough as a starting point. */
function normalQuantileApprox(p: number): number {
  const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  const t = Math.sqrt(-2 * Math.log(q < 0.5 ? q : 1 - q));
  const z =
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) /
      (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t ** 3);
  return q < 0.5 ? -z : z;
}

/** Nodes and weights that average a smooth function over a standard normal. */
export interface NormalQuadrature {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/**
 * Gauss-Hermite quadrature for E[f(Z)], Z ~ N(0, 1): exact for polynomials up
 * to degree 2n-1. Roots of the Hermite polynomial by Newton's method, as in
 * Numerical Recipes (`gauher`), then rescaled from e^{-x^2} to the normal.
 */
export function gaussHermite(n: number): NormalQuadrature {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const m = Math.floor((n + 1) / 2);
  const pim4 = Math.PI ** -0.25;
  let z = 0;
  for (let i = 0; i < m; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** -0.16667;
    else if (i === 1) z -= (1.14 * n ** 0.426) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0]!;
    else if (i === 3) z = 1.91 * z - 0.91 * x[1]!;
    else z = 2 * z - x[i - 2]!;
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = pim4;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-14) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = 2 / (pp * pp);
    w[n - 1 - i] = w[i]!;
  }
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nodes[i] = Math.SQRT2 * x[i]!;
    weights[i] = w[i]! / Math.sqrt(Math.PI);
  }
  return { nodes, weights };
}

export const logit = (p: number): number => Math.log(p / (1 - p));
export const expit = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Nodes and weights to average over a Gamma(shape, 1) variable: generalized
 * Gauss-Laguerre quadrature (Golub-Welsch: the eigenvalues of the Jacobi
 * matrix are the nodes; the squared first components of its eigenvectors,
 * the weights, which sum to 1). For Gamma(shape, rate), divide the nodes by
 * the rate. Exact for polynomials up to degree 2n - 1 times the density.
 */
export function gammaNodes(shape: number, n: number): NormalQuadrature {
  const alpha = shape - 1;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = 2 * i + alpha + 1;
    if (i > 0) e[i - 1] = Math.sqrt(i * (i + alpha));
  }
  // First row of the eigenvector matrix, carried through the QL rotations.
  const z = new Float64Array(n);
  z[0] = 1;
  for (let l = 0; l < n; l++) {
    for (let iter = 0; iter < 60; iter++) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= 1e-15 * dd) break;
      }
      if (m === l) break;
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      for (; i >= l; i--) {
        let f = s * e[i]!;
        const b = c * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1]! -= p;
          e[m] = 0;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        f = z[i + 1]!;
        z[i + 1] = s * z[i]! + c * f;
        z[i] = c * z[i]! - s * f;
      }
      if (r === 0 && i >= l) continue;
      d[l]! -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[a]! - d[b]!);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += z[i]! * z[i]!;
  order.forEach((k, i) => {
    nodes[i] = d[k]!;
    weights[i] = (z[k]! * z[k]!) / total;
  });
  return { nodes, weights };
}
