// Tiers, points and tier moves under the configured loyalty rules (loaders/act.ts).
import {emit} from "#loaders/emit.js";
import {loyaltyReport} from "#loaders/act.js";

await emit(loyaltyReport);
