// The churn page: loaders/pages/churn.md with its first figures written in at build time.
import {emit} from "#loaders/emit.js";
import {churnMarkdown} from "#loaders/pages/churn.js";

await emit(churnMarkdown);
