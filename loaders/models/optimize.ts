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

export function maximize(f: (x: number[]) => number, x0: number[], {tolerance = 1e-10, restarts = 20} = {}): Maximum {
  const negative = (x: number[]) => {
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
      return {x, value: -best, converged: true, iterations: i};
  }
  return {x, value: -best, converged: false, iterations: restarts};
}
