/** Reading threshold inputs ("30, 90, 180, 365") typed by analysts. */

/** Parses comma-separated ascending numbers; returns an error message instead when they are not. */
export function parseThresholds(text: string, count: number, what: string): number[] | string {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const values = parts.map(Number);
  if (values.length !== count) return `${what}: ${count} numbers expected, got ${values.length}`;
  const bad = parts.find((p, i) => !Number.isFinite(values[i]) || values[i] < 0);
  if (bad !== undefined) return `${what}: "${bad}" is not a number ≥ 0`;
  if (values.some((v, i) => i > 0 && v <= values[i - 1])) return `${what}: values must increase`;
  return values;
}
