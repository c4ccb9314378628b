/*
 * Partners' pages, enhanced where JavaScript runs; each part does nothing on a page without its elements.
 *
 * The partner kit (a partner's page): each text to copy selects whole when it takes the focus, and its copy
 * button, hidden in the page's HTML so that a reader without JavaScript meets no button that does nothing, is
 * shown where the browser lets a page write to the clipboard. The status line says what was copied.
 *
 * The Agreement form (/sign/?organisation=NAME#agreement-form, linked from each partner's page): the name is
 * written on the form's Organisation line, as text, so that the printed form carries it.
 *
 * The directory's filter (/partners/): as the reader types, only the partners whose name, sector, type or status
 * holds every word typed stay shown, with the groups that hold them; a line says how many. Without JavaScript the
 * filter stays hidden and the grouped lists are complete.
 */
(function () {
  "use strict";

  function enhanceKit(kit) {
    const status = kit.querySelector(".compact-copy__status");
    for (const field of document.querySelectorAll(".compact-copy__text")) {
      field.addEventListener("focus", () => field.select());
      field.addEventListener("click", () => field.select());
    }
    if (!(navigator.clipboard && window.isSecureContext)) return;
    for (const button of document.querySelectorAll("[data-compact-copy]")) {
      const field = document.getElementById(button.dataset.compactCopy);
      if (!field) continue;
      button.hidden = false;
      button.addEventListener("click", () => {
        navigator.clipboard.writeText(field.value).then(
          () => { status.textContent = `Copied: ${field.labels[0].textContent}.`; },
          () => { field.focus(); status.textContent = "Could not copy: the text is selected, copy it with your keyboard."; },
        );
      });
    }
  }

  function fillOrganisation(form) {
    const name = new URLSearchParams(window.location.search).get("organisation");
    if (!name) return;
    for (const field of form.querySelectorAll(".compact-form__field")) {
      const label = field.querySelector(".compact-form__label");
      if (label && label.textContent.trim() === "Organisation") {
        field.querySelector(".compact-form__space").textContent = name.slice(0, 200);
        field.classList.add("compact-form__field--filled");
      }
    }
  }

  function enhanceFilter(filter) {
    const input = filter.querySelector("input");
    const count = filter.querySelector(".compact-filter__count");
    const items = [];
    for (const group of document.querySelectorAll(".compact-directory-group")) {
      const sector = group.closest(".compact-directory-sector").querySelector("h2").textContent;
      const type = group.querySelector("h3").textContent.replace(/\(\d+\)/, "");
      for (const item of group.querySelectorAll("li")) {
        const status = item.textContent.includes(":") ? "" : " named";  // a partner only named shows no status
        items.push({ item, group, text: `${item.textContent} ${sector} ${type}${status}`.toLowerCase() });
      }
    }
    function apply() {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      const shown = new Set();
      let found = 0;
      for (const { item, group, text } of items) {
        const match = words.every(word => text.includes(word));
        item.hidden = !match;
        if (match) { found += 1; shown.add(group); }
      }
      for (const group of document.querySelectorAll(".compact-directory-group")) group.hidden = !shown.has(group);
      for (const sector of document.querySelectorAll(".compact-directory-sector")) {
        sector.hidden = !sector.querySelector(".compact-directory-group:not([hidden])");
      }
      count.textContent = words.length ? `${found} of ${items.length} partners shown.` : "";
    }
    input.addEventListener("input", apply);
    filter.hidden = false;
    if (input.value) apply();  // a value the browser kept on going back
  }

  const filter = document.querySelector("[data-compact-filter]");
  if (filter) enhanceFilter(filter);
  const kit = document.querySelector(".compact-kit");
  if (kit) enhanceKit(kit);
  const form = document.getElementById("agreement-form");
  if (form) fillOrganisation(form);
})();
