/** DownloadCsv(rows, {filename, label}): a button that saves the rows as a CSV file. */
import {csvFormat} from "d3";

export function DownloadCsv(rows: object[], {filename = "customers.csv", label = "Download CSV"}: {filename?: string; label?: string} = {}): HTMLButtonElement {
  const button = document.createElement("button");
  button.textContent = `${label} (${rows.length.toLocaleString("en-US")} rows)`;
  button.disabled = rows.length === 0;
  button.dataset.download = filename;
  button.onclick = () => {
    const url = URL.createObjectURL(new Blob([csvFormat(rows as Record<string, unknown>[] as never)], {type: "text/csv;charset=utf-8"}));
    const a = Object.assign(document.createElement("a"), {href: url, download: filename});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return button;
}
