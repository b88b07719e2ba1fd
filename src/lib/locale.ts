/**
 * The reader's language and the site's currency, settled once when a page loads.
 *
 * Language: `?lang=zh-CN` or `?lang=en` in the address (the switch in the header sets it, and it
 * is remembered for the next pages), else the language last chosen on this browser, else the
 * site's default (workbench.config.ts `language`, zh-CN unless set: our first readers are in
 * China). A switch reloads the page rather than re-rendering it: every string, chart and number
 * is then made in one language, with nothing half-switched. Currency: the config's ISO code
 * (`currency`, CNY by default), for every amount on every page, and the high-value revenue in it
 * (`highValue`). They reach the page as meta tags written by observablehq.config.ts. In Node
 * (loaders, tests): English, CNY and 3,000 unless setLocale says otherwise (openBuild sets the
 * config's high-value revenue for every loader).
 */

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Locale {
  language: Language;
  /** ISO 4217 code. */
  currency: string;
  /**
   * Revenue to date (in `currency`) from which a customer is high value: the four types' loyal,
   * the lifecycle stage High value, and the scale of the default monetary cuts (workbench.config.ts
   * `highValue`).
   */
  highValue: number;
}

/** The high-value revenue when the config sets none: the sample chain's, in yuan. */
export const DEFAULT_HIGH_VALUE = 3000;

const STORAGE_KEY = "workbench-language";
const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function detect(): Locale {
  if (typeof document === "undefined") return {language: "en", currency: "CNY", highValue: DEFAULT_HIGH_VALUE};
  const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ?? undefined;
  const fromUrl = new URLSearchParams(location.search).get("lang");
  let stored: string | null = null;
  try {
    if (isLanguage(fromUrl)) localStorage.setItem(STORAGE_KEY, fromUrl);
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage may be off (private mode): the address and the default still work
  }
  const language = [fromUrl, stored, meta("workbench-language")].find(isLanguage) ?? "zh-CN";
  document.documentElement.lang = language;
  fillSwitch(language);
  showCopies(language);
  const highValue = Number(meta("workbench-high-value") ?? DEFAULT_HIGH_VALUE);
  return {language, currency: meta("workbench-currency") ?? "CNY", highValue};
}

/** The header's language switch: this page in each language (the current one marked). */
function fillSwitch(language: Language): void {
  const nav = document.querySelector("[data-language-switch]");
  if (!nav || nav.childElementCount > 0) return;
  const names: Record<Language, string> = {"zh-CN": "中文", en: "English"};
  LANGUAGES.forEach((lang, i) => {
    if (i > 0) nav.append(" · ");
    const a = document.createElement("a");
    a.href = `${location.pathname}?lang=${lang}${location.hash}`;
    a.lang = lang;
    a.textContent = names[lang];
    a.dataset.language = lang;
    if (lang === language) a.setAttribute("aria-current", "true");
    nav.append(a);
  });
}

/**
 * Of the text written at build time in both languages (loaders/pages/languages.ts: the report,
 * the overview's headline, every page's first figures), shows the reader's. The site's default
 * shows until this runs, as the page's first module loads.
 */
function showCopies(language: Language): void {
  for (const copy of document.querySelectorAll<HTMLElement>("[data-lang-copy]"))
    copy.toggleAttribute("data-shown", copy.dataset.langCopy === language);
}

let current: Locale = detect();

/**
 * A script for every page's head (observablehq.config.ts), run before the body is parsed: it marks
 * <html data-language> with the reader's language, chosen as detect() chooses it, so that text
 * written at build time in both languages shows in the reader's from the first paint (style.css)
 * rather than in the site's default until the page's modules have loaded.
 */
export function languageScript(siteLanguage: Language): string {
  const json = JSON.stringify;
  return `<script>{const ok = (v) => ${json(LANGUAGES)}.includes(v); let l = new URLSearchParams(location.search).get("lang"); if (!ok(l)) try { l = localStorage.getItem(${json(STORAGE_KEY)}); } catch {} document.documentElement.dataset.language = ok(l) ? l : ${json(siteLanguage)};}</script>`;
}

/** The page's locale. */
export const locale = (): Locale => current;

/** Sets the locale (tests, Node scripts); pages take theirs from the address, the browser and the site. */
export function setLocale(next: Partial<Locale>): void {
  current = {...current, ...next};
}
