/** The element every component shows when nothing matches the current filters. */
export function emptyState(message = "No customers match."): HTMLElement {
  const p = document.createElement("p");
  p.className = "empty-state";
  p.textContent = message;
  return p;
}
