/**
 * The HTML report's stylesheet and script, inlined into the page so the file works opened from disk with
 * no network. Colours keep text contrast at 4.5:1 or more; every status is also written as a word.
 */
export const HTML_STYLE = `
:root { color-scheme: light; --fg: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --head: #f0f2f5; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0; background: #fff; }
header, main, nav { padding: 0 24px; }
header { border-bottom: 1px solid var(--line); padding-top: 12px; padding-bottom: 12px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 2px solid var(--fg); padding-bottom: 2px; }
h3 { font-size: 16px; margin: 20px 0 4px; }
p { margin: 4px 0; }
.meta { color: var(--muted); }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 16px; padding: 0; margin: 8px 0; }
a { color: #0b4fb3; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
td.num, th.num { text-align: right; }
table.narrow { width: auto; min-width: 40%; }
.scroll { overflow-x: auto; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 150px; }
.card strong { display: block; font-size: 22px; }
.verdict-failed { color: #8f0d0d; }
.verdict-passed { color: #14532d; }
.s-fail { background: #fde2e1; color: #7a1010; }
.s-unknown { background: #fff2c2; color: #5c4300; }
.s-acknowledged { background: #e4e8f7; color: #24347a; }
.s-pass { background: #e1f3e5; color: #14532d; }
.s-not-covered { background: #ececec; color: #333; font-style: italic; }
.s-not-applicable { background: #fafafa; color: #4a4a4a; }
#matrix td a { color: inherit; }
summary { cursor: pointer; color: #0b4fb3; margin: 4px 0; }
tr.expired td { background: #fde2e1; color: #7a1010; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; background: var(--head); padding: 8px 12px; border-radius: 6px; }
.filters label { display: flex; flex-direction: column; font-weight: 600; gap: 2px; }
.filters input, .filters select { font: inherit; padding: 3px 6px; min-width: 160px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
[hidden] { display: none !important; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
/* Hundreds of rows: fixed layout sizes the columns from the header, not from every cell. */
#inventory table, #matrix table { table-layout: fixed; }
#inventory td, #inventory th, #matrix td, #matrix th { overflow-wrap: break-word; hyphens: auto; }
@media screen { #inventory, #matrix { content-visibility: auto; contain-intrinsic-size: auto 20000px; } }
#matrix th:first-child { width: 16%; }
@media print {
  nav, .filters, .no-print { display: none !important; }
  body { font-size: 10.5px; }
  header, main { padding: 0; }
  a { color: inherit; text-decoration: none; }
  thead th { position: static; }
  tr, .card { break-inside: avoid; }
  h2 { break-after: avoid; }
  [hidden] { display: table-row !important; }
  summary { display: none; }
}
`;

/**
 * Filter and search: table rows carry the API's tier (`data-t`), owner (`data-o`) and statuses (`data-s`);
 * the search matches a row's text. Every row is in the page already; the script only hides and shows
 * them, and opens the findings lists for printing. No framework, no network.
 */
export const HTML_SCRIPT = `
(function () {
  'use strict';
  var items = Array.prototype.slice.call(document.querySelectorAll('tr[data-s]')).map(function (el) {
    return { el: el, text: null, t: el.getAttribute('data-t'), o: el.getAttribute('data-o'),
      s: ' ' + el.getAttribute('data-s') + ' ' };
  });
  var q = document.getElementById('f-search');
  var tier = document.getElementById('f-tier');
  var owner = document.getElementById('f-owner');
  var status = document.getElementById('f-status');
  var count = document.getElementById('f-count');
  var timer;
  function matches(item) {
    var needle = q.value.trim().toLowerCase();
    if (needle && item.text === null) item.text = item.el.textContent.toLowerCase();
    return (!needle || item.text.indexOf(needle) !== -1) && (!tier.value || item.t === tier.value) &&
      (!owner.value || item.o === owner.value) && (!status.value || item.s.indexOf(' ' + status.value + ' ') !== -1);
  }
  function apply() {
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var ok = matches(items[i]);
      items[i].el.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = 'Showing ' + shown + ' of ' + items.length + ' rows';
  }
  function later() { clearTimeout(timer); timer = setTimeout(apply, 120); }
  q.addEventListener('input', later);
  [tier, owner, status].forEach(function (el) { el.addEventListener('change', apply); });
  document.getElementById('f-reset').addEventListener('click', function () {
    q.value = ''; tier.value = ''; owner.value = ''; status.value = ''; apply();
  });
  // Save as PDF prints every finding: open the lists first.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details[data-rule]'), function (d) { d.open = true; });
  });
  count.textContent = 'Showing ' + items.length + ' of ' + items.length + ' rows';
})();
`;
