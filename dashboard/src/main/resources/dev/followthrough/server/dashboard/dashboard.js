// The dashboard's only script, served from the server itself (the Content-Security-Policy allows
// no inline script). It sorts tables on a header click and keeps the page current: when the store
// changes, /api/events says so (server-sent events) and the page's <main> is fetched again and
// replaced, without a reload. Where events cannot be had, /api/version is polled instead.
(function () {
  'use strict';
  var POLL_MS = 2000;

  function sortTable(table, col, asc) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var val = function (r) {
      var t = r.cells[col].textContent.trim();
      var n = Number(t);
      return t !== '' && !isNaN(n) ? n : t;
    };
    rows.sort(function (a, b) {
      var x = val(a), y = val(b);
      return (x > y ? 1 : x < y ? -1 : 0) * (asc ? 1 : -1);
    });
    rows.forEach(function (r) { body.appendChild(r); });
    table.tHead.rows[0].cells[col].dataset.dir = asc ? 'asc' : 'desc';
  }

  function sortable(root) {
    root.querySelectorAll('table.sortable').forEach(function (table) {
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
        th.addEventListener('click', function () { sortTable(table, col, th.dataset.dir !== 'asc'); });
      });
    });
  }

  var current = document.body.dataset.version;
  var fetching = false;
  var again = false;
  var updates = 0;

  function refresh(version) {
    if (version === undefined || version === current) {
      return;
    }
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    fetch(location.href, {cache: 'no-store', credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (res) {
        if (!res.ok) { throw new Error('HTTP ' + res.status); }
        return res.text();
      })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var fresh = doc.querySelector('main');
        if (!fresh) { return; }
        var main = document.adoptNode(fresh);
        document.querySelector('main').replaceWith(main);
        document.title = doc.title;
        current = main.dataset.version;
        document.body.dataset.version = current;
        updates += 1;
        document.body.dataset.updates = String(updates);
        sortable(main);
      })
      .catch(function () { /* the next event or poll tries again */ })
      .then(function () {
        fetching = false;
        if (again) {
          again = false;
          checkVersion();
        }
      });
  }

  function checkVersion() {
    fetch('/api/version', {cache: 'no-store', credentials: 'same-origin'})
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) { if (body) { refresh(String(body.version)); } })
      .catch(function () {});
  }

  var polling = null;
  function poll() {
    if (polling === null) {
      document.body.dataset.live = 'poll';
      polling = setInterval(checkVersion, POLL_MS);
    }
  }

  function live() {
    var mark = document.getElementById('live');
    if (!window.EventSource) {
      poll();
      return;
    }
    var events = new EventSource('/api/events');
    events.addEventListener('open', function () {
      document.body.dataset.live = 'events';
      if (mark) { mark.classList.add('on'); }
    });
    events.addEventListener('version', function (e) { refresh(e.data); });
    events.addEventListener('error', function () {
      // EventSource reconnects by itself when it can; polling meanwhile costs one small request a while.
      if (mark) { mark.classList.remove('on'); }
      poll();
    });
  }

  sortable(document);
  live();
  document.body.dataset.ready = 'true';
})();
