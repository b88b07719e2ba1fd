for (const n of ["cohorts", "lifecycle", "value", "demographics"]) {
  const t = Date.now();
  const m = await import(`./loaders/reports.js`);
  const s = await m[`${n}Report`]();
  console.log(n, Date.now() - t, s.length, s.slice(0, 300));
}
