/*
 * The menu of a narrow screen (the drawer), by keyboard, with JavaScript on.
 *
 * Opened from the header's menu button, the drawer covered that button, and focus stayed there unseen (WCAG
 * 2.4.11 Focus Not Obscured); Tab out of it went on under its shade. Now focus moves into the drawer as it
 * opens from the button, Escape shuts it and gives focus back to the button, and the drawer shuts as focus
 * leaves it, as it does without JavaScript (see the stylesheet).
 */
(function () {
  "use strict";

  function drawerFocus() {
    const drawer = document.getElementById("__drawer");
    const menuButton = document.querySelector(".md-header label[for='__drawer']");
    const sidebar = document.querySelector(".md-sidebar--primary");
    if (!drawer || !menuButton || !sidebar) return;

    drawer.addEventListener("change", () => {
      if (!drawer.checked || document.activeElement !== menuButton) return;
      const stops = sidebar.querySelectorAll("a[href], button, input, [tabindex]:not([tabindex='-1'])");
      // The drawer slides in by itself: scrolling its first stop into view would shift the page under it.
      Array.from(stops).find(stop => stop.checkVisibility({ visibilityProperty: true }))?.focus({ preventScroll: true });
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

  document.addEventListener("DOMContentLoaded", drawerFocus);
})();
