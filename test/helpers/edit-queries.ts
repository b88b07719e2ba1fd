/**
 * The DuckDB-WASM queries an input change ran, timed against the change: for the pages that start a
 * change's queries at the input event (src/lib/early.ts) instead of at Framework's next frame.
 */
import type {Page} from "playwright-core";
import {QUERY_MEASURE} from "../../src/lib/measures.js";

/** Notes the time of the next input event and of the first animation frame after it. */
export function watchNextEdit(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as {edit?: {at: number; frame: number}};
    delete w.edit;
    // Capture on the document: this frame callback is asked for before Framework's, which the
    // input's own listener asks for, so it runs first.
    document.addEventListener(
      "input",
      () => {
        const edit = {at: performance.now(), frame: Number.POSITIVE_INFINITY};
        w.edit = edit;
        requestAnimationFrame(() => (edit.frame = performance.now()));
      },
      {capture: true, once: true}
    );
  });
}

/**
 * For each query that started after the watched input event: its start in milliseconds after the
 * first frame that followed the event (negative: it started before that frame, at the event).
 */
export function editQueries(page: Page): Promise<number[]> {
  return page.evaluate((name) => {
    const edit = (window as unknown as {edit?: {at: number; frame: number}}).edit;
    if (!edit) throw new Error("no input event since watchNextEdit");
    return performance
      .getEntriesByName(name)
      .filter((e) => e.startTime >= edit.at)
      .map((e) => e.startTime - edit.frame);
  }, QUERY_MEASURE);
}
