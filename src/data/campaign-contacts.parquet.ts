// Who each campaign contacted or held out, by pseudonym, and who redeemed (loaders/derive/publish.ts).
import {emitKept} from "#loaders/kept.js";
import {PUBLISHED_FILES} from "#loaders/derive/published-files.js";

await emitKept(PUBLISHED_FILES.out_campaign_contacts, async () =>
  (await import("#loaders/outputs.js")).campaignContactsParquet()
);
