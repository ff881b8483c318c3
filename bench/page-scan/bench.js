// The page-scan benchmark, run in headless Chromium by scripts/bench-page-scan.sh.
// A 10,000-row CRM table (numbers in many writings beside IČO, dates, prices, order numbers),
// scanned by the panel's scanner (wasm) and by libphonenumber-js findPhoneNumbersInText (max
// metadata) doing the same DOM work: walk text nodes skipping the same elements, mark each
// found number with a Range in a CSS Custom Highlight. Then 200 rows appended and scanned.
// Results are POSTed to the script's server, which prints them.
import init, { Scan } from './pkg/page_scan_bench.js';

const ROWS = 10000, APPEND = 200, RUNS = 5;
const SKIP = 'script, style, noscript, template, textarea, input, select, option, code, pre, kbd, ' +
  'samp, svg, math, iframe, object, [contenteditable]:not([contenteditable="false"]), ' +
  'a[href^="tel:" i], a[href^="callto:" i], #daktela-cti, #daktela-cti-numbers';

// Seeded, so every run scans the same page.
let seed = 7;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const digits = (n) => Array.from({ length: n }, () => rnd(10)).join('');
const first = ['Jana', 'Petr', 'Eva', 'Tomáš', 'Lucie', 'Jiří', 'Zuzana', 'Martin'];
const last = ['Nováková', 'Dvořák', 'Černá', 'Procházka', 'Kučerová', 'Veselý', 'Horák'];
function phone() {
  // Real Czech mobile ranges (601-608, 72x, 73x, 77x, 79x): every row holds one valid number.
  const nsn = ['60' + (1 + rnd(8)), '7' + ['2', '3', '7', '9'][rnd(4)] + rnd(10)][rnd(2)] + digits(6);
  const g = [nsn.slice(0, 3), nsn.slice(3, 6), nsn.slice(6)];
  switch (rnd(6)) {
    case 0: return `+420 ${g.join(' ')}`;
    case 1: return g.join(' ');
    case 2: return `00420${nsn}`;
    case 3: return `(+420) ${g.join('-')}`;
    case 4: return `tel. ${g.join(' ')}`;
    default: return `+420\u00a0${g.join('\u00a0')}`;
  }
}
function row(i) {
  const d = `${1 + rnd(28)}. ${1 + rnd(12)}. ${2015 + rnd(10)}`;
  return `<tr><td>${first[rnd(8)]} ${last[rnd(7)]}</td><td>${phone()}</td>` +
    `<td>IČO: ${digits(8)}</td><td>${d}</td><td>${1 + rnd(900)} ${digits(3)},00 Kč</td>` +
    `<td>Obj. č. ${digits(9)}</td><td>K-${100000 + i}</td><td>${rnd(3) ? 'aktivní' : 'ukončen'}</td></tr>`;
}

// libphonenumber-js doing the same DOM work as the panel's scanner.
const LIB = 'bench-libphonenumber';
function libScan(roots, highlight) {
  let found = 0;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => n.nodeType === 1 && n.matches(SKIP) ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType !== 3) continue;
      const text = n.data;
      if ((text.match(/\d/g) || []).length < 6) continue;
      for (const m of libphonenumber.findPhoneNumbersInText(text, { defaultCountry: 'CZ' })) {
        const r = document.createRange();
        r.setStart(n, m.startsAt); r.setEnd(n, m.endsAt);
        highlight.add(r);
        found++;
      }
    }
  }
  return found;
}

const rows = document.getElementById('rows');
const html = [];
for (let i = 0; i < ROWS; i++) html.push(row(i));
rows.innerHTML = html.join('');
const extra = [];
for (let i = 0; i < APPEND; i++) extra.push(row(ROWS + i));
const bytes = new TextEncoder().encode(document.getElementById('crm').textContent).length;

function appendRows() {
  const t = document.createElement('tbody');
  t.innerHTML = extra.join('');
  const added = [...t.children];
  rows.append(...added);
  return added;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const result = { rows: ROWS, append: APPEND, runs: RUNS, text_bytes: bytes, ours: {}, lib: {} };
try {
  await init();
  const ours = { full: [], append: [] }, lib = { full: [], append: [] };
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    const scan = new Scan('#crm', 'CZ');
    ours.full.push(performance.now() - t);
    ours.found_full = scan.count();
    let added = appendRows();
    t = performance.now();
    scan.flush();
    ours.append.push(performance.now() - t);
    ours.found_after_append = scan.count();
    added.forEach((r) => r.remove());
    scan.free();

    const h = new Highlight();
    CSS.highlights.set(LIB, h);
    t = performance.now();
    lib.found_full = libScan([document.getElementById('crm')], h);
    lib.full.push(performance.now() - t);
    added = appendRows();
    t = performance.now();
    lib.found_after_append = lib.found_full + libScan(added, h);
    lib.append.push(performance.now() - t);
    added.forEach((r) => r.remove());
    CSS.highlights.delete(LIB);
  }
  for (const [name, r] of [['ours', ours], ['lib', lib]]) {
    result[name] = {
      full_ms_median: median(r.full), full_ms_best: Math.min(...r.full),
      append_ms_median: median(r.append), append_ms_best: Math.min(...r.append),
      found_full: r.found_full, found_after_append: r.found_after_append,
    };
  }
  result.user_agent = navigator.userAgent;
} catch (e) {
  result.error = String(e && e.stack || e);
}
await fetch('/result', { method: 'POST', body: JSON.stringify(result) });
