/** tools/offline: Framework's npm and jsDelivr requests answered from node_modules. */
import {mkdirSync, readFileSync, existsSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {pruneNpmCache} from "../../tools/offline/cache.js";
import {BlockedRequestError, NOT_INSTALLED, bundle, respond} from "../../tools/offline/cdn.js";
import {MissingPackageError, PackageIndex} from "../../tools/offline/packages.js";

let index: PackageIndex;
const installed = (name: string) =>
  JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf-8")).version as string;

beforeAll(() => {
  index = new PackageIndex(process.cwd());
});

describe("registry", () => {
  test("lists the installed versions of a package", async () => {
    const body = await (await respond(index, "https://registry.npmjs.org/d3")).json();
    expect(Object.keys(body.versions)).toContain(installed("d3"));
  });

  test("answers a dist-tag with the top-level copy", async () => {
    const body = await (await respond(index, "https://registry.npmjs.org/apache-arrow/latest")).json();
    expect(body.version).toBe(installed("apache-arrow"));
  });

  test("answers a dist-tag for a missing package with the placeholder version", async () => {
    const body = await (await respond(index, "https://registry.npmjs.org/left-pad/latest")).json();
    expect(body.version).toBe(NOT_INSTALLED);
  });

  test("refuses a range request for a missing package, naming it", async () => {
    await expect(respond(index, "https://registry.npmjs.org/left-pad")).rejects.toThrow(
      /npm:left-pad is imported by the site but is not installed/
    );
  });
});

describe("cdn", () => {
  test("+esm is an ES module bundle whose package imports stay imports", async () => {
    const response = await respond(index, `https://cdn.jsdelivr.net/npm/d3@${installed("d3")}/+esm`);
    expect(response.headers.get("content-type")).toMatch(/^application\/javascript/);
    const text = await response.text();
    expect(text).toContain(`"/npm/d3-array/+esm"`);
    expect(text).not.toContain("require(");
  });

  test("files are served byte for byte", async () => {
    const response = await respond(
      index,
      "https://cdn.jsdelivr.net/npm/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm"
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(readFileSync("node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"))).toBe(true);
  });

  test("a version that is not installed is an error naming what is", async () => {
    await expect(respond(index, "https://cdn.jsdelivr.net/npm/d3@1.0.0/+esm")).rejects.toThrow(
      `node_modules holds d3@${installed("d3")}`
    );
  });

  test("a placeholder version is an error naming the package", async () => {
    await expect(respond(index, `https://cdn.jsdelivr.net/npm/left-pad@${NOT_INSTALLED}/+esm`)).rejects.toThrow(
      MissingPackageError
    );
  });

  test("any other host is refused", async () => {
    await expect(respond(index, "https://fonts.googleapis.com/css2?family=Source+Serif+4")).rejects.toThrow(
      BlockedRequestError
    );
    await expect(
      respond(index, "https://extensions.duckdb.org/v1.1.1/wasm_eh/parquet.duckdb_extension.wasm")
    ).rejects.toThrow(/refused a request/);
  });
});

test("bundle inlines CommonJS dependencies (their named exports would be lost as separate modules)", async () => {
  const plot = await bundle("@observablehq/plot", process.cwd());
  expect(plot).toContain(`"/npm/d3/+esm"`);
  expect(plot).not.toContain("/npm/interval-tree-1d/"); // CommonJS: inlined
});

test("pruneNpmCache removes cached versions that node_modules does not hold", () => {
  const root = mkdtempSync(join(tmpdir(), "prune-"));
  const npm = join(root, ".observablehq", "cache", "_npm");
  for (const dir of [`d3@${installed("d3")}`, "d3@0.0.1", `left-pad@${NOT_INSTALLED}`, "@duckdb/duckdb-wasm@1.29.0"])
    mkdirSync(join(npm, dir), {recursive: true});
  expect(pruneNpmCache(root, index).sort()).toEqual(["d3@0.0.1", `left-pad@${NOT_INSTALLED}`]);
  expect(existsSync(join(npm, `d3@${installed("d3")}`))).toBe(true);
  expect(existsSync(join(npm, "@duckdb/duckdb-wasm@1.29.0"))).toBe(true);
});
