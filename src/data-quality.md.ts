// The data-quality page: loaders/pages/data-quality.md with its first figure written in at build time.
import {emit} from "#loaders/emit.js";
import {qualityMarkdown} from "#loaders/pages/data-quality.js";

await emit(qualityMarkdown);
