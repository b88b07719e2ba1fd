/** Number formats shared by pages and components: defined once so every page reads the same. */
import {format} from "d3";

const integer = format(",d");
const yuan0 = format(",.0f");
const yuan2 = format(",.2f");
const percent1 = format(".1%");

/** 12,345 */
export const formatCount = (n: number): string => integer(Math.round(n));

/** ¥1,234 from integer cents (whole yuan for large sums, two decimals below ¥1,000). */
export function formatCents(cents: number): string {
  const yuan = cents / 100;
  return `¥${Math.abs(yuan) >= 1000 ? yuan0(yuan) : yuan2(yuan)}`;
}

/** 12.3% from a share between 0 and 1. */
export const formatShare = (share: number): string => percent1(share);
