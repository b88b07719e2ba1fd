// The segment-migration page: loaders/pages/segment-migration.md with its first figures written in at build time.
import {emit} from "#loaders/emit.js";
import {migrationMarkdown} from "#loaders/pages/segment-migration.js";

await emit(migrationMarkdown);
