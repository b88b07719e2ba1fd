/**
 * Number and money formats shared by pages and components, defined once: every page reads
 * the same, in the reader's language and the configured currency (locale.ts). No currency sign
 * is written anywhere else.
 */
import {locale} from "./locale.js";

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const {language} = locale();
  const key = `${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat(language, options)));
  return format;
}

/** 12,345 */
export const formatCount = (n: number): string => numberFormat({maximumFractionDigits: 0}).format(Math.round(n));

/**
 * Money from integer cents, in the configured currency: whole units for large sums, two
 * decimals below 1,000; in Chinese, sums from 10,000 up in 万 and 亿 (¥12.35万, ¥1.2亿), as
 * Chinese readers expect.
 */
export function formatCents(cents: number): string {
  const amount = cents / 100;
  const {language, currency} = locale();
  const base = {style: "currency", currency, currencyDisplay: "narrowSymbol"} as const;
  if (language === "zh-CN" && Math.abs(amount) >= 10_000)
    return numberFormat({...base, notation: "compact", maximumFractionDigits: 2}).format(amount);
  return numberFormat(
    Math.abs(amount) >= 1000
      ? {...base, maximumFractionDigits: 0, minimumFractionDigits: 0}
      : {...base, minimumFractionDigits: 2}
  ).format(amount);
}

/** The currency's symbol alone, for input labels and axis titles: ¥, £, $. */
export function currencySymbol(): string {
  const {currency} = locale();
  return (
    numberFormat({style: "currency", currency, currencyDisplay: "narrowSymbol"})
      .formatToParts(0)
      .find((p) => p.type === "currency")?.value ?? currency
  );
}

/** The site's high-value revenue (locale.ts, workbench.config.ts `highValue`), as text: ¥3,000. */
export const formatHighValue = (): string => formatCents(locale().highValue * 100);

/** An amount in whole currency units, no decimals (axis labels, bands): ¥1,000. */
export function formatWhole(units: number): string {
  const {currency} = locale();
  return numberFormat({
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
    minimumFractionDigits: 0
  }).format(units);
}

/** A difference of two rates in percentage points, signed, one decimal: +9.7, −0.2 (uplifts). */
export const formatPoints = (difference: number): string =>
  `${difference >= 0 ? "+" : ""}${(difference * 100).toFixed(1)}`;

/** 12.3% from a share between 0 and 1. */
export const formatShare = (share: number): string =>
  numberFormat({style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1}).format(share);
