// The rules lab: loaders/pages/rules-lab.md with its first figures written in at build time.
import {emit} from "#loaders/emit.js";
import {rulesLabMarkdown} from "#loaders/pages/rules-lab.js";

await emit(rulesLabMarkdown);
