// The CLV page: loaders/pages/clv.md with its first figures written in at build time.
import {emit} from "#loaders/emit.js";
import {clvMarkdown} from "#loaders/pages/clv.js";

await emit(clvMarkdown);
