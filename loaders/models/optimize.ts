/**
 * Maximization for the model fits: quasi-Newton (BFGS) minimization from `numeric` (numeric.js,
 * `uncmin`) with the objective's own gradient (its finite differences took nine likelihood passes
 * per gradient), restarted from its own optimum until a restart no longer improves the objective.
 * (fmin's Nelder-Mead fails under ES modules: its build assigns an undeclared variable, an error in
 * strict mode.)
 */
import numeric from "numeric";

export interface Maximum {
  x: number[];
  value: number;
  /** Whether the last restart improved the objective by less than the tolerance. */
  converged: boolean;
  iterations: number;
}

/** An objective: its value and gradient, from one pass over the data. */
export type Objective = (x: number[]) => {value: number; gradient: number[]};

/**
 * Maximizes f from x0. Both models optimize log-parameters; outside ±bound their likelihood terms
 * overflow into nonsense (a fit once "converged" to r = 1e56 with a likelihood of 0), so there the
 * objective counts as −∞, and an optimum within 1e-3 of the bound is not converged.
 */
export function maximize(f: Objective, x0: number[], {tolerance = 1e-10, restarts = 20, bound = 15} = {}): Maximum {
  // uncmin asks for the value and then the gradient at the same point: the last pass's gradient is kept.
  let last = {x: [] as number[], gradient: [] as number[]};
  const negative = (x: number[]) => {
    if (x.some((v) => Math.abs(v) > bound)) return Number.MAX_VALUE;
    const {value, gradient} = f(x);
    last = {x: [...x], gradient: gradient.map((g) => -g)};
    return Number.isFinite(value) ? -value : Number.MAX_VALUE;
  };
  const gradient = (at: number[]) => {
    if (last.x.length !== at.length || !last.x.every((v, i) => v === at[i])) negative(at);
    return last.gradient;
  };
  let x = x0;
  let best = negative(x0);
  for (let i = 1; i <= restarts; i++) {
    const result = numeric.uncmin(negative, x, 1e-12, gradient, 2000);
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
