/**
 * Message text with light emphasis, as DOM: **bold**, *italic* and `code`. Everything else is
 * text (never parsed as HTML), so a translated string cannot inject markup.
 */
export function rich(text: string): HTMLSpanElement {
  const span = document.createElement("span");
  for (const part of text.split(/(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)/)) {
    if (!part) continue;
    const tag = part.startsWith("**") ? "b" : part.startsWith("*") ? "i" : part.startsWith("`") ? "code" : null;
    if (!tag) {
      span.append(part);
      continue;
    }
    const el = document.createElement(tag);
    el.textContent = part.replace(/^\*\*|\*\*$|^\*|\*$|^`|`$/g, "");
    span.append(el);
  }
  return span;
}
