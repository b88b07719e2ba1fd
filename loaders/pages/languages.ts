/**
 * Text written at build time in both languages: one copy per language, each made with that
 * language's messages and formats (src/lib/locale.ts), the site's default shown until the page's
 * script shows the reader's (style.css: [data-lang-copy]:not([data-shown]) is hidden). The
 * leadership report and the overview's headline figures are written this way.
 */
import {type Language, LANGUAGES, setLocale} from "../../src/lib/locale.js";
import type {SiteLocale} from "../config.js";

/**
 * The copies go into a page's Markdown, where Framework runs any `${…}` as JavaScript, in HTML
 * too: a store or region so named in the data would run in the reader's browser. Written
 * `&#36;{`, it shows the same and runs nothing.
 */
export const inert = (html: string): string => html.replaceAll("${", "&#36;{");

/** `make(language, attributes)` for each language, in that language; `attributes` mark the copy. */
export function inEachLanguage(
  {language: shown, currency, highValue}: SiteLocale,
  make: (language: Language, attributes: string) => string
): string[] {
  return LANGUAGES.map((language) => {
    setLocale({language, currency, highValue});
    return inert(
      make(language, `lang="${language}" data-lang-copy="${language}"${language === shown ? " data-shown" : ""}`)
    );
  });
}
