/**
 * Number and money formats shared by pages and components, defined once: every page reads
 * the same, in the reader's language and the configured currency (locale.ts). No currency sign
 * is written anywhere else.
 */
import {type Locale, locale} from "./locale.js";

/**
 * The formatters of a locale, each made once under a fixed name. A chart formats thousands of
 * tooltip values per redraw, so a lookup must not build a key from the options (JSON.stringify
 * made formatCents five times slower than the format itself).
 */
const formatters = new WeakMap<Locale, Map<string, Intl.NumberFormat>>();
function numberFormat(name: string, options: (currency: string) => Intl.NumberFormatOptions): Intl.NumberFormat {
  const current = locale();
  let named = formatters.get(current);
  if (!named) formatters.set(current, (named = new Map()));
  let format = named.get(name);
  if (!format) named.set(name, (format = new Intl.NumberFormat(current.language, options(current.currency))));
  return format;
}

const money = (currency: string) => ({style: "currency", currency, currencyDisplay: "narrowSymbol"}) as const;

/** 12,345 */
export const formatCount = (n: number): string =>
  numberFormat("count", () => ({maximumFractionDigits: 0})).format(Math.round(n));

/**
 * Money from integer cents, in the configured currency: whole units for large sums, two
 * decimals below 1,000; in Chinese, sums from 10,000 up in 万 and 亿 (¥12.35万, ¥1.2亿), as
 * Chinese readers expect.
 */
export function formatCents(cents: number): string {
  const amount = cents / 100;
  if (locale().language === "zh-CN" && Math.abs(amount) >= 10_000)
    return numberFormat("compact", (c) => ({...money(c), notation: "compact", maximumFractionDigits: 2})).format(
      amount
    );
  return Math.abs(amount) >= 1000
    ? formatWhole(amount)
    : numberFormat("cents", (c) => ({...money(c), minimumFractionDigits: 2})).format(amount);
}

/** The currency's symbol alone, for input labels and axis titles: ¥, £, $. */
export function currencySymbol(): string {
  return (
    numberFormat("symbol", money)
      .formatToParts(0)
      .find((p) => p.type === "currency")?.value ?? locale().currency
  );
}

/** The site's high-value revenue (locale.ts, workbench.config.ts `highValue`), as text: ¥3,000. */
export const formatHighValue = (): string => formatCents(locale().highValue * 100);

/** An amount in whole currency units, no decimals (axis labels, bands): ¥1,000. */
export const formatWhole = (units: number): string =>
  numberFormat("whole", (c) => ({...money(c), maximumFractionDigits: 0, minimumFractionDigits: 0})).format(units);

/** A difference of two rates in percentage points, signed, one decimal: +9.7, −0.2 (uplifts). */
export const formatPoints = (difference: number): string =>
  `${difference >= 0 ? "+" : ""}${(difference * 100).toFixed(1)}`;

/** 12.3% from a share between 0 and 1. */
export const formatShare = (share: number): string =>
  numberFormat("share", () => ({style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1})).format(share);
