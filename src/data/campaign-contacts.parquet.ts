// Who each campaign contacted or held out, by pseudonym, and who redeemed (loaders/derive/publish.ts).
import {emit} from "#loaders/emit.js";
import {campaignContactsParquet} from "#loaders/outputs.js";

await emit(campaignContactsParquet);
