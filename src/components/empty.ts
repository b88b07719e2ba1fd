import {t} from "../lib/messages.js";

/** The element every component shows when nothing matches the current filters. */
export function emptyState(message = t().common.noCustomers): HTMLElement {
  const p = document.createElement("p");
  p.className = "empty-state";
  p.textContent = message;
  return p;
}
