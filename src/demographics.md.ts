// The demographics page: loaders/pages/demographics.md with its first figure written in at build time.
import {emit} from "#loaders/emit.js";
import {demographicsMarkdown} from "#loaders/pages/demographics.js";

await emit(demographicsMarkdown);
