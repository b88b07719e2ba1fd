/**
 * Build-time reports are computed once per build (loaders/reports.ts, once): a page's loader and
 * its data loader both ask for the same report, and the second reads what the first wrote into
 * the build's folder, whose name changes with anything the report depends on (build.ts).
 */
import {existsSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {openBuild} from "../../loaders/build.js";
import {once} from "../../loaders/reports.js";

test("a report is made once per build and kept in the build's folder", async () => {
  const name = `test-once-${process.pid}`;
  let made = 0;
  const report = once(name, async () => JSON.stringify({made: ++made}));
  const file = join((await openBuild()).dir, "reports", `${name}.json`);
  try {
    expect(existsSync(file)).toBe(false);
    expect(await report()).toBe('{"made":1}');
    expect(await report()).toBe('{"made":1}');
    expect(made).toBe(1);
    expect(readFileSync(file, "utf-8")).toBe('{"made":1}');
    // Another loader process of the same build: a fresh function, the kept report.
    expect(await once(name, async () => "never made")()).toBe('{"made":1}');
  } finally {
    rmSync(file, {force: true});
  }
});
