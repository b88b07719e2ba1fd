// The audience builder: loaders/pages/audiences.md with its first figures written in at build time.
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("audiences");
