/** Age bands: ingestion keeps only the birth year, and pages only ever see the band. */

export const AGE_BANDS = ["<25", "25-34", "35-44", "45-54", "55+", "unknown"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** SQL expression for the age band of a birth-year column as of a year expression. */
export function ageBandSql(birthYear: string, asOfYear: string): string {
  const age = `(${asOfYear} - ${birthYear})`;
  return `CASE WHEN ${birthYear} IS NULL THEN 'unknown'
    WHEN ${age} < 25 THEN '<25' WHEN ${age} < 35 THEN '25-34' WHEN ${age} < 45 THEN '35-44'
    WHEN ${age} < 55 THEN '45-54' ELSE '55+' END`;
}
