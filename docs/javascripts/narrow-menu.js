/*
 * The menu of a narrow screen (the drawer), and the sections of the menu at any width, by keyboard, with
 * JavaScript on.
 *
 * - The page's contents list. In the menu, Material for MkDocs opens it from a <label for="__toc">, which
 *   takes no focus: no key opened it. A real button takes the label's place (the stylesheet hides the label
 *   beside it), says whether the list is open, and opens it by Enter or Space. Material's script does nothing
 *   with that label or its checkbox. Without JavaScript the label stays, and Tab walks into the list.
 * - The header's menu button, which opens the drawer. Material's is a <label for="__drawer">: a theme patch
 *   (hooks/theme_patches.py) gives it the name "Menu", but a screen reader heard only that text, not a button, and
 *   not whether the menu was open (WCAG 4.1.2 Name, Role, Value); a role on a label is not allowed. A real
 *   button takes the label's place, as for the contents (the stylesheet hides the label beside it, and hides
 *   the button where Material hides the label, on a wide screen), says whether the drawer is open, and opens
 *   it by Enter or Space. Material's script and the Escape key below set the drawer's checkbox by click(), so
 *   its change event keeps aria-expanded in step. Without JavaScript the label stays.
 * - Each section's toggle, the arrow beside the section's title (or the title itself, for a section with no page
 *   of its own). Material's is a <label tabindex="0"> and its script clicks it on Enter: a screen reader heard
 *   the section's name as text, not as a button, and not whether the section was open (WCAG 4.1.2). A real
 *   button takes the label's place, as for the contents; without JavaScript the label stays.
 * - The drawer itself. Opened from the header's menu button, it covered that button, and focus stayed there
 *   unseen (WCAG 2.4.11 Focus Not Obscured); Tab out of it went on under its shade. Now focus moves into the
 *   drawer as it opens from the button, Escape shuts it and gives focus back to the button, and the drawer
 *   shuts as focus leaves it, as it does without JavaScript (see the stylesheet).
 */
(function () {
  "use strict";

  // A real button in the place of a <label> that toggles a checkbox: the stylesheet hides the label beside it. It
  // says whether what it controls is open, kept in step with the checkbox (Material's script and ours set it by
  // click(), so its change event follows), and opens it by Enter or Space. It clicks the checkbox, not the label:
  // Material listens to a section's label only to write aria-expanded on the section's <nav>, which ARIA 1.2 does
  // not allow there (the button says it instead).
  function buttonInPlaceOf(label, className, controlled) {
    const toggle = label.control;
    const button = document.createElement("button");
    button.type = "button";
    button.className = `${label.className} ${className}`;
    button.append(...Array.from(label.childNodes, node => node.cloneNode(true)));
    button.setAttribute("aria-controls", controlled.id);
    const show = () => button.setAttribute("aria-expanded", String(toggle.checked));
    toggle.addEventListener("change", show);
    button.addEventListener("click", () => toggle.click());
    show();
    label.before(button);
    return button;
  }

  function contentsButton() {
    const label = document.querySelector(".md-nav--primary label.md-nav__link[for='__toc']");
    if (!label) return;
    const contents = label.parentElement.querySelector(".md-nav--secondary");
    contents.id = "compact-page-contents";
    const button = buttonInPlaceOf(label, "compact-contents-button", contents);
    // The page's title is the visible name; a screen reader also hears what the button opens.
    const opens = document.createElement("span");
    opens.className = "compact-visually-hidden";
    opens.textContent = ` (${contents.getAttribute("aria-label")})`;
    button.querySelector(".md-ellipsis").append(opens);
  }

  // The header's menu button, in the place of its label; the label where there is no navigation to control.
  function drawerButton() {
    const label = document.querySelector(".md-header label[for='__drawer']");
    const navigation = document.querySelector(".md-sidebar--primary .md-nav--primary");
    if (!label || !navigation) return label;
    navigation.id ||= "compact-menu";
    // The label's own children go into the button: its icon, and its name "Menu" (hidden from the eye only).
    return buttonInPlaceOf(label, "compact-menu-button", navigation);
  }

  // Material's section toggles: the labels it gives a Tab stop, each labelling the list of the section it opens.
  function sectionButtons() {
    for (const label of document.querySelectorAll(".md-nav--primary label.md-nav__link[tabindex][id]")) {
      const section = document.querySelector(`.md-nav[aria-labelledby="${label.id}"]`);
      if (!section) continue;
      section.id ||= `${label.htmlFor}_list`;
      buttonInPlaceOf(label, "compact-section-button", section);
    }
  }

  // Whether an element is shown: checkVisibility where the browser has it (Safari only since 17.4).
  function shown(element) {
    if (typeof element.checkVisibility === "function") return element.checkVisibility({ visibilityProperty: true });
    return getComputedStyle(element).visibility !== "hidden" && element.getClientRects().length > 0;
  }

  function drawerFocus(menuButton) {
    const drawer = document.getElementById("__drawer");
    const sidebar = document.querySelector(".md-sidebar--primary");
    if (!drawer || !menuButton || !sidebar) return;

    drawer.addEventListener("change", () => {
      if (!drawer.checked || document.activeElement !== menuButton) return;
      const stops = sidebar.querySelectorAll("a[href], button, input, [tabindex]:not([tabindex='-1'])");
      // The drawer slides in by itself: scrolling its first stop into view would shift the page under it.
      Array.from(stops).find(shown)?.focus({ preventScroll: true });
    });
    document.addEventListener("keydown", event => {
      if (event.key !== "Escape" || !drawer.checked) return;
      drawer.click();  // as Material's own script sets the drawer's checkbox: its change event follows
      menuButton.focus();
    });
    sidebar.addEventListener("focusout", event => {
      const to = event.relatedTarget;
      if (drawer.checked && to instanceof Element && !sidebar.contains(to)) drawer.click();
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    contentsButton();
    sectionButtons();
    drawerFocus(drawerButton());
  });
})();
