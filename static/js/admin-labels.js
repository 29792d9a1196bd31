// Django's autocomplete boxes (select2) draw a combobox named by the chosen item, so an empty one has no name:
// name each after its field (its label, or the aria-label of a table row's box), the chosen item being its value.
"use strict";
(() => {
  const nameOf = (select) => {
    if (select.getAttribute("aria-label")) return select.getAttribute("aria-label");
    const label = select.id && document.querySelector(`label[for="${select.id}"]`);
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  };
  const fix = () => {
    for (const select of document.querySelectorAll("select.admin-autocomplete")) {
      const container = select.nextElementSibling;
      const name = nameOf(select);
      if (!container || !container.classList.contains("select2") || !name) continue;
      for (const part of container.querySelectorAll(".select2-selection, .select2-selection__rendered, .select2-search__field")) {
        part.removeAttribute("aria-labelledby");
        part.setAttribute("aria-label", name);
      }
    }
  };
  // Django's scripts draw the boxes when they are ready (and again for each row added): name them as they come.
  let queued = false;
  const later = () => { if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; fix(); }); } };
  document.addEventListener("DOMContentLoaded", () => {
    new MutationObserver((changes) => {
      if (changes.some((change) => [...change.addedNodes].some((node) => node.nodeType === 1
          && (node.classList.contains("select2") || node.querySelector(".select2"))))) later();
    }).observe(document.body, { childList: true, subtree: true });
    fix();
  });
  window.addEventListener("load", fix);
})();
