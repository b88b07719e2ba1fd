import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {scanDist, scanText} from "../../tools/scan-dist.js";

describe("scanText", () => {
  test("finds outside loads in HTML, CSS and JavaScript", () => {
    expect(scanText(`<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=X">`, ".html")).toEqual([
      "https://fonts.googleapis.com/css2?family=X"
    ]);
    expect(scanText(`<script type="module" src="//cdn.jsdelivr.net/npm/d3/+esm"></script>`, ".html")).toEqual([
      "//cdn.jsdelivr.net/npm/d3/+esm"
    ]);
    expect(
      scanText(`@import url("https://fonts.googleapis.com/x"); a{background:url(https://x.org/a.png)}`, ".css")
    ).toHaveLength(2);
    expect(scanText(`import {x} from "https://esm.sh/x"; await import("https://unpkg.com/y");`, ".js")).toEqual([
      "https://esm.sh/x",
      "https://unpkg.com/y"
    ]);
  });

  test("passes local loads and plain links", () => {
    expect(scanText(`<a href="https://observablehq.com/">x</a><script src="./_npm/d3.js"></script>`, ".html")).toEqual(
      []
    );
    expect(scanText(`import {x} from "../_npm/d3@7.9.0/_esm.js";`, ".js")).toEqual([]);
  });
});

test("the built site loads nothing from an outside host", () => {
  expect(scanDist(join(process.cwd(), "dist"))).toEqual([]);
});
