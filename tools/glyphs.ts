/**
 * Which characters of a page Chromium has no font for. Without one it draws the primary font's
 * "missing glyph" box, and a PDF printed that way is a page of boxes (a machine without a Chinese
 * font prints the Chinese report so), while its text layer still reads right: only the pixels
 * tell. So each character is drawn in the page's own font on a canvas and compared with a
 * character no font has (U+10FFFD, private use): the same pixels mean no font drew it.
 */
import type {Page} from "playwright-core";

/** The distinct characters of `selector`'s shown text that no installed font can draw. */
export async function missingGlyphs(page: Page, selector = "body"): Promise<string[]> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector) as HTMLElement | null;
    if (!element) throw new Error(`missingGlyphs: nothing matches ${selector}`);
    const style = getComputedStyle(element);
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 48;
    const context = canvas.getContext("2d", {willReadFrequently: true})!;
    context.font = `32px ${style.fontFamily}`;
    // The text of every shown element (not innerText: it is empty when no font gave it a size).
    let text = "";
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode())
      if (walker.currentNode.parentElement?.checkVisibility({visibilityProperty: true}))
        text += walker.currentNode.textContent;
    // Whitespace and controls draw nothing; ASCII is in every font the stack can fall back to.
    const chars = [...new Set(text)].filter((c) => c.codePointAt(0)! > 0x7e && c.trim() !== "");
    // (No named inner functions: tsx would wrap them in a helper the page does not have.)
    const [box, ...drawn] = ["\u{10FFFD}", ...chars].map((c) => {
      context.clearRect(0, 0, 48, 48);
      context.fillText(c, 8, 38);
      return context.getImageData(0, 0, 48, 48).data.join(",");
    });
    return chars.filter((_, i) => drawn[i] === box);
  }, selector);
}
