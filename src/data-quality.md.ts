// The data-quality page: loaders/pages/data-quality.md with its first figure written in at build time.
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("data-quality");
