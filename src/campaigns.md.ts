// The campaigns page: loaders/pages/campaigns.md with its first figure written in at build time.
import {emitPage} from "#loaders/pages/cached.js";

await emitPage("campaigns");
