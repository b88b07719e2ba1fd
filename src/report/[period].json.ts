// One period's leadership report figures as published (suppressed; loaders/report/).
import {parseArgs} from "node:util";
import {emit} from "#loaders/emit.js";
import {periodJson} from "#loaders/report/index.js";

const {values} = parseArgs({options: {period: {type: "string"}}});
await emit(() => periodJson(values.period ?? ""));
