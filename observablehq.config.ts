// Site configuration. Everything the site loads comes from this repository or the locked
// node_modules: see tools/offline/ for how Framework's npm downloads are answered offline.
export default {
  title: "Customer Segments Workbench",
  // Overridable so that tests can build a copy of the site from other data (test/site/privacy.test.ts).
  root: process.env.WORKBENCH_SITE_ROOT ?? "src",
  output: process.env.WORKBENCH_OUTPUT ?? "dist",
  pages: [
    {name: "Overview", path: "/"},
    {name: "RFM explorer", path: "/rfm"},
    {name: "Rules lab", path: "/rules-lab"},
    {name: "Segment migration", path: "/segment-migration"},
    {name: "Cohorts", path: "/cohorts"},
    {name: "Lifecycle & trends", path: "/lifecycle"},
    {name: "Value contribution", path: "/value"},
    {name: "Demographics & stores", path: "/demographics"},
    {name: "Data quality", path: "/data-quality"}
  ],
  // The default theme's web font comes from another host; we use a system font stack (style.css).
  globalStylesheets: [],
  style: "style.css",
  // No DuckDB extension is self-hosted: they can only be downloaded, and the site must work
  // offline. Parquet is decoded with parquet-wasm and handed to DuckDB as Arrow (src/lib/db.ts).
  duckdb: {extensions: {json: null, parquet: null}},
  // An inline icon: otherwise every browser asks the server for /favicon.ico and gets a 404.
  head: `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%234269d0'/%3E%3C/svg%3E">`,
  footer: "Customer Segments Workbench: pseudonymous data, built offline.",
  search: false
};
