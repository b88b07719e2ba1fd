// The segment-migration page: loaders/pages/segment-migration.md with its first figures written in at build time.
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("segment-migration");
