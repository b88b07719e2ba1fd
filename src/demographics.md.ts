// The demographics page: loaders/pages/demographics.md with its first figure written in at build time.
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("demographics");
