// Django's autocomplete boxes (select2) draw a combobox that takes its name from the chosen item, so an empty one
// has none: give each the name of its field (its label, or the aria-label of a table row's box).
"use strict";
(() => {
  const name = (select) => {
    if (select.getAttribute("aria-label")) return { label: select.getAttribute("aria-label") };
    const label = select.id && document.querySelector(`label[for="${select.id}"]`);
    if (!label) return null;
    if (!label.id) label.id = `${select.id}-label`;
    return { labelledby: label.id };
  };
  const fix = () => {
    for (const select of document.querySelectorAll("select.admin-autocomplete")) {
      const container = select.nextElementSibling;
      const box = container && container.querySelector(".select2-selection");
      const found = name(select);
      if (!box || !found) continue;
      if (found.label) box.setAttribute("aria-label", found.label);
      else {
        const current = (box.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
        if (!current.includes(found.labelledby)) box.setAttribute("aria-labelledby", [found.labelledby, ...current].join(" "));
      }
      const search = container.querySelector("input.select2-search__field");
      if (search && found.label) search.setAttribute("aria-label", found.label);
    }
  };
  window.addEventListener("load", fix); // after Django's own scripts have drawn the boxes on "ready"
  document.addEventListener("formset:added", () => setTimeout(fix, 0));
})();
