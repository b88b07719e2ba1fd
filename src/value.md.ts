// The value-contribution page: loaders/pages/value.md with its first figures written in at build time.
import {emit} from "#loaders/emit.js";
import {valueMarkdown} from "#loaders/pages/value.js";

await emit(valueMarkdown);
