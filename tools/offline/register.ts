/**
 * Loaded into the Framework CLI with `node --import tsx --import ./tools/offline/register.ts`
 * (see package.json): replaces the process's fetch so that Framework's npm and jsDelivr
 * downloads are answered from node_modules and any other outside request fails loudly.
 * Requests to loopback pass through (the preview server talks to itself).
 */
import {appendFileSync} from "node:fs";
import {pruneNpmCache} from "./cache.js";
import {BlockedRequestError, handles, respond} from "./cdn.js";
import {PackageIndex} from "./packages.js";
import {siteRoot} from "../site-root.js";

/** The Framework root (observablehq.config.ts `root`), whose .observablehq/cache holds downloads. */
const SITE_ROOT = await siteRoot();

process.env.OBSERVABLE_TELEMETRY_DISABLE ??= "true"; // telemetry would be a request to another host

const realFetch = globalThis.fetch;
const index = new PackageIndex(process.cwd());
pruneNpmCache(SITE_ROOT, index);

globalThis.fetch = async function offlineFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  const {hostname} = new URL(url);
  if (hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]") return realFetch(input, init);
  try {
    if (!handles(url)) throw new BlockedRequestError(url);
    const response = await respond(index, url);
    // WORKBENCH_OFFLINE_LOG names a file that lists every URL answered from node_modules (tests read it).
    if (process.env.WORKBENCH_OFFLINE_LOG) appendFileSync(process.env.WORKBENCH_OFFLINE_LOG, `${url}\n`);
    return response;
  } catch (error) {
    // Framework logs download failures but may still finish the build; we make it fail.
    console.error(`\x1b[31m${(error as Error).message}\x1b[0m`);
    process.exitCode = 1;
    throw error;
  }
};
