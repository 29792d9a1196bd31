// Tell the server this change form is open (at once, then every 15 seconds), show who else has it open,
// and say so when the page is left, so that nobody is listed as here after they have gone.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const panel = document.querySelector("[data-presence-url]");
  if (!panel) return;
  const line = panel.querySelector(".presence");
  const url = panel.dataset.presenceUrl;
  const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  const page = (crypto.randomUUID && crypto.randomUUID()) || `${Date.now()}-${Math.random()}`;
  const form = (extra) => {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", token);
    data.append("page", page);
    for (const [name, value] of Object.entries(extra)) data.append(name, value);
    return data;
  };
  let left = false;
  const beat = async () => {
    try {
      const response = await fetch(url, { method: "POST", body: form({}), headers: { "X-CSRFToken": token } });
      if (!response.ok) return;
      left = false; // still here (a leave that was called off, say): the next pagehide says so again
      const { others } = await response.json();
      line.textContent = others.length
        ? `Also open by ${others.join(", ")}: save with care; the first save wins and a later one from an older copy is refused.`
        : "";
    } catch (error) {
      // Offline for a moment: the next beat tries again.
    }
  };
  const leave = () => {
    if (left) return;
    left = true;
    navigator.sendBeacon(url, form({ leave: "1" }));
  };
  window.addEventListener("pagehide", leave);
  window.addEventListener("beforeunload", leave);
  window.addEventListener("pageshow", (event) => { if (event.persisted) { left = false; beat(); } });
  beat();
  setInterval(beat, 15000);
});
