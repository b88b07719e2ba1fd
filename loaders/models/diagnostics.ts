/**
 * What can go wrong with the fitted models on real data, checked before any prediction is
 * published, and what is published instead. Each finding has a code (the pages word it in the
 * reader's language, src/lib/messages) and the numbers that triggered it.
 *
 * Methods, per prediction:
 * - purchases: "bgnbd", or "own-rate" (the customer's own repeat rate x / T carried forward:
 *   no drop-out, so it overstates lapsed customers) when BG/NBD cannot be trusted;
 * - pAlive: "bgnbd", or "none" (the pages use the overdue rule alone);
 * - spend: "gammagamma", or "own-mean" (the customer's own mean value per purchase day).
 */
import type {BgNbdFit} from "./bgnbd.js";
import type {GammaGammaFit} from "./gammagamma.js";

export type DiagnosticCode =
  | "too_few_repeaters"
  | "bgnbd_not_converged"
  | "bgnbd_extreme"
  | "no_dropout"
  | "gg_not_converged"
  | "gg_unbounded_mean"
  | "gg_extreme"
  | "gg_correlation"
  | "validation_skipped";

export interface Diagnostic {
  code: DiagnosticCode;
  values: Record<string, number>;
}

export interface Methods {
  purchases: "bgnbd" | "own-rate";
  pAlive: "bgnbd" | "none";
  spend: "gammagamma" | "own-mean";
}

/** Thresholds of the checks (README, Predictions). */
export const LIMITS = {
  /** Fewer repeat buyers than this: no model is fitted. */
  minRepeaters: 50,
  /** A parameter outside [1e-4, 1e4] (per day, per yuan) sits at the edge of what the data can say. */
  extreme: 1e4,
  /** Mean drop-out probability a / (a + b) below this: the model sees no one leave. */
  minDropout: 1e-3,
  /** |correlation of repeat purchases and mean spend| above this breaks Gamma-Gamma's assumption. */
  maxCorrelation: 0.3
};

const outside = (v: number) => !Number.isFinite(v) || v < 1 / LIMITS.extreme || v > LIMITS.extreme;

/** Checks the fits and picks the method of each prediction. `bgnbd`/`gg` are undefined when not fitted. */
export function diagnose(
  repeaters: number,
  bgnbd: BgNbdFit | undefined,
  gg: GammaGammaFit | undefined
): {diagnostics: Diagnostic[]; methods: Methods} {
  const diagnostics: Diagnostic[] = [];
  const methods: Methods = {purchases: "bgnbd", pAlive: "bgnbd", spend: "gammagamma"};
  if (repeaters < LIMITS.minRepeaters || !bgnbd || !gg) {
    diagnostics.push({code: "too_few_repeaters", values: {repeaters, minimum: LIMITS.minRepeaters}});
    return {diagnostics, methods: {purchases: "own-rate", pAlive: "none", spend: "own-mean"}};
  }
  const {r, alpha, a, b} = bgnbd.params;
  const dropout = a / (a + b);
  // Without drop-out the optimizer runs b (or a) to its bound: that is the finding, not a failure;
  // r and α (the purchase rate) still describe the data.
  const noDropout = dropout < LIMITS.minDropout;
  if (noDropout) diagnostics.push({code: "no_dropout", values: {a, b, dropout}});
  if (!bgnbd.converged && !noDropout)
    diagnostics.push({code: "bgnbd_not_converged", values: {iterations: bgnbd.iterations}});
  else if ([r, alpha].some(outside) || (!noDropout && [a, b].some(outside)))
    diagnostics.push({code: "bgnbd_extreme", values: {r, alpha, a, b}});
  if (diagnostics.some((d) => d.code !== "no_dropout")) {
    methods.purchases = "own-rate";
    methods.pAlive = "none";
  } else if (diagnostics.length) {
    // Without drop-out P(alive) is 1 for everyone; the purchase forecast still holds.
    methods.pAlive = "none";
  }
  const {p, q, v} = gg.params;
  const correlation = gg.frequencySpendCorrelation;
  const before = diagnostics.length;
  if (!gg.converged) diagnostics.push({code: "gg_not_converged", values: {}});
  else if (q <= 1) diagnostics.push({code: "gg_unbounded_mean", values: {p, q, v}});
  else if ([p, q, v].some(outside)) diagnostics.push({code: "gg_extreme", values: {p, q, v}});
  if (Math.abs(correlation) > LIMITS.maxCorrelation)
    diagnostics.push({code: "gg_correlation", values: {correlation, limit: LIMITS.maxCorrelation}});
  if (diagnostics.length > before) methods.spend = "own-mean";
  return {diagnostics, methods};
}
