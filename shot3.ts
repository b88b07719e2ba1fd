import {launchBrowser, watchPage} from "./test/helpers/browser.js";
import {serveStatic} from "./test/helpers/server.js";
const server = await serveStatic("/work/main/dist");
const browser = await launchBrowser();
for (const [path, lang] of process.argv.slice(2).map((a) => a.split("@"))) {
  const page = await browser.newPage({viewport: {width: 1280, height: 1400}});
  const watch = watchPage(page, server.origin);
  await page.goto(`${server.origin}${path}?lang=${lang}`);
  await page.waitForTimeout(8000);
  await page.screenshot({path: `/tmp/shot-${path.replace(/\W/g, "") || "index"}-${lang}.png`});
  console.log(
    path,
    lang,
    watch.consoleErrors,
    await page.locator(".observablehq--error").allTextContents(),
    await page.locator("observablehq-loading").count()
  );
}
await browser.close();
await server.close();
