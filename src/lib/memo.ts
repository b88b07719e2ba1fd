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
 * A place on the page for a chart drawn at the place's width, and drawn again only when that
 * width or what it draws changes. Framework reruns every cell below a changed one, even when its
 * value comes out the same, and resize() starts each run with an empty box that it fills at the
 * next layout: a chart whose data did not change (the cohorts page's revenue heatmap when only the
 * retention mode did) would be built and laid out again for nothing, and a changed one costs two
 * layouts of the page, one with the box empty. `show(Chart, rows, options)` draws
 * `Chart(rows, {...options, width})` into `node` at once unless it is the chart drawn and its rows
 * and options equal (as JSON) what it drew: a chart component reads nothing else, so equal inputs are an
 * equal chart. Before the first layout (no width yet) and at every change of width, the chart is
 * drawn when the width is known.
 */
export function keptChart(): {
  node: HTMLDivElement;
  show<R, O extends object>(chart: (rows: R, options: O & {width: number}) => Node, rows: R, options: O): void;
} {
  const node = document.createElement("div");
  let width: number | undefined;
  let shown: {chart: unknown; json: string; draw: (width: number) => Node} | undefined;
  const render = () => {
    if (shown && width) node.replaceChildren(shown.draw(width));
  };
  new ResizeObserver(([entry]) => {
    if (entry.contentRect.width === width) return;
    width = entry.contentRect.width;
    render();
  }).observe(node);
  return {
    node,
    show(chart, rows, options) {
      const json = JSON.stringify([rows, options]);
      if (chart === shown?.chart && json === shown.json) return;
      shown = {chart, json, draw: (w) => chart(rows, {...options, width: w})};
      render();
    }
  };
}
