/**
 * The site's words in the reader's language (locale.ts): `t()` gives the page's messages, and
 * the helpers name data values (segments, stages, attributes, genders) for display. Data keep
 * their own values (a segment is "Champions" in SQL and CSV whatever the language); only what a
 * reader sees is translated.
 */
import {type Language, locale} from "./locale.js";
import {en, type Messages} from "./messages/en.js";
import {zhCN} from "./messages/zh-CN.js";

export type {Messages};
export const MESSAGES: Record<Language, Messages> = {en, "zh-CN": zhCN};

/** The messages of the page's language. */
export const t = (): Messages => MESSAGES[locale().language];

const lookup = (table: Record<string, string>, value: unknown): string => {
  const key = value === null || value === undefined ? "unknown" : String(value);
  return table[key] ?? (key === "unknown" ? t().values.unknown : key);
};

/**
 * A segment's display name: translated for the shipped segments and the two placeholders the
 * SQL writes ("(no rule)", "(not in population)"); a rule's own name otherwise.
 */
export function segmentName(name: string): string {
  if (name === "(no rule)") return t().common.noRule;
  if (name === "(not in population)") return t().common.notInPopulation;
  return lookup(t().segments, name);
}
export const ruleSetName = (name: string): string => lookup(t().ruleSets, name);
export const stageName = (name: string): string => lookup(t().stages, name);
export const stateName = (name: string): string => lookup(t().states, name);
export const playbook = (segment: string): string => t().playbooks[segment] ?? "";
/** A customer attribute's (column's) display name. */
export const attributeName = (column: string): string => (t().attributes as Record<string, string>)[column] ?? column;

/** The note under a monthly chart: what its first month holds, and whether its last is partial. */
export const monthlyNote = (partial: boolean): string =>
  [t().charts.dataStart, partial ? t().charts.partial : null].filter(Boolean).join(" · ");

/** Rows with their `group` values named for display (see valueName): what charts and tables of groups show. */
export const withGroupNames = <R extends {group: string}>(rows: R[], column: string): R[] =>
  rows.map((r) => ({...r, group: valueName(column, r.group)}));

/** An attribute value for display: genders and channels translated, "unknown" in the reader's words. */
export function valueName(column: string, value: unknown): string {
  if (column === "gender") return lookup(t().values.gender, value);
  if (column === "channel") return lookup(t().values.channel, value);
  if (column === "segment") return segmentName(String(value));
  return lookup({}, value);
}
