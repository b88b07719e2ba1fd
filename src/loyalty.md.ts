// The loyalty page: loaders/pages/loyalty.md with its first figure written in at build time.
import {emit} from "#loaders/emit.js";
import {loyaltyMarkdown} from "#loaders/pages/loyalty.js";

await emit(loyaltyMarkdown);
