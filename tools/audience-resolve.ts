/**
 * npm run audience:resolve -- audience.csv [--out FOLDER]
 *
 * Turns an audience exported from the site (pseudonymous keys and groups) back into the
 * retailer's own customer ids, on the analyst's machine: the site never holds raw ids, so this
 * reads the configured source again and pseudonymizes its ids with the key (resolve.ts). Writes
 * FOLDER/<name>-ids.csv (default .workbench/private/audiences; never under src/ or dist/) and
 * refuses every customer without marketing consent today.
 */
import {basename} from "node:path";
import {loadConfig} from "../loaders/config.js";
import {UserError} from "../loaders/errors.js";
import {DEFAULT_RESOLVED_DIR, resolveAudience} from "../loaders/resolve.js";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  const out = outAt >= 0 ? args[outAt + 1] : DEFAULT_RESOLVED_DIR;
  const files = args.filter((a, i) => !a.startsWith("--") && (outAt < 0 || i !== outAt + 1));
  if (files.length !== 1 || !out) throw new UserError("usage: npm run audience:resolve -- audience.csv [--out FOLDER]");
  const {config} = await loadConfig();
  const result = await resolveAudience(config, files[0], out);
  console.log(
    `${basename(files[0])}: ${result.resolved} customers written to ${result.file} ` +
      `(${result.treatment} to contact, ${result.holdout} holdout); ` +
      `refused ${result.refused} without marketing consent today; ${result.unknown} keys not in the source.`
  );
}

main().catch((error) => {
  // An input error is explained in its message; anything else is a bug worth its stack.
  console.error(error instanceof UserError ? `error: ${error.message}` : error);
  process.exit(1);
});
