/**
 * npm run bench:data — time and peak memory of building the published tables from CSV at
 * 100k, 1M and 10M orders, beside a bare DuckDB read of the same files, written to
 * BENCHMARKS.md. BENCH_SIZES=100000,1000000 runs fewer sizes.
 */
import {execFileSync} from "node:child_process";
import {statSync} from "node:fs";
import {benchInputs} from "./inputs.js";
import {machineLine, writeSection} from "./report.js";

const sizes = (process.env.BENCH_SIZES ?? "100000,1000000,10000000").split(",").map(Number);
const {customers, orders} = await benchInputs(sizes, console.log);

const run = (mode: string, file: string) =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "bench/measure.ts", mode, file, customers], {encoding: "utf-8"})
      .trim()
      .split("\n")
      .at(-1)!
  ) as {seconds: number; modelSeconds: number; peakMB: number};

// This machine's speed drifts by a fifth or more within minutes: bare, floor and full runs
// alternate, five rounds (one at 10M). Times are medians; a ratio is the median of the rounds'
// ratios (each round ran at about the same speed), with their range.
const RUNS = (size: number) => (size > 1e6 ? 1 : 5);
const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const median = (results: {seconds: number; modelSeconds: number; peakMB: number}[]) => ({
  seconds: middle(results.map((r) => r.seconds)),
  modelSeconds: middle(results.map((r) => r.modelSeconds)),
  peakMB: Math.max(...results.map((r) => r.peakMB))
});

const rows: string[] = [];
for (const size of sizes) {
  const file = orders.get(size)!;
  const pairs = Array.from({length: RUNS(size)}, () => ({
    bare: run("bare", file),
    floor: run("floor", file),
    full: run("full", file)
  }));
  const bare = median(pairs.map((p) => p.bare));
  const full = median(pairs.map((p) => p.full));
  const mb = (statSync(file).size / 1e6).toFixed(0);
  if (size > 1e6 && statSync(file).size < size * 60) throw new Error(`${file} holds fewer than ${size} orders`);
  const ratios = pairs.map((p) => p.full.seconds / p.bare.seconds);
  const range = ratios.length > 1 ? ` (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})` : "";
  const tables = middle(pairs.map((p) => (p.full.seconds - p.full.modelSeconds) / p.bare.seconds));
  const floor = middle(pairs.map((p) => p.floor.seconds / p.bare.seconds));
  const line = `| ${size.toLocaleString("en-US")} | ${mb} MB | ${bare.seconds.toFixed(2)} s | ${full.seconds.toFixed(2)} s | ${full.modelSeconds.toFixed(2)} s | ${middle(ratios).toFixed(2)}×${range} | ${tables.toFixed(2)}× | ${floor.toFixed(2)}× | ${full.peakMB} MB |`;
  console.log(line);
  rows.push(line);
}

writeSection("Data build (`npm run bench:data`)", [
  machineLine(`Node ${process.version}`),
  "Input: the built-in sample at 1M customers (intensity 5, 11M orders), exported as an order-level CSV (local time, yuan amounts) plus a 1M-row",
  "customer master list (`bench/inputs.ts`); the first N orders by time. *Bare read*: DuckDB `read_csv` of both files into tables, nothing",
  "else. *Full build*: decoding and line checks, validation and classification of every row, pseudonyms, canonical tables, every",
  "published table and the Parquet files. *Floor*: what any build of this design does even with no validation at all: the",
  "bare read, pseudonyms, the canonical orders and customers, and the same published tables written the same way (bench/measure.ts",
  "floor; no checks, no quality counts, no predictions): *floor ÷ bare* is the least *tables ÷ bare* could be. Each run is a fresh",
  "process; peak memory is its maximum resident set. Bare, floor and full runs alternate, five rounds (one at 10M orders); times",
  "are the medians, a ratio the median of the rounds' ratios (range in brackets: each round ran at about the same machine speed);",
  "peak memory the largest of the full runs. The full build includes the prediction step (models fitted and every buyer scored,",
  "loaders/derive/predict.ts; its time from models.json); *tables ÷ bare* leaves it out.",
  "",
  "| orders | orders CSV | bare read | full build | of which predictions | full ÷ bare | tables ÷ bare | floor ÷ bare | peak memory |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows
]);
