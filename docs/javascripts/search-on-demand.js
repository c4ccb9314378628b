/*
 * Fetch the search index only when the reader starts to search.
 *
 * Material for MkDocs requests search/search_index.json as every page loads, though most readers never
 * search: it is most of a page's weight, and it grows with every partner (see BENCHMARKS.md). Material
 * has no setting for this, so this script, loaded before Material's own, holds back that one request
 * (Material makes it with XMLHttpRequest) until the search field takes focus or the search is opened,
 * and sends it then. A page opened from a search result (?h=...) highlights the words it was found by
 * and needs the index at once. Without JavaScript there is no search, and nothing here runs.
 */
(function () {
  "use strict";
  const INDEX = "search/search_index.json";
  const held = [];
  let searching = new URLSearchParams(location.search).has("h");

  function startSearching() {
    if (searching) return;
    searching = true;
    held.splice(0).forEach(send => send());
  }

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.compactSearchIndex = new URL(url, location.href).pathname.endsWith("/" + INDEX);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.compactSearchIndex && !searching) {
      const request = this, args = arguments;
      held.push(() => send.apply(request, args));
      return undefined;
    }
    return send.apply(this, arguments);
  };

  document.addEventListener("focusin", event => {
    if (event.target instanceof Element && event.target.closest("form[name=search]")) startSearching();
  });
  document.addEventListener("change", event => {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) startSearching();
  });
})();
