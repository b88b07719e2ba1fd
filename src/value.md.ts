// The value-contribution page: loaders/pages/value.md with its first figures written in at build time.
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("value");
