/**
 * The check every published leadership-report file must pass, written apart from the code that
 * suppresses (loaders/report/suppress.ts) so that a mistake there shows here:
 * - every object with a `customers` count has 0 or at least k, or is marked suppressed with no
 *   number left in it;
 * - no table that adds up to a published total has exactly one suppressed cell (it could be
 *   worked out): the lifecycle states, the four types now and before, their revenue, and each
 *   row and column of the migration table.
 * Returns one line per violation, naming where.
 */
type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
type Row = {[key: string]: Json};

export function reportViolations(report: unknown, k: number): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    if (!value || typeof value !== "object") return;
    const row = value as Row;
    if ("customers" in row) {
      const n = row.customers;
      if (typeof n === "number" && n > 0 && n < k) out.push(`${path}: ${n} customers (fewer than ${k})`);
      if (n === null) {
        if (row.suppressed !== true) out.push(`${path}: customers blank but not marked suppressed`);
        const left = Object.entries(row).filter(([, v]) => typeof v === "number");
        if (left.length) out.push(`${path}: suppressed but still shows ${left.map(([f]) => f).join(", ")}`);
      }
    }
    for (const [key, v] of Object.entries(row)) walk(v, path ? `${path}.${key}` : key);
  };
  walk(report, "");

  const r = report as Row;
  const shown = (cell: Json | undefined) => !!cell && typeof cell === "object" && !(cell as Row).suppressed;
  const lone = (name: string, cells: Row[], total: Json | undefined) => {
    const blanked = cells.filter((c) => c.suppressed === true).length;
    if (blanked === 1 && shown(total)) out.push(`${name}: one suppressed cell beside a published total`);
  };
  const rows = (key: string) => (Array.isArray(r[key]) ? (r[key] as Row[]) : []);
  const kpi = (name: string, which: string) => ((r.kpis as Row | undefined)?.[name] as Row | undefined)?.[which];
  if (r.kpis) {
    const lifecycle = rows("lifecycle");
    const state = (s: string) => lifecycle.filter((c) => c.state === s);
    lone(
      "lifecycle (new + returning + resurrecting)",
      [...state("new"), ...state("returning"), ...state("resurrecting")],
      kpi("active", "current")
    );
    lone("lifecycle (returning + dormant)", [...state("returning"), ...state("dormant")], kpi("active", "previous"));
    lone("types", rows("types"), kpi("customers", "current"));
    lone("typesBefore", rows("typesBefore"), kpi("customers", "previous"));
    lone("typeRevenue", rows("typeRevenue"), kpi("revenue", "current"));
    const migration = rows("migration");
    for (const from of new Set(migration.map((m) => m.from)))
      lone(
        `migration from ${from}`,
        migration.filter((m) => m.from === from),
        rows("typesBefore").find((t) => t.type === from)
      );
    for (const to of new Set(migration.map((m) => m.to)))
      lone(
        `migration to ${to}`,
        migration.filter((m) => m.to === to),
        rows("types").find((t) => t.type === to)
      );
  }
  return out;
}
