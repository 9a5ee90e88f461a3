import { jsonForScript } from '../escape.js';
import { KIND_WORDS } from '../finding.js';

/**
 * The page's script. It renders reports and findings lazily from the embedded JSON, a page of
 * items at a time and each item's body only when opened, so a 1,000-report file stays quick.
 * Every piece of report text reaches the page through textContent or createTextNode, never
 * innerHTML: the text shows as text, whatever it holds.
 *
 * Kept as plain ES5-level JavaScript in a string (no backticks, no "${", no closing script
 * tag) so it runs in any browser and embeds verbatim; the one value put in is the kind words,
 * so the page words a finding's kind as the rest of the report does.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('refrain-data').textContent);
  var PAGE = 50;
  var TONE = ['copy', 'bp'];
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
  // As findingHeadline (src/report/finding.ts) words it for the summary's list.
  function headline(f) {
    if (f.scope === 'within') return (f.boilerplate ? 'boilerplate ' : '') + 'repeated inside one report (' + num(f.members.length) + ' times)';
    return (f.boilerplate ? 'boilerplate' : 'copying') + ' across ' + num(f.docCount) + ' reports' + (f.pastReports ? ' (' + num(f.pastReports) + ' past)' : '');
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
    s.appendChild(el('strong', null, d.path));
    var past = d.pastRatio === undefined ? '' : ' \\u00b7 in past reports ' + pct(d.pastRatio);
    var own = d.past ? ' (in its own batch)' : '';
    s.appendChild(document.createTextNode(' \\u00b7 in other reports ' + pct(d.templated) + own + past + ' \\u00b7 boilerplate ' + pct(d.boilerplate) + ' \\u00b7 repeated inside ' + pct(d.within)));
  }

  function fillDoc(box, id) {
    var d = data.docs[id];
    if (d.past) box.appendChild(el('p', 'meta', 'A past report, from ' + d.past + ': compared against, not judged.'));
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

  function summariseFinding(s, id) {
    var f = data.findings[id];
    s.appendChild(el('strong', null, 'Finding #' + id));
    s.appendChild(document.createTextNode(' \\u00b7 ' + headline(f) + ' \\u00b7 ' + KIND[f.kind] + ' \\u00b7 similarity ' + f.similarity.toFixed(2) + ' \\u00b7 ' + num(f.chars) + ' characters \\u00b7 '));
    var ex = memberText(f.members[0]);
    s.appendChild(el('span', 'excerpt', ex.length > 60 ? ex.slice(0, 60) + '\\u2026' : ex));
    if (f.decision) s.appendChild(el('span', 'badge ' + f.decision[0], f.decision[0]));
  }

  function side(ops, text, keep, tag, mine) {
    var box = el('div', 'side'), at = 0;
    for (var i = 0; i < ops.length; i += 2) {
      var op = ops[i], len = ops[i + 1];
      if (op !== 0 && op !== mine) continue;
      var piece = text.slice(at, at + len);
      box.appendChild(op === 0 ? document.createTextNode(piece) : el(tag, null, piece));
      at += len;
    }
    return box;
  }

  function fillFinding(box, id) {
    var f = data.findings[id];
    if (f.decision) {
      var dp = el('p', null, 'Decision: ');
      dp.appendChild(el('strong', null, f.decision[0]));
      dp.appendChild(document.createTextNode((f.decision[3] ? ' by ' + f.decision[3] : '') + ', ' + f.decision[2]));
      box.appendChild(dp);
      if (f.decision[1]) box.appendChild(el('p', 'note', f.decision[1]));
    } else {
      box.appendChild(el('p', 'meta', 'Not reviewed yet.'));
    }
    box.appendChild(el('h4', null, 'Members'));
    var ol = el('ol', 'members');
    ol.start = 0;
    f.members.forEach(function (m) {
      var li = el('li');
      if (data.docs[m[0]].past) { li.appendChild(pastBadge()); li.appendChild(document.createTextNode(' ')); }
      li.appendChild(link('#doc-' + m[0], memberWhere(m)));
      var at = m.length >= 5 ? 'paragraphs ' + (m[1] + 1) + '\\u2013' + (m[4] + 1) : 'paragraph ' + (m[1] + 1) + ', characters ' + m[2] + '\\u2013' + m[3];
      li.appendChild(document.createTextNode(' \\u00b7 ' + at));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    var first = memberText(f.members[0]);
    f.diffs.forEach(function (d) {
      var mi = d[0], ops = d.slice(1), m = f.members[mi];
      box.appendChild(el('h4', null, 'Member 0 (' + memberWhere(f.members[0]) + ') \\u2194 member ' + mi + ' (' + memberWhere(m) + ')'));
      var grid = el('div', 'diff');
      grid.appendChild(side(ops, first, 0, 'del', 1));
      grid.appendChild(side(ops, memberText(m), 0, 'ins', 2));
      box.appendChild(grid);
    });
    var rest = f.members.length - 1 - f.diffs.length;
    if (rest > 0) box.appendChild(el('p', 'meta', num(rest) + ' more members are listed above, not shown side by side.'));
  }

  var docs = makeList(document.getElementById('reports'), 'doc', summariseDoc, fillDoc);
  docs.set(data.ranking);
  // Past reports (scan --against) in their own list, in their own section.
  var pastBox = document.getElementById('past-reports');
  var pastDocs = pastBox ? makeList(pastBox, 'doc', summariseDoc, fillDoc) : null;
  if (pastDocs) pastDocs.set(data.pastRanking);

  var findings = makeList(document.getElementById('findings'), 'finding', summariseFinding, fillFinding);
  var filter = document.getElementById('finding-filter');
  // Findings are indexed by id, which is the review order (see reviewOrder).
  var all = data.findings.map(function (f, i) { return i; });
  function applyFilter() {
    var v = filter.value;
    findings.set(all.filter(function (i) {
      var f = data.findings[i];
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
    if (m[1] === 'doc') d = docs.show(id) || (pastDocs && pastDocs.show(id));
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
