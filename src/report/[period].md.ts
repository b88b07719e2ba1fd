// One period's leadership report, written at build time (loaders/report/): static, printable, no data engine.
import {parseArgs} from "node:util";
import {emit} from "#loaders/emit.js";
import {periodMarkdown} from "#loaders/report/pages.js";

const {values} = parseArgs({options: {period: {type: "string"}}});
await emit(() => periodMarkdown(values.period ?? ""));
