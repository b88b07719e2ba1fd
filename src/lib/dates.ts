/** ISO date arithmetic in UTC (business dates have no time zone once stored). */
const DAY = 86_400_000;

/** The ISO date `days` after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`not an ISO date: ${iso}`);
  return new Date(time + days * DAY).toISOString().slice(0, 10);
}

/** An ISO date from an Inputs.date value (a Date at UTC midnight) or an ISO string. */
export function isoDate(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Whether the data's month of `iso` is partial: the month goes on after that day. */
export const partialMonth = (iso: string): boolean => addDays(iso, 1).slice(0, 7) === iso.slice(0, 7);

/** The month (YYYY-MM) or quarter (YYYY-Qn) label of an ISO date, as cohorts and lifecycle name them. */
export function periodOf(iso: string, grain: "month" | "quarter" = "month"): string {
  return grain === "month"
    ? iso.slice(0, 7)
    : `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}
