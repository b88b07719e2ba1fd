// One period's leadership report figures as published (suppressed; loaders/report/).
import {parseArgs} from "node:util";
import {emitKept, REPORT_FOLDER} from "#loaders/kept.js";

const {values} = parseArgs({options: {period: {type: "string"}}});
const period = values.period ?? "";
// Copied out of the report's folder when the build has made it (loaders/report/index.ts writes each
// period's JSON there as published); a name that is not a plain file name goes to periodJson, which says so.
const make = async () => (await import("#loaders/report/index.js")).periodJson(period);
await emitKept(`${REPORT_FOLDER}/${/^[\w-]+$/.test(period) ? period : "-"}.json`, make);
