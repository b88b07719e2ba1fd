// @vitest-environment jsdom
import {expect, test} from "vitest";
import {keptChart, lastOf, once} from "../../src/lib/memo.js";

test("once() makes its value on first use and keeps it", () => {
  let made = 0;
  const value = once(() => ++made);
  expect([value(), value(), made]).toEqual([1, 1, 1]);
});

test("lastOf computes once per key in a row, again for a new key, and compares list keys element by element", () => {
  const calls: string[] = [];
  const f = lastOf(
    ([rows, extra]: [object, string]) => {
      calls.push(extra);
      return {rows, extra};
    },
    ([rows, extra]) => [rows, extra]
  );
  const rows = {};
  const first = f([rows, "a"]);
  expect(f([rows, "a"])).toBe(first);
  expect(f([{}, "a"])).not.toBe(first); // another list of rows: computed again
  f([rows, "b"]);
  f([rows, "a"]); // only the last key is kept
  expect(calls).toEqual(["a", "a", "b", "a"]);
});

test("lastOf forgets a promise that failed, so the same key is tried again", async () => {
  let n = 0;
  const f = lastOf((key: string) => (n++ === 0 ? Promise.reject(new Error(key)) : Promise.resolve(key)));
  await expect(f("x")).rejects.toThrow("x");
  await expect(f("x")).resolves.toBe("x");
  expect(n).toBe(2);
});

test("keptChart draws at its width, again only for different data or a new width", () => {
  // jsdom lays nothing out: a stand-in ResizeObserver whose callback the test calls with a width.
  const observers: ((entries: {contentRect: {width: number}}[]) => void)[] = [];
  globalThis.ResizeObserver = class {
    constructor(callback: (entries: {contentRect: {width: number}}[]) => void) {
      observers.push(callback);
    }
    observe() {}
    disconnect() {}
    unobserve() {}
  } as unknown as typeof ResizeObserver;
  const slot = keptChart();
  const resized = (width: number) => observers[0]([{contentRect: {width}}]);
  const draws: string[] = [];
  const Chart = (rows: number[], {width, label}: {width: number; label: string}) => {
    const p = document.createElement("p");
    p.textContent = `${label} ${rows.join(",")} at ${width}`;
    draws.push(p.textContent);
    return p;
  };
  slot.show(Chart, [1, 2], {label: "a"});
  expect(draws).toEqual([]); // no width before the first layout
  resized(600);
  const first = slot.node.firstChild;
  expect(slot.node.textContent).toBe("a 1,2 at 600");
  slot.show(Chart, [1, 2], {label: "a"}); // equal rows and options, new objects: kept
  resized(600); // the same width: kept
  expect(slot.node.firstChild).toBe(first);
  slot.show(Chart, [1, 3], {label: "a"});
  resized(400);
  slot.show(Chart, [1, 3], {label: "b"}); // other options: drawn again
  expect(draws).toEqual(["a 1,2 at 600", "a 1,3 at 600", "a 1,3 at 400", "b 1,3 at 400"]);
  expect(slot.node.childNodes).toHaveLength(1);
});
