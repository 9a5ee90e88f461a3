import { jsonForScript } from '../escape.js';
import { KIND_WORDS } from '../finding.js';
import { FINDING_SCRIPT } from './client-finding.js';

/**
 * The page's script. It renders reports and findings lazily from the embedded JSON, a page of
 * items at a time and each item's body only when opened, so a 1,000-report file stays quick.
 * Every piece of report text reaches the page through textContent or createTextNode, never
 * innerHTML: the text shows as text, whatever it holds.
 *
 * Kept as plain ES5-level JavaScript in a string (no backticks, no "${", no closing script
 * tag) so it runs in any browser and embeds verbatim; the values put in are the kind words,
 * so the page words a finding's kind as the rest of the report does, and the part that renders
 * a finding (client-finding.ts).
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('refrain-data').textContent);
  var PAGE = 50;
  var TONE = ['copy', 'bp', 'splice'];
  var KIND = ${jsonForScript(KIND_WORDS)};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function link(href, text) { var a = el('a', null, text); a.href = href; return a; }
  function pct(r) { return (r * 100).toFixed(1) + '%'; }
  // Counts with thousands separators, as the rest of the report prints them.
  function num(n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ','); }
  function pastBadge() { return el('span', 'badge past', 'past'); }
  function refBadge() { return el('span', 'badge ref', 'reference'); }
  function where(doc, para) {
    var p = data.docs[doc].paras[para];
    return data.docs[doc].path + ':' + p[0] + (p[1] ? ' (p. ' + p[1] + ')' : '');
  }
  function memberWhere(m) {
    return where(m[0], m[1]) + (m.length >= 5 ? '\\u2013' + data.docs[m[0]].paras[m[4]][0] : '');
  }
  function memberText(m) {
    var paras = data.docs[m[0]].paras;
    if (m.length < 5) return paras[m[1]][2].slice(m[2], m[3]);
    var out = [];
    for (var p = m[1]; p <= m[4]; p++) out.push(paras[p][2]);
    return out.join('\\n');
  }
  // A paginated list of <details>; an item's body is built the first time it opens.
  function makeList(root, prefix, summarise, fill) {
    var ids = [], page = 0;
    var nav = el('div', 'pager'), box = el('div', 'items');
    root.appendChild(nav);
    root.appendChild(box);
    function ensure(d, id) { if (!d.getAttribute('data-filled')) { d.setAttribute('data-filled', '1'); fill(d, id); } }
    function render() {
      var pages = Math.max(1, Math.ceil(ids.length / PAGE));
      if (page >= pages) page = pages - 1;
      nav.textContent = '';
      box.textContent = '';
      var prev = el('button', null, '\\u2039 previous'), next = el('button', null, 'next \\u203a');
      prev.type = next.type = 'button';
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
      prev.onclick = function () { page--; render(); };
      next.onclick = function () { page++; render(); };
      nav.appendChild(prev);
      nav.appendChild(el('span', null, 'page ' + num(page + 1) + ' of ' + num(pages) + ' \\u00b7 ' + num(ids.length) + ' in all'));
      nav.appendChild(next);
      ids.slice(page * PAGE, (page + 1) * PAGE).forEach(function (id) {
        var d = el('details', prefix);
        d.id = prefix + '-' + id;
        var s = el('summary');
        summarise(s, id);
        d.appendChild(s);
        d.addEventListener('toggle', function () { if (d.open) ensure(d, id); });
        box.appendChild(d);
      });
    }
    return {
      set: function (list) { ids = list; page = 0; render(); },
      show: function (id) {
        var i = ids.indexOf(id);
        if (i < 0) return null;
        page = Math.floor(i / PAGE);
        render();
        var d = document.getElementById(prefix + '-' + id);
        ensure(d, id);
        d.open = true;
        return d;
      }
    };
  }

  function summariseDoc(s, id) {
    var d = data.docs[id];
    if (d.past) { s.appendChild(pastBadge()); s.appendChild(document.createTextNode(' ')); }
    if (d.reference) {
      s.appendChild(refBadge());
      s.appendChild(document.createTextNode(' '));
      s.appendChild(el('strong', null, d.path));
      s.appendChild(document.createTextNode(' \\u00b7 recited by ' + num(d.reference.length) + (d.reference.length === 1 ? ' report' : ' reports')));
      return;
    }
    s.appendChild(el('strong', null, d.path));
    var past = d.pastRatio === undefined ? '' : ' \\u00b7 in past reports ' + pct(d.pastRatio);
    var own = d.past ? ' (in its own batch)' : '';
    var recited = d.recited === undefined ? '' : ' \\u00b7 recites references ' + pct(d.recited);
    s.appendChild(document.createTextNode(' \\u00b7 in other reports ' + pct(d.templated) + own + past + ' \\u00b7 boilerplate ' + pct(d.boilerplate) + ' \\u00b7 repeated inside ' + pct(d.within) + recited));
  }

  function fillDoc(box, id) {
    var d = data.docs[id];
    if (d.past) box.appendChild(el('p', 'meta', 'A past report, from ' + d.past + ': compared against, not judged.'));
    if (d.reference) {
      box.appendChild(el('p', 'meta', 'A reference document: what the reports quote from it is recitation. It is no report: no ratios, no findings of its own.'));
      var by = el('p', null, 'Recited by: ' + (d.reference.length ? '' : 'no report'));
      d.reference.forEach(function (r, i) {
        if (i) by.appendChild(document.createTextNode(', '));
        by.appendChild(link('#doc-' + r, data.docs[r].path));
      });
      box.appendChild(by);
    }
    box.appendChild(el('p', 'meta', num(d.chars) + ' characters \\u00b7 ' + num(d.findings.length) + ' findings'));
    if (d.shares.length) {
      var sh = el('p', null, 'Shares most with: ');
      d.shares.forEach(function (s, i) {
        if (i) sh.appendChild(document.createTextNode(', '));
        sh.appendChild(link('#doc-' + s[0], data.docs[s[0]].path));
        sh.appendChild(document.createTextNode(' (' + (data.docs[s[0]].past ? 'past, ' : '') + pct(s[1]) + ')'));
      });
      box.appendChild(sh);
    }
    if (d.findings.length) {
      var fl = el('p', null, 'Findings: ');
      d.findings.forEach(function (f, i) {
        if (i) fl.appendChild(document.createTextNode(' '));
        fl.appendChild(link('#finding-' + f, '#' + f));
      });
      box.appendChild(fl);
    }
    var text = el('div', 'text');
    d.paras.forEach(function (p) {
      var para = el('p', 'para');
      para.appendChild(el('span', 'ln', String(p[0])));
      var at = 0, t = p[2];
      p[3].forEach(function (m) {
        if (m[0] > at) para.appendChild(document.createTextNode(t.slice(at, m[0])));
        var mk = el('mark', TONE[m[2]], t.slice(m[0], m[1]));
        var ids = m.slice(3);
        mk.title = 'finding ' + ids.map(function (f) { return '#' + f; }).join(', ');
        mk.setAttribute('data-finding', String(ids[0]));
        para.appendChild(mk);
        at = m[1];
      });
      if (at < t.length) para.appendChild(document.createTextNode(t.slice(at)));
      text.appendChild(para);
    });
    box.appendChild(text);
  }

${FINDING_SCRIPT}
  var docs = makeList(document.getElementById('reports'), 'doc', summariseDoc, fillDoc);
  docs.set(data.ranking);
  // Past reports (scan --against) in their own list, in their own section.
  var pastBox = document.getElementById('past-reports');
  var pastDocs = pastBox ? makeList(pastBox, 'doc', summariseDoc, fillDoc) : null;
  if (pastDocs) pastDocs.set(data.pastRanking);
  // Reference documents (scan --reference), likewise apart: they are no reports.
  var refBox = document.getElementById('references');
  var refDocs = refBox ? makeList(refBox, 'doc', summariseDoc, fillDoc) : null;
  if (refDocs) refDocs.set(data.references);

  var findings = makeList(document.getElementById('findings'), 'finding', summariseFinding, fillFinding);
  var filter = document.getElementById('finding-filter');
  // Findings are indexed by id, which is the review order (see reviewOrder).
  var all = data.findings.map(function (f, i) { return i; });
  function applyFilter() {
    var v = filter.value;
    findings.set(all.filter(function (i) {
      var f = data.findings[i];
      // Spliced text is never filtered out: it is the one finding an auditor must not miss.
      if (f.splices) return true;
      if (v === 'copy') return f.tone === 0;
      if (v === 'boilerplate') return f.tone === 1;
      if (v === 'unreviewed') return !f.decision;
      return true;
    }));
  }
  filter.addEventListener('change', applyFilter);
  applyFilter();

  function go() {
    var m = /^#(doc|finding)-(\\d+)$/.exec(location.hash);
    if (!m) return;
    var id = Number(m[2]), d;
    if (m[1] === 'doc') d = docs.show(id) || (pastDocs && pastDocs.show(id)) || (refDocs && refDocs.show(id));
    else {
      d = findings.show(id);
      if (!d) { filter.value = 'all'; applyFilter(); d = findings.show(id); }
    }
    if (d) d.scrollIntoView();
  }
  window.addEventListener('hashchange', go);
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.tagName === 'MARK' && t.getAttribute('data-finding')) location.hash = '#finding-' + t.getAttribute('data-finding');
  });
  go();

  // Large batches: the heatmap is drawn here rather than sent as n\\u00b2 elements.
  var hm = document.querySelector('.heatmap-canvas');
  if (hm) {
    var n = data.order.length, k = Math.max(1, Math.floor(900 / n));
    var canvas = hm.querySelector('canvas'), readout = hm.querySelector('.readout');
    var max = Number(hm.getAttribute('data-max')) || 0;
    var pos = [], shared = {};
    data.order.forEach(function (doc, i) { pos[doc] = i; });
    canvas.width = canvas.height = n * k;
    var ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, n * k, n * k);
    ctx.fillStyle = '#cfcfcf';
    for (var i = 0; i < n; i++) ctx.fillRect(i * k, i * k, k, k);
    data.pairs.forEach(function (p) {
      var t = max > 0 ? Math.min(1, p[2] / max) : 0;
      ctx.fillStyle = 'hsl(8,78%,' + (97 - 57 * t).toFixed(1) + '%)';
      ctx.fillRect(pos[p[0]] * k, pos[p[1]] * k, k, k);
      ctx.fillRect(pos[p[1]] * k, pos[p[0]] * k, k, k);
      shared[p[0] + ',' + p[1]] = shared[p[1] + ',' + p[0]] = p[2];
    });
    canvas.addEventListener('mousemove', function (e) {
      var r = canvas.getBoundingClientRect();
      var col = Math.floor((e.clientX - r.left) * canvas.width / r.width / k);
      var row = Math.floor((e.clientY - r.top) * canvas.height / r.height / k);
      if (row < 0 || col < 0 || row >= n || col >= n) return;
      var a = data.order[row], b = data.order[col];
      readout.textContent = a === b ? data.docs[a].path + ' (itself)'
        : data.docs[a].path + ' \\u2194 ' + data.docs[b].path + ': ' + pct(shared[a + ',' + b] || 0) + ' shared';
    });
  }
})();
`;
