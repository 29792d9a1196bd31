// Every 30 seconds, tell the server this change form is still open and show who else has it open.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const panel = document.querySelector("[data-presence-url]");
  if (!panel) return;
  const line = panel.querySelector(".presence");
  const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  const beat = async () => {
    const response = await fetch(panel.dataset.presenceUrl, { method: "POST", headers: { "X-CSRFToken": token } });
    if (!response.ok) return;
    const { others } = await response.json();
    line.textContent = others.length
      ? `Also open by ${others.join(", ")}: save with care; the first save wins and a later one from an older copy is refused.`
      : "";
  };
  setInterval(beat, 30000);
});
