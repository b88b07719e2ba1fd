/**
 * Maximization for the model fits: quasi-Newton (BFGS) minimization from `numeric` (numeric.js,
 * `uncmin`, with finite-difference gradients), restarted from its own optimum until a restart no
 * longer improves the objective. (fmin's Nelder-Mead fails under ES modules: its build assigns an
 * undeclared variable, an error in strict mode.)
 */
import numeric from "numeric";

export interface Maximum {
  x: number[];
  value: number;
  /** Whether the last restart improved the objective by less than the tolerance. */
  converged: boolean;
  iterations: number;
}

/**
 * Maximizes f from x0. Both models optimize log-parameters; outside ±bound their likelihood terms
 * overflow into nonsense (a fit once "converged" to r = 1e56 with a likelihood of 0), so there the
 * objective counts as −∞, and an optimum within 1e-3 of the bound is not converged.
 */
export function maximize(
  f: (x: number[]) => number,
  x0: number[],
  {tolerance = 1e-10, restarts = 20, bound = 15} = {}
): Maximum {
  const negative = (x: number[]) => {
    if (x.some((v) => Math.abs(v) > bound)) return Number.MAX_VALUE;
    const v = f(x);
    return Number.isFinite(v) ? -v : Number.MAX_VALUE;
  };
  let x = x0;
  let best = negative(x0);
  for (let i = 1; i <= restarts; i++) {
    const result = numeric.uncmin(negative, x, 1e-12, undefined, 2000);
    const gain = best - result.f;
    if (result.f <= best) {
      x = result.solution;
      best = result.f;
    }
    if (gain >= 0 && gain < tolerance * Math.max(1, Math.abs(best)))
      return {x, value: -best, converged: x.every((v) => Math.abs(v) < bound - 1e-3), iterations: i};
  }
  return {x, value: -best, converged: false, iterations: restarts};
}
