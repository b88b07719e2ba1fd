/**
 * DownloadCsv(rows, {filename, label}): a button that saves rows as a CSV file. `rows` may be a
 * function that fetches them when clicked, so a page can offer a large export without holding
 * every row in memory after each input change.
 */
import {csvFormat} from "d3";
import {t} from "../lib/messages.js";

type Rows = Record<string, unknown>[];

export function DownloadCsv(
  rows: Rows | (() => Promise<Rows>),
  {filename = "customers.csv", label = t().common.download}: {filename?: string; label?: string} = {}
): HTMLButtonElement {
  const button = document.createElement("button");
  button.textContent = label;
  button.disabled = Array.isArray(rows) && rows.length === 0;
  button.dataset.download = filename;
  button.onclick = async () => {
    button.disabled = true;
    try {
      const data = Array.isArray(rows) ? rows : await rows();
      saveFile(csvFormat(data as never), filename, "text/csv;charset=utf-8");
    } finally {
      button.disabled = false;
    }
  };
  return button;
}

/** Saves `text` as a download named `filename`. */
export function saveFile(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const a = Object.assign(document.createElement("a"), {href: url, download: filename});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
