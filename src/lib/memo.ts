/**
 * Values a page computes once and keeps, so that an input change redoes only what depends on it.
 */

/** A value computed on first use and kept: a page's scored population, made once per input change. */
export function once<T>(make: () => T): () => T {
  let made: {value: T} | undefined;
  return () => (made ??= {value: make()}).value;
}

/**
 * A function that remembers its last result: called again with the same key (compared element by
 * element when the key is a list), it returns that result instead of computing it again. A page
 * uses it where an input changes only part of what a cell depends on (the clusters page's k, say,
 * leaves the buyers' features as they were). A promise that fails is forgotten.
 */
export function lastOf<K, V>(compute: (key: K) => V, keyOf: (key: K) => unknown = (key) => key): (key: K) => V {
  let last: {id: unknown; value: V} | undefined;
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;
  return (key) => {
    const id = keyOf(key);
    if (last && same(last.id, id)) return last.value;
    const value = compute(key);
    const entry = {id, value};
    last = entry;
    if (value instanceof Promise)
      value.catch(() => {
        if (last === entry) last = undefined;
      });
    return value;
  };
}

/**
 * A place on the page for a chart that is drawn again only when what it draws has changed.
 * Framework reruns every cell below a changed one, even when its value comes out the same: a
 * chart whose data did not change (the cohorts page's revenue heatmap when only the retention
 * mode did) would be built and laid out again for nothing, 20–40 ms for a heatmap. `show(data,
 * draw)` draws `draw(data, replaced)` into `node` unless `data` equals (as JSON) what is drawn;
 * `draw` must read nothing but `data`, so that equal data is an equal chart. `replaced` resolves
 * when the chart is replaced (for resize's observer).
 */
export function keptChart<T>(): {
  node: HTMLDivElement;
  show(data: T, draw: (data: T, replaced: Promise<void>) => Node): void;
} {
  const node = document.createElement("div");
  let drawn: string | undefined;
  let replace = () => {};
  return {
    node,
    show(data, draw) {
      const json = JSON.stringify(data);
      if (json === drawn) return;
      replace();
      const replaced = new Promise<void>((resolve) => (replace = resolve));
      node.replaceChildren(draw(data, replaced));
      drawn = json;
    }
  };
}
