// The change list's filter menus: one open at a time, closed by Escape or a click elsewhere.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const menus = [...document.querySelectorAll(".filter-bar details")];
  for (const menu of menus) {
    menu.addEventListener("toggle", () => {
      if (menu.open) menus.filter((other) => other !== menu).forEach((other) => { other.open = false; });
    });
  }
  document.addEventListener("click", (event) => {
    menus.filter((menu) => menu.open && !menu.contains(event.target)).forEach((menu) => { menu.open = false; });
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = menus.find((menu) => menu.open);
    if (open) { open.open = false; open.querySelector("summary").focus(); }
  });
});
