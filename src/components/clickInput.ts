/**
 * clickInput(figure): a Plot figure with a pointer tip as an input whose value changes only when
 * the reader clicks — not on every hover — so a page can drill into the clicked mark with
 * Generators.input. The value is the datum under the pointer at the click (Plot's figure value).
 */
export function clickInput<T>(figure: HTMLElement | SVGSVGElement): HTMLDivElement & {value: T | null} {
  const wrapper = Object.assign(document.createElement("div"), {value: null as T | null});
  wrapper.className = "click-input";
  wrapper.append(figure);
  // Plot announces every pointer move as an input event; only clicks reach the page.
  figure.addEventListener("input", (event) => event.stopPropagation());
  figure.addEventListener("click", () => {
    const value = (figure as unknown as {value?: T | null}).value ?? null;
    if (value === null) return;
    wrapper.value = value;
    wrapper.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return wrapper;
}
