/**
 * Small-cell suppression for the leadership report, applied in the loader before anything is
 * written: a figure computed from 1 to k − 1 customers (k = 10 unless configured) says too much
 * about those few, so it is published as null with `suppressed: true`.
 *
 * A cell is any object with a `customers` count (how many customers the figure comes from) and
 * number fields; its string fields (labels) stay. Primary suppression blanks every number of a
 * small cell. Secondary suppression: where cells add up to a total that is published (the four
 * types to the customers, new + returning + resurrecting to the active buyers, a migration row
 * to the type's earlier size), one blanked cell could be worked out from the total and the
 * others, so the smallest other non-zero cell of the group is blanked too (or, with none, the
 * total itself). Zero cells stay: "nobody" identifies nobody.
 */

export interface Cell {
  customers: number | null;
  suppressed?: true;
  [field: string]: unknown;
}

/** Cells that add up to `total` (which may be published elsewhere in the report). */
export interface Group {
  cells: Cell[];
  total?: Cell;
}

export const DEFAULT_MIN_CELL = 10;

/** Blanks every number of a cell. */
export function blank(cell: Cell): void {
  for (const [field, value] of Object.entries(cell)) if (typeof value === "number") cell[field] = null;
  cell.customers = null;
  cell.suppressed = true;
}

const small = (cell: Cell, k: number) =>
  typeof cell.customers === "number" && cell.customers >= 1 && cell.customers < k;

/** Primary suppression of every cell, then secondary suppression over the groups until nothing changes. */
export function suppress(cells: Iterable<Cell>, groups: Group[], k: number): void {
  for (const cell of cells) if (small(cell, k)) blank(cell);
  for (let changed = true; changed; ) {
    changed = false;
    for (const {cells: members, total} of groups) {
      if (members.filter((c) => c.suppressed).length !== 1) continue;
      if (total?.suppressed) continue;
      const candidates = members.filter((c) => !c.suppressed && (c.customers ?? 0) > 0);
      const next = candidates.sort((a, b) => (a.customers ?? 0) - (b.customers ?? 0))[0] ?? total;
      if (!next) continue;
      blank(next);
      changed = true;
    }
  }
}

/** Every cell in a JSON value (objects with a `customers` field), for suppressing a whole report. */
export function cellsOf(value: unknown): Cell[] {
  if (Array.isArray(value)) return value.flatMap(cellsOf);
  if (!value || typeof value !== "object") return [];
  const own = "customers" in value ? [value as Cell] : [];
  return [...own, ...Object.values(value).flatMap(cellsOf)];
}
