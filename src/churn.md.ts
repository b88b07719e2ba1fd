// The churn page: loaders/pages/churn.md with its first figures written in at build time.
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("churn");
