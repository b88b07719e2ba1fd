// One period's leadership report, written at build time (loaders/report/): static, printable, no data engine.
import {parseArgs} from "node:util";
import {emitPage} from "#loaders/pages/cached.js";

const {values} = parseArgs({options: {period: {type: "string"}}});
await emitPage(`report/${values.period ?? ""}`);
