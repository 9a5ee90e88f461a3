/**
 * The part of the page's script that renders one finding when it is opened: its decision, any
 * text spliced into it, its members (a reference labelled as such), a template's slot table and
 * the side-by-side diffs. It is spliced into CLIENT_SCRIPT and uses its helpers (el, link, num,
 * where, memberWhere, memberText, pastBadge, refBadge, data); the same rules hold (ES5, no
 * backticks, no "${", report text only through textContent).
 */

/** Rows of a template's slot table; past this the members list above names the rest. */
export const TEMPLATE_ROWS = 500;

export const FINDING_SCRIPT = `
  function summariseFinding(s, id) {
    var f = data.findings[id];
    s.appendChild(el('strong', null, 'Finding #' + id));
    s.appendChild(document.createTextNode(' \\u00b7 ' + f.head + ' \\u00b7 ' + KIND[f.kind] + ' \\u00b7 similarity ' + f.similarity.toFixed(2) + ' \\u00b7 ' + num(f.chars) + ' characters \\u00b7 '));
    var ex = memberText(f.members[0]);
    s.appendChild(el('span', 'excerpt', ex.length > 60 ? ex.slice(0, 60) + '\\u2026' : ex));
    if (f.splices) s.appendChild(el('span', 'badge splice', 'spliced'));
    if (f.template) s.appendChild(el('span', 'badge', 'template'));
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

  // Each splice in its sentence, the spliced text marked, and what the others say there instead.
  function spliceBlock(f) {
    var box = el('div', 'splice-box');
    box.appendChild(el('h4', null, 'Spliced text'));
    f.splices.forEach(function (s) {
      var m = f.members[s[0]], text = data.docs[m[0]].paras[s[1]][2];
      var p = el('p');
      p.appendChild(link('#doc-' + m[0], where(m[0], s[1])));
      p.appendChild(document.createTextNode(': ' + s[6]));
      p.appendChild(el('mark', 'splice', text.slice(s[2], s[3])));
      p.appendChild(document.createTextNode(s[7]));
      box.appendChild(p);
      var q = el('p', 'instead', 'Instead: ' + s[6]);
      q.appendChild(s[4] ? el('ins', null, s[4]) : el('span', 'none', '(nothing)'));
      q.appendChild(document.createTextNode(s[7] + ' \\u2014 in ' + s[5]));
      box.appendChild(q);
    });
    return box;
  }

  // A row's name: the report's short name, with the line when the finding stands twice in it.
  function rowName(f, m) {
    var twice = f.members.filter(function (o) { return o[0] === m[0]; }).length > 1;
    return data.docs[m[0]].label + (twice ? ':' + data.docs[m[0]].paras[m[1]][0] : '');
  }

  // The skeleton with numbered slots, then one row per member: its value in each slot.
  function templateTable(f) {
    var pieces = f.template[0], slots = f.template[1];
    var box = el('div', 'template');
    box.appendChild(el('h4', null, 'Template: the text every member shares, ' + num(slots.length) + (slots.length === 1 ? ' slot' : ' slots') + ' where they differ'));
    var sk = el('p', 'skeleton');
    pieces.forEach(function (p, i) {
      if (i) sk.appendChild(el('span', 'slot', String(i)));
      sk.appendChild(document.createTextNode(p));
    });
    box.appendChild(sk);
    var table = el('table', 'slots'), head = el('tr');
    head.appendChild(el('th', null, 'Report'));
    slots.forEach(function (s, k) {
      var th = el('th');
      th.appendChild(el('span', 'slot', String(k + 1)));
      th.appendChild(document.createTextNode(' ' + s[0]));
      th.appendChild(el('span', 'dist', 'distance ' + s[1].toFixed(2)));
      head.appendChild(th);
    });
    var thead = el('thead'), tbody = el('tbody');
    thead.appendChild(head);
    table.appendChild(thead);
    f.members.slice(0, ${TEMPLATE_ROWS}).forEach(function (m, i) {
      var tr = el('tr'), th = el('th');
      if (data.docs[m[0]].reference) { th.appendChild(refBadge()); th.appendChild(document.createTextNode(' ')); }
      var a = link('#doc-' + m[0], rowName(f, m));
      a.title = memberWhere(m);
      th.appendChild(a);
      tr.appendChild(th);
      var text = data.docs[m[0]].paras[m[1]][2];
      slots.forEach(function (s) {
        var from = s[2 + 2 * i], to = s[3 + 2 * i];
        tr.appendChild(from === to ? el('td', 'none', '\\u2014') : el('td', null, text.slice(from, to)));
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    box.appendChild(table);
    var rest = f.members.length - ${TEMPLATE_ROWS};
    if (rest > 0) box.appendChild(el('p', 'meta', num(rest) + ' more members are listed above, not in the table.'));
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
    if (f.splices) box.appendChild(spliceBlock(f));
    box.appendChild(el('h4', null, 'Members'));
    var ol = el('ol', 'members');
    ol.start = 0;
    f.members.forEach(function (m) {
      var li = el('li'), doc = data.docs[m[0]];
      if (doc.past) { li.appendChild(pastBadge()); li.appendChild(document.createTextNode(' ')); }
      if (doc.reference) { li.appendChild(refBadge()); li.appendChild(document.createTextNode(' ')); }
      li.appendChild(link('#doc-' + m[0], memberWhere(m)));
      var at = m.length >= 5 ? 'paragraphs ' + (m[1] + 1) + '\\u2013' + (m[4] + 1) : 'paragraph ' + (m[1] + 1) + ', characters ' + m[2] + '\\u2013' + m[3];
      li.appendChild(document.createTextNode(' \\u00b7 ' + at + (doc.reference ? ' \\u00b7 the reference this text recites' : '')));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    if (f.template) box.appendChild(templateTable(f));
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
`;
