/**
 * Drawing at build time: the site's components (Plot charts, rich text) make DOM elements, which
 * need a document, and Node has none. They draw into a jsdom document set as the global one.
 */
import {JSDOM} from "jsdom";

/**
 * jsdom has no canvas, and Plot paints a continuous colour legend's ramp on one (1 pixel high)
 * and embeds it as an image. This canvas keeps the rectangles filled on it and gives them back
 * as an SVG image, which the legend's <image> shows as it would the PNG.
 */
function rampCanvas(window: JSDOM["window"]): void {
  const rects = new WeakMap<object, string[]>();
  const prototype = window.HTMLCanvasElement.prototype as unknown as {
    getContext(): unknown;
    toDataURL(): string;
    width: number;
    height: number;
  };
  prototype.getContext = function (this: object) {
    const drawn: string[] = [];
    rects.set(this, drawn);
    const context = {
      fillStyle: "",
      fillRect(x: number, y: number, w: number, h: number) {
        drawn.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${context.fillStyle}"/>`);
      }
    };
    return context;
  };
  prototype.toDataURL = function (this: {width: number; height: number}) {
    const {width, height} = this;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" shape-rendering="crispEdges">${(rects.get(this) ?? []).join("")}</svg>`;
    return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  };
}

/** `draw()` run with a jsdom document as the global one; the global is restored after. */
export function withDocument<T>(draw: () => T): T {
  const dom = new JSDOM("<!DOCTYPE html><body></body>");
  rampCanvas(dom.window);
  const g = globalThis as {window?: unknown; document?: unknown};
  const saved = [g.window, g.document];
  [g.window, g.document] = [dom.window, dom.window.document];
  try {
    return draw();
  } finally {
    [g.window, g.document] = saved;
  }
}

/** The HTML of the element `draw()` makes. */
export const drawn = (draw: () => Element): string => withDocument(() => draw().outerHTML);

/** Text made safe for HTML: build-time pages write messages and data values into their markup. */
export const esc = (s: string): string =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
