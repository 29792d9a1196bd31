// Line numbers beside a pasted text, counted as the parser counts them (a wrapped paragraph is one line),
// with the lines that hold an error marked; "Line 8" in an error jumps to that line.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll("[data-line-numbers]")) {
    const area = box.querySelector("textarea");
    const errorLines = new Set((box.dataset.errorLines || "").split(",").filter(Boolean).map(Number));
    const gutter = document.createElement("div");
    gutter.className = "line-gutter";
    gutter.setAttribute("aria-hidden", "true");
    const mirror = document.createElement("div");
    mirror.className = "line-mirror";
    mirror.setAttribute("aria-hidden", "true");
    box.prepend(gutter);
    box.append(mirror);

    const lines = () => area.value.split(/\r\n|\r|\n/);
    const draw = () => {
      const style = getComputedStyle(area);
      for (const name of ["fontFamily", "fontSize", "lineHeight", "letterSpacing", "paddingLeft", "paddingRight"]) {
        mirror.style[name] = style[name];
      }
      mirror.style.width = `${area.clientWidth}px`;
      const texts = lines();
      mirror.replaceChildren(...texts.map((text) => {
        const row = document.createElement("div");
        row.textContent = text || "\u200b";
        return row;
      }));
      const heights = [...mirror.children].map((row) => row.getBoundingClientRect().height);
      gutter.style.paddingTop = style.paddingTop;
      gutter.style.height = `${area.offsetHeight}px`;
      gutter.style.fontSize = style.fontSize;
      gutter.style.lineHeight = style.lineHeight;
      gutter.replaceChildren(...texts.map((_, index) => {
        const number = document.createElement("span");
        number.textContent = index + 1;
        number.style.height = `${heights[index]}px`;
        if (errorLines.has(index + 1)) number.className = "has-error";
        return number;
      }));
      gutter.scrollTop = area.scrollTop;
    };
    area.addEventListener("input", draw);
    area.addEventListener("scroll", () => { gutter.scrollTop = area.scrollTop; });
    new ResizeObserver(draw).observe(area);
    draw();

    const goTo = (line) => {
      const texts = lines();
      const start = texts.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
      area.focus();
      area.setSelectionRange(start, start + (texts[line - 1] || "").length);
      const before = [...gutter.children].slice(0, line - 1).reduce((sum, row) => sum + row.offsetHeight, 0);
      area.scrollTop = Math.max(0, before - area.clientHeight / 3);
    };
    const field = box.closest(".form-row");
    for (const item of field ? field.querySelectorAll(".errorlist li") : []) {
      const found = /^Line (\d+):/.exec(item.textContent);
      if (!found) continue;
      const jump = document.createElement("button");
      jump.type = "button";
      jump.className = "line-link";
      jump.textContent = `Line ${found[1]}`;
      jump.addEventListener("click", () => goTo(Number(found[1])));
      item.firstChild.textContent = item.firstChild.textContent.replace(/^Line \d+/, "");
      item.prepend(jump);
    }
  }
});
