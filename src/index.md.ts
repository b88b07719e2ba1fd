// The overview page: loaders/pages/overview.md with its headline figures written in at build time.
import {emit} from "#loaders/emit.js";
import {overviewMarkdown} from "#loaders/pages/overview.js";

await emit(overviewMarkdown);
