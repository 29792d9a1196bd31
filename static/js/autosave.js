// Autosave: the change form's working copy is saved every 30 seconds and on leaving a field, through the same
// service as Save draft, when something changed. The page says "Saved 10:42", refuses nothing silently (a newer
// save elsewhere stops autosave and says who), and warns before leaving with changes not yet saved.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector("[data-autosave]");
  if (!status) return;
  const form = status.closest("form");
  const url = status.dataset.autosaveUrl;
  const EVERY = 30000;
  const SKIPPED = new Set(["csrfmiddlewaretoken", "loaded_version", "autosave_page"]);
  if (url) {
    // This page's own id: the server knows its autosaves, so a button pressed while one is on its way is not
    // refused as made from an older copy.
    const page = document.createElement("input");
    page.type = "hidden";
    page.name = "autosave_page";
    page.value = (crypto.randomUUID && crypto.randomUUID()) || `${Date.now()}-${Math.random()}`;
    form.append(page);
  }

  const serialize = () => {
    const parts = [];
    for (const [name, value] of new FormData(form)) {
      if (SKIPPED.has(name)) continue;
      parts.push(`${name}=${value instanceof File ? `file:${value.name}:${value.size}` : value}`);
    }
    return parts.join("\n");
  };
  const say = (text, kind = "") => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  let saved = null; // what the server holds, as the form would send it
  let submitting = false;
  let stopped = false;
  let inFlight = null;
  let again = false;
  let lastSaved = "";
  const dirty = () => saved !== null && serialize() !== saved;
  const pictureWaiting = () => [...form.querySelectorAll("input[type=file]")].some((input) => input.files.length)
    || Boolean(form.querySelector("input[name$='-kept']"));

  const save = () => {
    if (!url || stopped || submitting) return inFlight;
    if (inFlight) { again = true; return inFlight; }
    if (!dirty()) return null;
    inFlight = send();
    return inFlight;
  };
  const send = async () => {
    const body = new FormData(form);
    for (const [name, value] of [...body]) if (value instanceof File) body.delete(name);
    const sent = serialize();
    say("Saving…");
    try {
      const response = await fetch(url, {
        method: "POST", body, credentials: "same-origin",
        headers: { "X-CSRFToken": body.get("csrfmiddlewaretoken"), Accept: "application/json" },
      });
      const type = response.headers.get("Content-Type") || "";
      if (response.redirected || !type.includes("application/json")) {
        say("Not saved: you may have been signed out. Sign in again in another tab; this page keeps your work.",
          "error");
        return;
      }
      const answer = await response.json();
      if (response.ok) {
        form.querySelector("input[name=loaded_version]").value = answer.version;
        saved = sent;
        if (answer.saved) lastSaved = answer.at;
        const parts = pictureWaiting() ? ["the picture"] : []; // an upload waits for a button
        const when = lastSaved ? `Saved ${lastSaved}` : "No changes to save";
        say(parts.length ? `${when}. Saved when you press a button below: ${parts.join(", ")}.` : when,
          parts.length ? "waiting" : "saved");
      } else if (response.status === 400) {
        say(answer.error, "error"); // saved once the form is whole again
      } else {
        stopped = response.status === 409 || response.status === 403 || response.status === 404;
        say(stopped ? `Autosave stopped: ${answer.error}` : `Not saved: ${answer.error}`, "error");
      }
    } catch (error) {
      say("Not saved: the connection dropped. Trying again in 30 seconds; this page keeps your work.", "error");
    } finally {
      inFlight = null;
      if (again && !submitting) { again = false; save(); }
    }
  };

  const changed = () => {
    if (!stopped && url && status.dataset.kind !== "error" && dirty()) say("Unsaved changes", "dirty");
  };
  // Other scripts (chips, the writing surface) set the form up on DOMContentLoaded too: take the baseline after.
  saved = serialize();
  setTimeout(() => { if (status.dataset.kind === undefined) saved = serialize(); }, 0);
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("focusout", () => setTimeout(save, 200));
  // A button pressed while an autosave is on its way (leaving a field to press it starts one) waits for it, at most
  // a few seconds, so the form it sends stands on the version that autosave made, never on the one before.
  form.addEventListener("submit", (event) => {
    const pending = inFlight;
    submitting = true;
    if (!pending) return;
    event.preventDefault();
    const submitter = event.submitter;
    Promise.race([pending, new Promise((done) => setTimeout(done, 5000))])
      .finally(() => { inFlight = null; form.requestSubmit(submitter); });
  });

  setInterval(save, EVERY);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") save(); });
  window.addEventListener("beforeunload", (event) => {
    if (submitting || !(dirty() || pictureWaiting())) return;
    event.preventDefault();
    event.returnValue = ""; // the browser asks: leave the page and lose the changes?
  });
});
