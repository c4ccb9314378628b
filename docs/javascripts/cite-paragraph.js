// Citing a paragraph of the Compact: each paragraph's number is a link to itself (compact_site.paragraphs), which
// works without JavaScript. With it, the paragraph a reader goes to (by its number, or by an address ending in
// one) also gets a button beside its number that copies its full address, for a report or an email: focused when
// the number was chosen from the keyboard, and large enough to touch. A status line says what was copied.
(() => {
  const status = document.createElement("p");
  status.className = "compact-visually-hidden";
  status.setAttribute("role", "status");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "compact-cite-copy";

  const copy = async address => {
    try {
      await navigator.clipboard.writeText(address);
      return true;
    } catch {
      return false;  // no clipboard here (an insecure page, or permission refused): the address bar has the link
    }
  };

  const place = () => {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const number = target && target.querySelector(":scope > a.compact-cite");
    if (!number) {
      button.remove();
      return;
    }
    const label = target.id;
    button.textContent = `Copy link to ${label}`;
    button.onclick = async () => {
      const copied = await copy(`${location.origin}${location.pathname}#${label}`);
      button.textContent = copied ? `Link to ${label} copied` : `Copy the address bar to cite ${label}`;
      status.textContent = copied ? `The link to paragraph ${label} is copied.` : "This browser did not allow copying.";
    };
    number.after(button);
    if (!status.isConnected) document.body.append(status);
    if (chosenByKeyboard) button.focus();  // else the browser starts Tab again from the paragraph's start
    chosenByKeyboard = false;
  };

  // A number activated from the keyboard (a click with no pointer behind it) hands focus to its button.
  let chosenByKeyboard = false;
  document.addEventListener("click", event => {
    chosenByKeyboard = event.detail === 0 && event.target.closest?.("a.compact-cite") !== null;
  });
  window.addEventListener("hashchange", place);
  place();
})();
