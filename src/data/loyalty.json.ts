// Tiers, points and tier moves under the configured loyalty rules (loaders/act.ts).
import {emitKept, reportFile} from "#loaders/kept.js";

await emitKept(reportFile("loyalty"), async () => (await import("#loaders/act.js")).loyaltyReport());
