/**
 * The sample's retail calendar: how busy each day is (seasonality) and whether a promotion
 * runs. Days are counted from 1970-01-01 (UTC), the same day numbers DuckDB's DATE uses.
 */

const DAY_MS = 86_400_000;

/** Day number of an ISO date (YYYY-MM-DD). */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// Spring Festival (Chinese New Year's day): shoppers buy new clothes in the weeks before it.
const SPRING_FESTIVAL = ["2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06"].map(dayNumber);

interface Window {
  start: number;
  end: number;
  lift: number;
  promotion: boolean;
  name: string;
}

/** Seasonal windows with their lift over a normal day; the first that holds a day applies. */
export function seasonWindows(year: number): Window[] {
  const d = (md: string) => dayNumber(`${year}-${md}`);
  const festival = SPRING_FESTIVAL.find((day) => isoDate(day).startsWith(String(year)))!;
  return [
    {name: "Double 11", start: d("11-01"), end: d("11-11"), lift: 2.6, promotion: true},
    {name: "618", start: d("06-01"), end: d("06-18"), lift: 2.0, promotion: true},
    {name: "Spring Festival", start: festival - 21, end: festival - 1, lift: 1.8, promotion: true},
    {name: "Spring Festival holiday", start: festival, end: festival + 6, lift: 0.4, promotion: false},
    {name: "Double 12", start: d("12-10"), end: d("12-12"), lift: 1.5, promotion: true},
    {name: "Summer lull", start: d("07-15"), end: d("08-20"), lift: 0.8, promotion: false}
  ];
}

const windowsByYear = new Map<number, Window[]>();

function windowOf(day: number): Window | undefined {
  const year = Number(isoDate(day).slice(0, 4));
  let windows = windowsByYear.get(year);
  if (!windows) windowsByYear.set(year, (windows = seasonWindows(year)));
  return windows.find((w) => day >= w.start && day <= w.end);
}

/** Multiplier of the purchase rate on a day (1 on an ordinary day). */
export function seasonality(day: number): number {
  return windowOf(day)?.lift ?? 1;
}

/** The largest multiplier seasonality() returns: the bound for thinning a Poisson process. */
export const MAX_SEASONALITY = 2.6;

/** True when a chain-wide promotion runs on the day. */
export function isPromotion(day: number): boolean {
  return windowOf(day)?.promotion ?? false;
}
