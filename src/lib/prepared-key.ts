/**
 * Results computed at build time for a page's default inputs: their key and the page specs that
 * produce them. Node-safe (the loaders and tests import it); prepared.ts adds the browser side.
 */

/**
 * One query of a page: the defaults of the inputs it depends on and the SQL for any inputs. The
 * page and the build-time loader both use it (prepareSpec in loaders/reports.ts), so the first
 * paint always matches the page's defaults.
 */
export interface QuerySpec<O, T> {
  defaults: O;
  sql: (options: O) => string;
  /**
   * Every value the inputs take, when they are few (an attribute to break down by): the loader
   * prepares each, the defaults first, and a change among them is drawn without a query.
   */
  choices?: readonly O[];
  /** Only for typing the rows. */
  readonly row?: T;
}

/** Rows and the inputs they were computed for. */
export interface Prepared<T> {
  options: unknown;
  rows: T[];
}

/** JSON with sorted keys and without empty filters, so equal inputs give equal text. */
export function canonicalOptions(value: unknown): string {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (v && typeof v === "object") {
      const entries = Object.entries(v)
        .filter(([, x]) => x !== undefined && x !== null && !(Array.isArray(x) && x.length === 0))
        .map(([k, x]) => [k, clean(x)] as const)
        .filter(([, x]) => !(x && typeof x === "object" && !Array.isArray(x) && Object.keys(x).length === 0))
        .sort(([a], [b]) => a.localeCompare(b));
      return Object.fromEntries(entries);
    }
    return v;
  };
  return JSON.stringify(clean(value));
}

/**
 * The prepared rows when `options` are the ones they were computed for, else null. A page whose
 * inputs take a few values may be prepared for each (a list): every change is then drawn at once.
 */
export function preparedRows<T>(prepared: Prepared<T> | readonly Prepared<T>[], options: unknown): T[] | null {
  const key = canonicalOptions(options);
  const all = Array.isArray(prepared) ? prepared : [prepared as Prepared<T>];
  return all.find((p) => canonicalOptions(p.options) === key)?.rows ?? null;
}
