// The overview page: loaders/pages/overview.md with its headline figures written in at build time.
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("index");
