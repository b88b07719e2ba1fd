/** Writes one section of BENCHMARKS.md, replacing the section of the same title. */
import {existsSync, readFileSync, writeFileSync} from "node:fs";

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
