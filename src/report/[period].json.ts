// One period's leadership report figures as published (suppressed; loaders/report/).
import {join} from "node:path";
import {parseArgs} from "node:util";
import {emit} from "#loaders/emit.js";
import {emitKept, REPORT_FOLDER} from "#loaders/kept.js";

const {values} = parseArgs({options: {period: {type: "string"}}});
const period = values.period ?? "";
const make = async () => (await import("#loaders/report/index.js")).periodJson(period);
// Copied out of the report's folder, where loaders/report/index.ts keeps each period's JSON as
// published. A name that is not a plain file name (../info) never reaches the file system:
// periodJson refuses it.
if (/^[\w-]+$/.test(period)) await emitKept(join(REPORT_FOLDER, `${period}.json`), make);
else await emit(make);
