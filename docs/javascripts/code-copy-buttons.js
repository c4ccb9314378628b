/*
 * Keep the copy buttons of code blocks out of the page's landmarks.
 *
 * Material for MkDocs puts each code block's copy button in a <nav> of its own, with no name: a page with
 * two code blocks (a partner's linking kit) then has two unnamed navigation landmarks, which screen reader
 * users meet as noise in the landmark list (axe: landmark-unique,
 * https://dequeuniversity.com/rules/axe/4.14/landmark-unique). The button itself stays as it is, named
 * "Copy to clipboard" and reached by the Tab key; only its wrapper stops being a landmark. Material adds
 * the wrappers after this script runs, so each is caught as it is added.
 */
(function () {
  "use strict";
  function unlandmark(root) {
    root.querySelectorAll("nav.md-code__nav:not([role])").forEach(nav => nav.setAttribute("role", "none"));
  }
  new MutationObserver(() => unlandmark(document)).observe(document.documentElement, { childList: true, subtree: true });
})();
