/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1, by its power series: no
 * maintained npm package offers it for real arguments, and BG/NBD needs it only there (z is a
 * ratio of times, below 1). Terms are summed until they stop changing the sum at double
 * precision; the series converges for |z| < 1, slowly near 1, so a hard cap on the terms turns a
 * pathological input into an error instead of a hang or a silently wrong value.
 */

/** Terms the series may take; at z = 0.99 convergence needs a few thousand. */
const MAX_TERMS = 200_000;

export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new Error(`hyp2f1: z must be in [0, 1), got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new Error(`hyp2f1: c must not be 0 or a negative integer, got ${c}`);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < MAX_TERMS; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    const next = sum + term;
    if (next === sum || term === 0) return next;
    sum = next;
  }
  throw new Error(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}
