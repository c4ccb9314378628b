// The statement of a concern (/raise-a-concern/#statement): what is written in its fields also fills the plain-text
// box, to copy into a letter or an email. Nothing is sent anywhere, nor kept: it stays in this page. Without
// JavaScript the box holds the statement's parts, and the fields print with what was written in them.
(() => {
  const box = document.getElementById("statement-text");
  const fields = [...document.querySelectorAll("textarea[data-statement-part]")];
  if (!box || !fields.length) return;
  const heading = box.value.split("\n")[0];
  const update = () => {
    const parts = fields.map(field => `${field.dataset.statementPart}:\n${field.value.trim()}`);
    box.value = [heading, ...parts].join("\n\n") + "\n";
    box.rows = Math.max(box.rows, box.value.split("\n").length);
  };
  fields.forEach(field => field.addEventListener("input", update));
})();
