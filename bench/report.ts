/** Writes one section of BENCHMARKS.md, replacing the section of the same title. */
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {cpus, totalmem} from "node:os";

/** A section's first line: this machine, what ran the benchmark (`runtime`), and today's date. */
export const machineLine = (runtime: string) =>
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB; ${runtime}; ${new Date().toISOString().slice(0, 10)}.`;

export function writeSection(title: string, lines: string[]): void {
  const file = "BENCHMARKS.md";
  const text = existsSync(file)
    ? readFileSync(file, "utf-8")
    : "# Benchmarks\n\nFigures measured on this project's machines by the scripts in `bench/`.\n";
  const sections = text.split(/\n(?=## )/);
  const section = `## ${title}\n\n${lines.join("\n")}\n`;
  const i = sections.findIndex((s) => s.startsWith(`## ${title}`));
  if (i >= 0) sections[i] = section;
  else sections.push(section);
  writeFileSync(file, `${sections.map((s) => s.trimEnd()).join("\n\n")}\n`);
}
