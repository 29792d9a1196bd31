// Suggests existing tags for the last comma-separated term of a tag box.
// A <datalist> matches against the whole value, so each option repeats what is already typed.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input[data-tag-autocomplete]")) {
    const names = JSON.parse(document.getElementById(`${input.id}-names`).textContent);
    const list = document.getElementById(`${input.id}-suggestions`);
    const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    input.addEventListener("input", () => {
      const cut = input.value.lastIndexOf(",") + 1;
      const typed = input.value.slice(0, cut);
      const term = fold(input.value.slice(cut).trim());
      const chosen = new Set(typed.split(",").map((name) => fold(name.trim())));
      list.replaceChildren();
      if (!term) return;
      const prefix = typed ? `${typed.trimEnd()} ` : "";
      for (const name of names.filter((n) => fold(n).includes(term) && !chosen.has(fold(n))).slice(0, 20)) {
        const option = document.createElement("option");
        option.value = prefix + (name.includes(",") || name.includes(" ") ? `"${name}"` : name);
        list.append(option);
      }
    });
  }
});
