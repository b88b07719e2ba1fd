/**
 * batchedInput(input): an input whose value the page sees once per burst of events, and only
 * when it changed. Some edits send several input events at once (an editor inserting text line
 * by line, an automation tool filling a field); each would otherwise re-run every query that
 * depends on the value, the first ones with half-written text. Use with view() like the input.
 */
export function batchedInput<V>(input: HTMLElement & {value: V}): HTMLDivElement & {value: V} {
  const wrapper = Object.assign(document.createElement("div"), {value: input.value});
  wrapper.append(input);
  let scheduled = false;
  input.addEventListener("input", (event) => {
    event.stopPropagation();
    if (scheduled) return;
    scheduled = true;
    // A task later: every event of the burst has been handled, and the value is final.
    setTimeout(() => {
      scheduled = false;
      if (Object.is(input.value, wrapper.value)) return;
      wrapper.value = input.value;
      wrapper.dispatchEvent(new Event("input", {bubbles: true}));
    });
  });
  return wrapper;
}
