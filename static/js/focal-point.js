// Click the current picture to set its focal point; the two number fields hold it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const across = document.getElementById("id_image_focus_x");
  const down = document.getElementById("id_image_focus_y");
  for (const frame of document.querySelectorAll("[data-focal-point]")) {
    const marker = frame.querySelector(".focal-marker");
    const place = () => {
      marker.style.left = `${Number(across.value) * 100}%`;
      marker.style.top = `${Number(down.value) * 100}%`;
    };
    frame.querySelector("img").addEventListener("click", (event) => {
      const box = event.target.getBoundingClientRect();
      across.value = ((event.clientX - box.left) / box.width).toFixed(3);
      down.value = ((event.clientY - box.top) / box.height).toFixed(3);
      place();
    });
    across.addEventListener("input", place);
    down.addEventListener("input", place);
    place();
  }
});
