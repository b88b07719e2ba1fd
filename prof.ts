import {launchBrowser} from "./test/helpers/browser.js";
import {serveStatic} from "./test/helpers/server.js";
const server = await serveStatic(`${process.cwd()}/dist`);
const browser = await launchBrowser();
for (let k = 0; k < 2; k++) {
const context = await browser.newContext();
const page = await context.newPage();
const t0 = Date.now();
await page.goto(`${server.origin}/`);
await page.waitForSelector("[data-chart=contribution] svg", {timeout: 60000});
console.log("first chart", Date.now() - t0);
const entries = await page.evaluate(`performance.getEntriesByType("resource").map(e => [e.name.replace(/.*\\//, ""), Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize])`);
for (const e of entries as any[]) if (e[2] - e[1] > 50 || /wasm|parquet|worker/.test(e[0])) console.log(e);
await context.close();
}
await browser.close(); await server.close();
