/**
 * Text written at build time in both languages: one copy per language, each made with that
 * language's messages and formats (src/lib/locale.ts), the site's default shown until the page's
 * script shows the reader's (style.css: [data-lang-copy]:not([data-shown]) is hidden). The
 * leadership report and the overview's headline figures are written this way.
 */
import {type Language, LANGUAGES, setLocale} from "../../src/lib/locale.js";
import type {SiteLocale} from "../config.js";

/** `make(language, attributes)` for each language, in that language; `attributes` mark the copy. */
export function inEachLanguage(
  {language: shown, currency}: SiteLocale,
  make: (language: Language, attributes: string) => string
): string[] {
  return LANGUAGES.map((language) => {
    setLocale({language, currency});
    return make(language, `lang="${language}" data-lang-copy="${language}"${language === shown ? " data-shown" : ""}`);
  });
}
