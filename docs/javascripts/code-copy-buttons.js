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
  const WRAPPER = "nav.md-code__nav:not([role])";
  // Only the nodes added are looked at: searching the whole page after every change made work on every page,
  // code blocks or none, while Material's script started.
  new MutationObserver(records => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const nav of node.matches(WRAPPER) ? [node] : node.querySelectorAll(WRAPPER)) nav.setAttribute("role", "none");
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
