/**
 * A page's first figures written into the page at build time, in both languages, so they paint
 * with the HTML: a page's own scripts start only after the modules it preloads (some seventy, a
 * megabyte of JavaScript with Plot and d3) have arrived and compiled, over a second on a small
 * machine. The page's template (loaders/pages/*.md) marks where they go with `<!-- prerendered -->`
 * and wraps their live counterparts in `<div data-live>`: style.css shows the build-time copy
 * until the live figures have drawn (or failed), then the live ones alone, in one frame.
 */
import {readFileSync} from "node:fs";
import type {Language} from "../../src/lib/locale.js";
import {loadConfig, siteLocale} from "../config.js";
import {esc, withDocument} from "./dom.js";
import {inEachLanguage} from "./languages.js";
import {monthlyNote} from "../../src/lib/messages.js";

const MARKER = /^<!-- prerendered -->$/m;

/** The width charts are drawn at: the page's column at a common window; narrower, they scale down. */
export const PRERENDER_WIDTH = 800;

/**
 * Element ids made unique per copy: Plot names its clip paths plot-clip-1, 2, ... in every
 * document, and the live chart must not find the build-time copy's under the same name.
 */
const ownIds = (html: string, language: Language) =>
  html.replace(/(\bid="|url\(#|href="#)/g, `$1prerendered-${language}-`);

/**
 * The page `template` (a file, or its text) with `figures(language)` (HTML; drawn with a document, see dom.ts) in place
 * of its marker, once per language. `figures` returns null when the build has no first figure
 * for the page's defaults: the page then draws only live.
 */
export async function prerenderedPage(
  template: URL | string,
  figures: (language: Language) => string | null
): Promise<string> {
  const page = template instanceof URL ? readFileSync(template, "utf-8") : template;
  if (!MARKER.test(page) || !page.includes("<div data-live>"))
    throw new Error(`${template} needs a <!-- prerendered --> marker and a <div data-live> block`);
  const locale = siteLocale((await loadConfig()).config);
  const copies = withDocument(() =>
    inEachLanguage(locale, (language, attributes) => {
      const html = figures(language);
      if (html === null) return "";
      // One HTML block to Markdown: a blank line would end it and the rest would be read as Markdown.
      const block = ownIds(html, language).replace(/\n\s*\n/g, "\n");
      return `<div class="prerendered" data-prerendered ${attributes}>${block}</div>`;
    })
  );
  return page.replace(MARKER, copies.join("\n"));
}

/** A headline card as the pages draw it, with a muted note under the figure if given (no data attributes: tests find the live one by them). */
export const card = (label: string, value: string, note?: string): string =>
  `<div class="card"><h2>${esc(label)}</h2><span class="big">${esc(value)}</span>${note ? `<p class="muted">${esc(note)}</p>` : ""}</div>`;

/** A figure's card: its title, the chart or table drawn at build time, and any HTML before and after the figure. */
export const figureCard = (
  key: string,
  title: string,
  figure: Element,
  {before = "", after = ""}: {before?: string; after?: string} = {}
): string => `<div class="card" data-figure="${key}"><h2>${esc(title)}</h2>${before}${figure.outerHTML}${after}</div>`;

/** The note under a monthly chart, as the pages write it (monthlyNote). */
export const chartNote = (partial: boolean): string => `<p class="muted">${esc(monthlyNote(partial))}</p>`;

/**
 * A table as the page's Inputs.table shows it: `columns` of `rows`, headed by `header`, each
 * value through `format` (as text) where one is given.
 */
export function table<T extends object>(
  rows: T[],
  columns: readonly (keyof T & string)[],
  header: Record<string, string>,
  format: Partial<Record<keyof T, (value: never) => string>> = {}
): string {
  const cell = (row: T, column: keyof T & string) => {
    const value = row[column];
    const shown = format[column] ? (format[column] as (v: unknown) => string)(value) : String(value ?? "");
    return `<td>${esc(shown)}</td>`;
  };
  const head = columns.map((c) => `<th>${esc(header[c] ?? c)}</th>`).join("");
  const body = rows.map((r) => `<tr>${columns.map((c) => cell(r, c)).join("")}</tr>`).join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
