// Site configuration. Everything the site loads comes from this repository or the locked
// node_modules: see tools/offline/ for how Framework's npm downloads are answered offline.
import {loadConfig, siteLocale} from "./loaders/config.js";
import {languageScript} from "./src/lib/locale.js";

// The site's default language and currency (workbench.config.ts) reach every page as meta tags
// (src/lib/locale.ts); the header's links switch the language on any page.
const {language, currency, highValue} = siteLocale((await loadConfig()).config);

const REPORT = {name: "管理层报告 Leadership report", path: "/report/"};

export default {
  title: "客户细分工作台 Customer Segments Workbench",
  // Overridable so that tests can build a copy of the site from other data (test/site/fixture-site.test.ts).
  root: process.env.WORKBENCH_SITE_ROOT ?? "src",
  output: process.env.WORKBENCH_OUTPUT ?? "dist",
  // The sidebar is the same static HTML on every page, so it names pages in both languages.
  // The report-only build (tools/build-report.ts) lists the report alone.
  pages: process.env.WORKBENCH_REPORT_ONLY
    ? [REPORT]
    : [
        {name: "概览 Overview", path: "/"},
        {name: "RFM 分析 RFM explorer", path: "/rfm"},
        {name: "规则实验室 Rules lab", path: "/rules-lab"},
        {name: "细分迁移 Segment migration", path: "/segment-migration"},
        {name: "同期群 Cohorts", path: "/cohorts"},
        {name: "生命周期 Lifecycle & trends", path: "/lifecycle"},
        {name: "价值贡献 Value contribution", path: "/value"},
        {name: "人口属性与门店 Demographics & stores", path: "/demographics"},
        {name: "客户终身价值 Customer lifetime value", path: "/clv"},
        {name: "流失预警与挽回 Churn & win-back", path: "/churn"},
        {name: "聚类 Clusters", path: "/clusters"},
        {name: "受众构建 Audience builder", path: "/audiences"},
        {name: "活动评估 Campaign evaluation", path: "/campaigns"},
        {name: "会员等级与积分 Member tiers & points", path: "/loyalty"},
        {name: "数据质量 Data quality", path: "/data-quality"},
        REPORT
      ],
  // One page per reported period (/report/2026-06): the periods depend on the data's as-of date,
  // so they are listed from the build (loaders/report/), which ingests first if no loader has.
  async *dynamicPaths() {
    const {periodPaths} = await import("./loaders/report/pages.js");
    yield* await periodPaths("/report");
  },
  // Filled by src/lib/locale.ts with links to this page in each language (Framework would
  // resolve a static "?lang=" link against the home page).
  header: `<nav class="language-switch" aria-label="Language / 语言" data-language-switch></nav>`,
  // The default theme's web font comes from another host; we use a system font stack (style.css).
  globalStylesheets: [],
  style: "style.css",
  // No DuckDB extension is self-hosted: they can only be downloaded, and the site must work
  // offline. Parquet is decoded with parquet-wasm and handed to DuckDB as Arrow (src/lib/db.ts).
  duckdb: {extensions: {json: null, parquet: null}},
  // An inline icon: otherwise every browser asks the server for /favicon.ico and gets a 404. The
  // script shows build-time text in the reader's language from the first paint (src/lib/locale.ts).
  head: `${languageScript(language)}<meta name="workbench-language" content="${language}"><meta name="workbench-currency" content="${currency}"><meta name="workbench-high-value" content="${highValue}"><link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%234269d0'/%3E%3C/svg%3E">`,
  footer: "客户细分工作台 Customer Segments Workbench · 假名数据，离线构建 · pseudonymous data, built offline.",
  search: false,
  // Framework runs each data and page loader in a process of its own (60 in a build of the sample).
  // Node with tsx's loader starts one process per loader; the tsx command starts two (0.2 s more each).
  interpreters: {".ts": [process.execPath, "--import", "tsx"]}
};
