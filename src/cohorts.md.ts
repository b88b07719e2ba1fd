// The cohorts page: loaders/pages/cohorts.md with its first figures written in at build time.
import {emit} from "#loaders/emit.js";
import {cohortsMarkdown} from "#loaders/pages/cohorts.js";

await emit(cohortsMarkdown);
