// The lifecycle page: loaders/pages/lifecycle.md with its first figures written in at build time.
import {emit} from "#loaders/emit.js";
import {lifecycleMarkdown} from "#loaders/pages/lifecycle.js";

await emit(lifecycleMarkdown);
