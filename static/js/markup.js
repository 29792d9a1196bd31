// The house markup's writing surface: buttons and Ctrl/⌘-I for its marks, the paragraph at the cursor as readers
// will see it (rendered by the server), and pasting from a word processor as markup (converted by the server).
"use strict";
(() => {
  const QUOTATION = "> ", PULL = ">> ", BREAK = "* * *";
  const LINE_END = /\r\n|\r|\n/;

  const post = async (url, area, name, value) => {
    const form = area.form;
    const body = new FormData();
    body.append(name, value);
    const token = form && form.querySelector("[name=csrfmiddlewaretoken]");
    const response = await fetch(url, {
      method: "POST", body, credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "", Accept: "application/json" },
    });
    if (!response.ok) throw new Error(`${response.status}`);
    return response.json();
  };

  const replace = (area, start, end, text, caretStart, caretEnd) => {
    area.focus();
    area.setSelectionRange(start, end);
    if (!document.execCommand("insertText", false, text)) { // keeps the browser's undo where it can
      area.setRangeText(text, start, end, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
    if (caretStart !== undefined) area.setSelectionRange(caretStart, caretEnd ?? caretStart);
  };

  const italic = (area) => {
    const { selectionStart: start, selectionEnd: end, value } = area;
    const chosen = value.slice(start, end);
    const words = chosen.trim();
    if (!words) return replace(area, start, end, "**", start + 1);
    const lead = chosen.length - chosen.trimStart().length;
    if (words.includes("\n")) { // each paragraph chosen gets its own pair: a pair never spans two
      const each = words.split("\n").map((line) => (line.trim() ? line.replace(/^(\s*)(.*?)(\s*)$/, "$1*$2*$3") : line));
      const text = each.join("\n");
      return replace(area, start + lead, start + lead + words.length, text, start + lead, start + lead + text.length);
    }
    if (words.length > 2 && "*_".includes(words[0]) && words.endsWith(words[0])) { // chosen with its marks: off
      return replace(area, start + lead, start + lead + words.length, words.slice(1, -1), start + lead,
        start + lead + words.length - 2);
    }
    const marked = value.slice(start + lead - 1, start + lead) === "*" && value.slice(start + lead + words.length,
      start + lead + words.length + 1) === "*";
    if (marked) { // pressed again: the marks come off
      return replace(area, start + lead - 1, start + lead + words.length + 1, words, start + lead - 1,
        start + lead - 1 + words.length);
    }
    replace(area, start + lead, start + lead + words.length, `*${words}*`, start + lead + 1,
      start + lead + 1 + words.length);
  };

  const lineBounds = (value, start, end) => {
    const from = value.lastIndexOf("\n", start - 1) + 1;
    const next = value.indexOf("\n", end);
    return [from, next === -1 ? value.length : next];
  };

  const prefixLines = (area, prefix) => { // on, or off when every line has it already
    const [from, to] = lineBounds(area.value, area.selectionStart, area.selectionEnd);
    const lines = area.value.slice(from, to).split("\n");
    const bare = (line) => line.startsWith(PULL) ? line.slice(PULL.length)
      : line.startsWith(QUOTATION) ? line.slice(QUOTATION.length) : line;
    const written = lines.filter((line) => line.trim());
    const off = written.length && written.every((line) => line.startsWith(prefix) &&
      !(prefix === QUOTATION && line.startsWith(PULL)));
    const text = lines.map((line) => !line.trim() ? line : off ? bare(line) : prefix + bare(line)).join("\n");
    replace(area, from, to, text, from, from + text.length);
  };

  const sectionBreak = (area) => {
    const [, to] = lineBounds(area.value, area.selectionStart, area.selectionEnd);
    const text = `${to ? "\n\n" : ""}${BREAK}\n\n`;
    replace(area, to, to, text, to + text.length);
  };

  const paragraphAt = (value, caret) => { // the line at the caret, or the whole quotation it belongs to
    const lines = value.split("\n");
    let at = value.slice(0, caret).split("\n").length - 1;
    if (!lines[at].trim() && at > 0) at -= 1;
    const quoted = (line) => line.startsWith(QUOTATION) && !line.startsWith(PULL);
    if (!quoted(lines[at])) return lines[at];
    let first = at, last = at;
    while (first > 0 && (quoted(lines[first - 1]) || (!lines[first - 1].trim() && first > 1 &&
      quoted(lines[first - 2])))) first -= 1;
    while (last < lines.length - 1 && (quoted(lines[last + 1]) || (!lines[last + 1].trim() &&
      last + 2 < lines.length && quoted(lines[last + 2])))) last += 1;
    return lines.slice(first, last + 1).join("\n");
  };

  const setUp = (surface) => {
    const area = surface.querySelector("textarea");
    const tools = surface.querySelector(".markup-tools");
    const preview = surface.querySelector(".markup-preview");
    const shown = surface.querySelector(".markup-preview-body");
    if (!area) return;
    tools.hidden = false;
    const actions = { italic, quotation: (a) => prefixLines(a, QUOTATION), pull: (a) => prefixLines(a, PULL),
      break: sectionBreak };
    tools.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-mark]");
      if (button) { actions[button.dataset.mark](area); showSoon(); }
    });
    area.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "i") {
        event.preventDefault();
        italic(area);
        showSoon();
      }
    });

    let timer = null, last = null, asking = false;
    const show = async () => {
      if (asking) { showSoon(); return; } // one paragraph's preview at a time
      const paragraph = paragraphAt(area.value, area.selectionStart);
      if (paragraph === last) return;
      last = paragraph;
      if (!paragraph.trim()) { preview.hidden = true; return; }
      asking = true;
      try {
        const answer = await post(surface.dataset.previewUrl, area, "text", paragraph);
        if (paragraph === last) { shown.innerHTML = answer.html; preview.hidden = false; } // the server's markup
      } catch { preview.hidden = true; last = null; } finally { asking = false; }
    };
    const showSoon = () => { clearTimeout(timer); timer = setTimeout(show, 250); };
    for (const name of ["input", "keyup", "click", "focus"]) area.addEventListener(name, showSoon);

    area.addEventListener("paste", async (event) => {
      const data = event.clipboardData;
      const html = data && data.getData("text/html");
      if (!html || !surface.dataset.pasteUrl) return; // plain text: the writing surface's own paste
      event.preventDefault();
      event.stopImmediatePropagation();
      const plain = data.getData("text/plain");
      const [start, end] = [area.selectionStart, area.selectionEnd];
      let text;
      try {
        text = (await post(surface.dataset.pasteUrl, area, "html", html)).text;
      } catch {
        text = plain; // the paste is never lost: without its italics, it arrives as text
      }
      const spaced = text.split(LINE_END).filter((line) => line.trim()).join("\n\n");
      replace(area, start, end, spaced, start + spaced.length);
      showSoon();
    }, { capture: true });
  };

  document.addEventListener("DOMContentLoaded", () => {
    for (const surface of document.querySelectorAll("[data-markup-surface]")) setUp(surface);
  });
})();
