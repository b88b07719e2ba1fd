// The campaigns page: loaders/pages/campaigns.md with its first figure written in at build time.
import {emit} from "#loaders/emit.js";
import {campaignsMarkdown} from "#loaders/pages/campaigns.js";

await emit(campaignsMarkdown);
