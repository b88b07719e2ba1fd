/**
 * One measured run of the prediction step, in its own process so that peak memory is its own:
 *   [BENCH_MEMORY_LIMIT=700MB] node --import tsx bench/models-run.ts CUSTOMER-DAY.parquet
 * Times predict() (histories, fits, scoring, validation, trend, clusters: everything a build
 * does after publishing) and, as the floor, one evaluation of the BG/NBD likelihood and its
 * gradient over every buyer's history. Prints {seconds, parts, buyers, peakMB, likelihoodMs} as JSON.
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {predict} from "../loaders/derive/predict.js";
import {buyerDaysSql, historiesSql} from "../loaders/derive/histories.js";
import {openDuckDB, queryRows} from "../loaders/duckdb.js";
import {bgnbdTotalLogLikelihood, pack, type Rfm} from "../loaders/models/bgnbd.js";
import {MODELS_AS_OF} from "./models-input.js";

const [file] = process.argv.slice(2);
const db = await openDuckDB();
// BENCH_MEMORY_LIMIT caps DuckDB's memory (it spills past it), as WORKBENCH_DUCKDB_MEMORY does in a build.
if (process.env.BENCH_MEMORY_LIMIT) await db.run(`SET memory_limit = '${process.env.BENCH_MEMORY_LIMIT}'`);
const dir = mkdtempSync(join(tmpdir(), "bench-models-"));
const started = performance.now();
const report = await predict(db, `read_parquet('${file}')`, dir, MODELS_AS_OF);
const seconds = (performance.now() - started) / 1000;
const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
rmSync(dir, {recursive: true, force: true});

// The floor: the likelihood of all buyers' histories and its gradient, once (a fit evaluates them
// about a hundred times).
await db.run(buyerDaysSql(`read_parquet('${file}')`, MODELS_AS_OF));
const histories = pack(await queryRows<Rfm>(db, `SELECT x, tx, T FROM (${historiesSql({"": MODELS_AS_OF})})`));
const params = report.bgnbd?.params ?? {r: 0.5, alpha: 40, a: 1, b: 10};
bgnbdTotalLogLikelihood(params, histories); // warm-up
const t = performance.now();
bgnbdTotalLogLikelihood(params, histories);
const likelihoodMs = performance.now() - t;
console.log(JSON.stringify({seconds, parts: report.seconds, buyers: report.buyers, peakMB, likelihoodMs}));
