// The tag box as chips: each tag a chip with its own remove button, a box to add more (Enter or a comma adds,
// Backspace in the empty box removes the last), and the magazine's existing tags suggested as you type.
// The real input stays in the form, hidden, holding what django-taggit reads: “slow cinema, Portugal, drama”.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const quoted = (name) => (name.includes(",") ? `"${name}"` : name);
  const tagString = (names) => {
    const text = names.map(quoted).join(", ");
    return names.length === 1 && names[0].includes(" ") && !names[0].includes(",") ? `${text},` : text;
  };
  // The same reading as django-taggit's: quotes group, commas separate (spaces too when there is no comma).
  const parseTags = (text) => {
    const names = [];
    const loose = text.replace(/"([^"]*)"/g, (_, inside) => { if (inside.trim()) names.push(inside.trim()); return " "; });
    const delimiter = text.includes(",") || text.includes('"') ? "," : " ";
    for (const part of loose.split(delimiter)) if (part.trim()) names.push(part.trim());
    return [...new Set(names)];
  };

  for (const input of document.querySelectorAll("input[data-tag-autocomplete]")) {
    const all = JSON.parse(document.getElementById(`${input.id}-names`).textContent);
    const list = document.getElementById(`${input.id}-suggestions`);
    const label = document.querySelector(`label[for="${input.id}"]`);
    let names = parseTags(input.value).sort((a, b) => a.localeCompare(b));

    const box = document.createElement("div");
    box.className = "chips-box";
    const chips = document.createElement("ul");
    chips.className = "chips";
    chips.setAttribute("aria-label", `${label ? label.textContent.replace(/:$/, "") : "Tags"} chosen`);
    const entry = document.createElement("input");
    entry.type = "text";
    entry.id = `${input.id}-entry`;
    entry.className = "chip-entry";
    entry.autocomplete = "off";
    entry.setAttribute("list", list.id);
    entry.placeholder = "Add a tag";
    if (input.getAttribute("aria-describedby")) entry.setAttribute("aria-describedby", input.getAttribute("aria-describedby"));
    if (label) label.htmlFor = entry.id;
    input.type = "hidden";
    input.removeAttribute("list");
    box.append(chips, entry);
    input.after(box);
    box.addEventListener("click", (event) => { if (event.target === box || event.target === chips) entry.focus(); });

    const status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    box.append(status);

    const write = (said) => {
      input.value = tagString(names);
      input.dispatchEvent(new Event("change", { bubbles: true }));
      if (said) status.textContent = said;
      draw();
    };
    const draw = () => {
      chips.replaceChildren(...names.map((name) => {
        const chip = document.createElement("li");
        chip.className = "chip";
        const text = document.createElement("span");
        text.textContent = name;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "chip-remove";
        remove.textContent = "×";
        remove.setAttribute("aria-label", `Remove tag ${name}`);
        remove.addEventListener("click", () => {
          names = names.filter((other) => other !== name);
          write(`Removed ${name}`);
          entry.focus();
        });
        chip.append(text, remove);
        return chip;
      }));
    };
    const add = (text) => {
      const fresh = parseTags(text.includes(",") ? text : `${text},`).filter((name) => !names.includes(name));
      if (!fresh.length) return;
      names = [...names, ...fresh];
      write(`Added ${fresh.join(", ")}`);
    };
    const commit = () => {
      if (entry.value.trim()) add(entry.value);
      entry.value = "";
    };
    entry.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === ",") {
        if (event.key === "Enter" && !entry.value.trim()) return; // an empty Enter still submits the form
        event.preventDefault();
        commit();
      } else if (event.key === "Backspace" && !entry.value && names.length) {
        const last = names[names.length - 1];
        names = names.slice(0, -1);
        write(`Removed ${last}`);
      }
    });
    entry.addEventListener("input", (event) => {
      if (event.inputType === "insertReplacementText" && all.includes(entry.value)) {
        commit(); // a suggestion picked from the list
        return;
      }
      if (entry.value.includes(",")) { commit(); return; } // pasted “a, b, c”
      const term = fold(entry.value.trim());
      list.replaceChildren();
      if (!term) return;
      const chosen = new Set(names.map(fold));
      for (const name of all.filter((n) => fold(n).includes(term) && !chosen.has(fold(n))).slice(0, 20)) {
        const option = document.createElement("option");
        option.value = name;
        list.append(option);
      }
    });
    entry.addEventListener("blur", commit);
    input.form.addEventListener("submit", commit);
    draw();
  }
});
