/** Reading threshold inputs ("30, 90, 180, 365") typed by analysts. */

/**
 * Largest cut each dimension takes: a hundred years of days, a million orders, ten billion in
 * money. Larger values are typos (1e307 yuan became infinity in cents and broke the SQL).
 */
export const THRESHOLD_MAX: Record<string, number> = {recency: 36_500, frequency: 1_000_000, monetary: 10_000_000_000};

/** Parses comma-separated ascending numbers; returns an error message instead when they are not. */
export function parseThresholds(
  text: string,
  count: number,
  what: string,
  max = THRESHOLD_MAX[what] ?? Number.MAX_SAFE_INTEGER
): number[] | string {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const values = parts.map(Number);
  if (values.length !== count) return `${what}: ${count} numbers expected, got ${values.length}`;
  const bad = parts.find((_p, i) => !Number.isFinite(values[i]) || values[i] < 0);
  if (bad !== undefined) return `${what}: "${bad}" is not a number ≥ 0`;
  const huge = parts.find((_p, i) => values[i] > max);
  if (huge !== undefined) return `${what}: "${huge}" is larger than ${max.toLocaleString("en-US")}`;
  if (values.some((v, i) => i > 0 && v <= values[i - 1])) return `${what}: values must increase`;
  return values;
}
