import {defineConfig} from "vitest/config";

// Tests run in UTC whatever the machine's zone: dates must not depend on where CI runs.
process.env.TZ = "UTC";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/build-site.ts"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Browser and DuckDB tests are heavy; two cores run two files at a time.
    maxWorkers: 2
  }
});
