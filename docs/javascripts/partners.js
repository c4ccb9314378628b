/*
 * Partners' pages, enhanced where JavaScript runs; each part does nothing on a page without its elements.
 *
 * The partner kit (a partner's page): each text to copy selects whole when it takes the focus, and its copy
 * button, hidden in the page's HTML so that a reader without JavaScript meets no button that does nothing, is
 * shown where the browser lets a page write to the clipboard. The status line says what was copied.
 *
 * The Agreement form (/sign/?organisation=NAME#agreement-form, linked from each partner's page): the name is
 * written on the form's Organisation line, as text, so that the printed form carries it.
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

  const kit = document.querySelector(".compact-kit");
  if (kit) enhanceKit(kit);
  const form = document.getElementById("agreement-form");
  if (form) fillOrganisation(form);
})();
