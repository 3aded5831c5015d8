import Hummingbird
import NIOCore

/// The UI's only script and style sheet, served from memory (no build step). The script never uses `innerHTML`:
/// hint lists are built with `textContent`, so text from the server is shown as text.
enum Assets {
    static func response(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static let script = #"""
    (function () {
      'use strict';
      function meta(name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : ''; }
      function debounce(fn, ms) { var t; return function () { clearTimeout(t); t = setTimeout(fn, ms); }; }
      function fill(list, items) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        if (items.length === 0) {
          var li = document.createElement('li'); li.className = 'muted'; li.textContent = list.dataset.empty;
          list.appendChild(li); return;
        }
        items.forEach(function (item) { list.appendChild(item); });
      }
      var narrative = document.getElementById('narrative');
      var flags = document.getElementById('flag-list');
      if (narrative && flags) {
        narrative.addEventListener('input', debounce(function () {
          var text = narrative.value;
          if (text.trim().length < 4) { fill(flags, []); return; }
          fetch('/api/v1/scan?lang=' + meta('lang'), {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': meta('csrf') },
            body: JSON.stringify({ postings: [{ id: 'intake', description: text }] })
          }).then(function (r) { return r.ok ? r.json() : { results: [] }; }).then(function (data) {
            var findings = (data.results[0] || { findings: [] }).findings;
            fill(flags, findings.map(function (f) {
              var li = document.createElement('li'); li.className = 'flag sev-' + f.severity;
              var b = document.createElement('b'); b.textContent = f.message; li.appendChild(b);
              if (f.evidence.length > 0) {
                var m = document.createElement('mark'); m.textContent = f.evidence[0].excerpt;
                li.appendChild(document.createTextNode(' ')); li.appendChild(m);
              }
              return li;
            }));
          }).catch(function () {});
        }, 400));
      }
      var respondent = document.getElementById('respondentName');
      var dups = document.getElementById('dup-list');
      if (respondent && dups) {
        var labels = {};
        try { labels = JSON.parse(dups.dataset.labels || '{}'); } catch (e) { labels = {}; }
        respondent.addEventListener('input', debounce(function () {
          var q = respondent.value.trim();
          if (q.length < 2) { fill(dups, []); return; }
          fetch('/api/v1/cases/search?limit=8&q=' + encodeURIComponent(q), { credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : { items: [] }; }).then(function (data) {
              fill(dups, data.items.map(function (c) {
                var li = document.createElement('li'); var a = document.createElement('a');
                a.href = '/cases/' + c.id; a.textContent = c.number + ' · ' + (labels[c.status] || c.status); li.appendChild(a); return li;
              }));
            }).catch(function () {});
        }, 400));
      }
    })();
    """#

    static let style = #"""
    * { box-sizing: border-box; }
    body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif; background: #f4f5f7; color: #222; }
    header { background: #b22222; color: #fff; display: flex; align-items: center; padding: 0 16px; height: 48px; gap: 16px; }
    header .brand { font-weight: bold; }
    nav { display: flex; gap: 12px; align-items: center; flex: 1; }
    nav a { color: #fff; text-decoration: none; padding: 4px 8px; border-radius: 4px; }
    nav a.active { background: rgba(255,255,255,.2); }
    nav .user { margin-left: auto; font-size: 13px; }
    nav .lang { border: 1px solid rgba(255,255,255,.6); }
    form.inline { display: inline; }
    form.inline button { background: transparent; color: #fff; border: 1px solid #fff; }
    main { padding: 16px 24px; }
    h1 { font-size: 20px; margin: 4px 0 16px; }
    h2 { font-size: 16px; margin: 8px 0; }
    .card { background: #fff; border-radius: 6px; padding: 12px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.1); margin-bottom: 16px; }
    label { display: block; margin: 6px 0; font-size: 14px; }
    input, select, textarea { font: inherit; padding: 4px 6px; border: 1px solid #bbb; border-radius: 4px; }
    textarea { width: 100%; }
    button { font: inherit; padding: 4px 12px; border-radius: 4px; border: 1px solid #b22222; background: #b22222; color: #fff; cursor: pointer; }
    .row { display: flex; gap: 16px; flex-wrap: wrap; }
    .row label, .filters label { display: inline-block; }
    fieldset { border: 1px solid #ddd; border-radius: 4px; margin: 8px 0; }
    fieldset label { display: inline-block; margin-right: 12px; }
    .intake { display: grid; grid-template-columns: 2fr 1fr; gap: 16px; }
    .hints ul { padding-left: 18px; }
    .login { max-width: 320px; background: #fff; padding: 16px; border-radius: 6px; }
    table.queue { width: 100%; border-collapse: collapse; background: #fff; }
    table.queue th, table.queue td { padding: 6px 8px; border-bottom: 1px solid #eee; text-align: left; font-size: 14px; }
    tr.overdue { background: #fdecea; }
    tr.urgent td:first-child { border-left: 4px solid #e6a700; }
    .badge.overdue { background: #c0392b; color: #fff; border-radius: 3px; padding: 0 4px; font-size: 12px; }
    p.overdue { color: #c0392b; }
    .muted { color: #888; }
    .error { color: #c0392b; }
    mark { background: #ffe08a; }
    .narrative { white-space: pre-wrap; }
    .case-grid { display: grid; grid-template-columns: 3fr 2fr; gap: 16px; }
    .case-grid .wide { grid-column: 1 / -1; }
    ul.flagged { padding-left: 18px; }
    form.action { margin: 6px 0; display: flex; gap: 6px; flex-wrap: wrap; }
    ol.timeline { padding-left: 18px; font-size: 14px; }
    ol.timeline li { margin-bottom: 6px; }
    .stats { display: flex; gap: 16px; margin-bottom: 16px; }
    .stat { background: #fff; padding: 12px 20px; border-radius: 6px; }
    .stat b { display: block; font-size: 28px; }
    .stat.overdue b { color: #c0392b; }
    .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
    svg.chart { width: 100%; height: auto; }
    svg .axis { font-size: 11px; fill: #555; }
    """#
}
