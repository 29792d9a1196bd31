// The writing surface: a text kept one paragraph a line, shown with a blank line between paragraphs (the server
// saves it without them), growing with the text, with a live word count and reading time.
"use strict";
(() => {
  const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
  const WORDS_A_MINUTE = 230;
  const paragraphs = (text) => text.split(/\r\n|\r|\n/).filter((line) => line.trim());
  const spaced = (text) => paragraphs(text).join("\n\n");

  const length = (text) => {
    const words = (text.match(WORD) || []).length;
    const minutes = Math.ceil(words / WORDS_A_MINUTE);
    const reading = !words ? "nothing to read yet"
      : words < WORDS_A_MINUTE / 2 ? "under a minute to read"
        : `about ${minutes} minute${minutes === 1 ? "" : "s"} to read`;
    return `${words.toLocaleString("en-GB")} word${words === 1 ? "" : "s"} · ${reading}`;
  };

  const insert = (area, text) => {
    area.focus();
    if (!document.execCommand("insertText", false, text)) { // keeps the browser's undo where it can
      area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
  };

  document.addEventListener("DOMContentLoaded", () => {
    for (const area of document.querySelectorAll("textarea[data-writing-surface]")) {
      const count = document.querySelector(`[data-word-count="${area.id}"]`);
      let queued = false;
      const grow = () => {
        queued = false;
        area.style.height = "auto";
        area.style.height = `${area.scrollHeight + 2}px`;
        if (count) count.textContent = length(area.value);
      };
      const later = () => { if (!queued) { queued = true; requestAnimationFrame(grow); } };
      area.addEventListener("input", later);
      window.addEventListener("resize", later);
      area.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
        event.preventDefault(); // a new line is a new paragraph: shown with its blank line
        const before = area.value.slice(0, area.selectionStart);
        if (!before) return;
        if (before.endsWith("\n\n")) { // at a paragraph's start: a new paragraph before it, the caret in it
          insert(area, "\n\n");
          area.setSelectionRange(area.selectionStart - 2, area.selectionStart - 2);
        } else {
          insert(area, before.endsWith("\n") ? "\n" : "\n\n");
        }
      });
      area.addEventListener("paste", (event) => {
        const text = event.clipboardData && event.clipboardData.getData("text/plain");
        if (!text || !/[\r\n]/.test(text)) return;
        event.preventDefault(); // pasted lines become paragraphs, each with its blank line
        insert(area, spaced(text));
      });
      area.addEventListener("change", () => {
        const tidy = spaced(area.value);
        if (tidy !== area.value) area.value = tidy;
        later();
      });
      grow();
    }
  });
})();
