/**
 * Answers the requests Observable Framework 1.13 makes to the npm registry and to jsDelivr,
 * from the locked node_modules instead of the network.
 *
 * Framework resolves `npm:` imports in two steps: it asks registry.npmjs.org which version
 * satisfies a range, then downloads `cdn.jsdelivr.net/npm/NAME@VERSION/PATH`, where PATH is a
 * file of the package or `+esm`, jsDelivr's ES-module bundle of an entry point with every other
 * package left as an import of `/npm/OTHER/+esm`. We give the same answers: versions from
 * node_modules, files from the package folder, and `+esm` bundles built here with esbuild.
 */
import {existsSync, readFileSync, statSync} from "node:fs";
import {dirname, extname, join} from "node:path";
import * as esbuild from "esbuild";
import {MissingPackageError, type PackageIndex, parseSpecifier} from "./packages.js";

const REGISTRY = "https://registry.npmjs.org/";
const CDN = "https://cdn.jsdelivr.net/npm/";

const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".mjs": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm"
};

/** Thrown for any request to a host the offline build must not reach. */
export class BlockedRequestError extends Error {
  constructor(url: string) {
    super(
      `offline build: refused a request to ${url}. The workbench serves every module, wasm file ` +
        `and font from node_modules; nothing may be downloaded while building or previewing.`
    );
    this.name = "BlockedRequestError";
  }
}

/** True when this URL is one of the two hosts the offline CDN stands in for. */
export function handles(url: string): boolean {
  return url.startsWith(REGISTRY) || url.startsWith(CDN);
}

/** Answers a registry or jsDelivr request from node_modules. */
export async function respond(index: PackageIndex, url: string): Promise<Response> {
  if (url.startsWith(REGISTRY)) return registry(index, decodeURIComponent(url.slice(REGISTRY.length)));
  if (url.startsWith(CDN)) return cdn(index, url.slice(CDN.length));
  throw new BlockedRequestError(url);
}

/**
 * Version of a package that is not installed. Framework's client bundle resolves the version
 * of every package it might import lazily (react-dom, for JSX) even when no page uses it; we
 * answer with this placeholder, and a page that really imports the package fails the build
 * when its files are requested. tools/offline/cache.ts prunes the placeholder from the cache.
 */
export const NOT_INSTALLED = "0.0.0-not-installed";

/** `NAME` → all installed versions (Framework picks the highest that satisfies its range);
 *  `NAME/TAG` → the top-level copy, the one package.json pins. */
function registry(index: PackageIndex, path: string): Response {
  const {name, path: tag} = parseSpecifier(path);
  const list = index.versions(name);
  if (tag) return json({name, version: list[0]?.version ?? NOT_INSTALLED});
  if (list.length === 0) index.preferred(name); // throws the "not installed" error
  return json({name, versions: Object.fromEntries(list.map((p) => [p.version, {}]))});
}

async function cdn(index: PackageIndex, specifier: string): Promise<Response> {
  const {name, range, path = "+esm"} = parseSpecifier(specifier);
  if (!range) throw new MissingPackageError(`npm:${name} was requested without a version`);
  const pkg = range === NOT_INSTALLED ? index.preferred(name) : index.exact(name, range);
  if (path === "+esm" || path.endsWith("/+esm")) {
    const subpath = path === "+esm" ? "" : `/${path.slice(0, -"/+esm".length)}`;
    return new Response(await bundle(`${name}${subpath}`, pkg.resolveDir), {headers: {"content-type": TYPES[".js"]}});
  }
  const file = join(pkg.dir, path);
  if (!file.startsWith(pkg.dir) || !existsSync(file) || !statSync(file).isFile()) {
    throw new MissingPackageError(`npm:${name}@${range}/${path}: no such file in ${pkg.dir}`);
  }
  const type = TYPES[extname(file)] ?? "application/octet-stream";
  return new Response(readFileSync(file), {headers: {"content-type": type}});
}

/**
 * Bundles one entry point for the browser as ES module, the way jsDelivr's `+esm` does:
 * imports of other ES-module packages stay imports (`/npm/OTHER/+esm`), so shared packages
 * such as d3 or htl load once; CommonJS dependencies are inlined, because a separate
 * CommonJS bundle would lose its named exports.
 */
export async function bundle(entry: string, resolveDir: string): Promise<string> {
  const self = parseSpecifier(entry).name;
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: resolveDir,
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "eof",
    logLevel: "silent",
    define: {"process.env.NODE_ENV": '"production"'},
    plugins: [
      {
        name: "external-packages",
        setup(build) {
          build.onResolve({filter: /^[^./]/}, async (args) => {
            if (args.pluginData === "inner") return undefined;
            const {name} = parseSpecifier(args.path);
            if (args.kind === "entry-point" || name === self) {
              const resolved = await build.resolve(args.path, {
                kind: "import-statement",
                resolveDir: args.kind === "entry-point" ? resolveDir : args.resolveDir,
                pluginData: "inner"
              });
              return resolved.errors.length ? {errors: resolved.errors} : {path: resolved.path};
            }
            const resolved = await build.resolve(args.path, {
              kind: args.kind,
              resolveDir: args.resolveDir,
              pluginData: "inner"
            });
            if (resolved.errors.length) return {errors: resolved.errors};
            if (!isEsm(resolved.path)) return {path: resolved.path};
            const [, ...sub] = args.path.slice(name.length).split("/");
            return {path: `/npm/${name}${sub.length ? `/${sub.join("/")}` : ""}/+esm`, external: true};
          });
        }
      }
    ]
  });
  return result.outputFiles[0].text;
}

/** A file is an ES module if it says so by extension, by its package's "type", or by its syntax. */
function isEsm(file: string): boolean {
  if (file.endsWith(".mjs")) return true;
  if (file.endsWith(".cjs")) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      if (JSON.parse(readFileSync(manifest, "utf-8")).type === "module") return true;
      break;
    }
  }
  return /^\s*(import|export)\b/m.test(readFileSync(file, "utf-8"));
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), {headers: {"content-type": TYPES[".json"]}});
}
