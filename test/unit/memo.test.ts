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

test("keptChart draws again only for different data, and tells the chart it replaced", async () => {
  const slot = keptChart<{rows: number[]; label: string}>();
  const replaced: string[] = [];
  const draw = (d: {rows: number[]; label: string}, gone: Promise<void>) => {
    const p = document.createElement("p");
    p.textContent = `${d.label}: ${d.rows.join(",")}`;
    gone.then(() => replaced.push(p.textContent!));
    return p;
  };
  slot.show({rows: [1, 2], label: "a"}, draw);
  const first = slot.node.firstChild;
  slot.show({rows: [1, 2], label: "a"}, draw); // equal data, a new object: kept
  expect(slot.node.firstChild).toBe(first);
  slot.show({rows: [1, 3], label: "a"}, draw);
  expect(slot.node.textContent).toBe("a: 1,3");
  expect(slot.node.childNodes).toHaveLength(1);
  await Promise.resolve();
  expect(replaced).toEqual(["a: 1,2"]);
});
