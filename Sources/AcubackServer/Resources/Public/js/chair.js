// The chair page and the running-timers dashboard. The server's clock is the truth: the page
// carries the server time it was rendered at and each timer's end, so the countdown here is the
// same on every device, and it re-syncs whenever it polls the API.
(function () {
  'use strict';

  var offset = 0; // server time minus this device's time, in milliseconds
  var alerted = {};
  var baseTitle = document.title;

  function syncClock(serverIso) {
    var server = Date.parse(serverIso);
    if (!isNaN(server)) { offset = server - Date.now(); }
  }

  function now() { return Date.now() + offset; }

  function countdown(ms) {
    var seconds = Math.floor(ms / 1000);
    var sign = seconds < 0 ? '\u2212' : '';
    seconds = Math.abs(seconds);
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return sign + (minutes < 10 ? '0' : '') + minutes + ':' + (rest < 10 ? '0' : '') + rest;
  }

  function tick() {
    var timers = document.querySelectorAll('[data-ends-at]');
    for (var i = 0; i < timers.length; i++) {
      var timer = timers[i];
      var display = timer.querySelector('.countdown:not(.countdown-idle)');
      if (!display) { continue; }
      var remaining = Date.parse(timer.getAttribute('data-ends-at')) - now();
      display.textContent = countdown(remaining);
      if (remaining <= 0) { alertDue(timer); }
    }
  }

  function alertDue(timer) {
    timer.classList.add('due');
    var label = timer.querySelector('.due-label');
    if (label && !label.textContent) { label.textContent = 'Time to take the needles out'; }
    var key = timer.getAttribute('data-session') || 'session';
    if (!alerted[key]) {
      alerted[key] = true;
      document.title = '\u23F0 ' + baseTitle;
      if (navigator.vibrate) { navigator.vibrate([300, 150, 300]); }
    }
  }

  function busyTyping() {
    var active = document.activeElement;
    return active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) && active.type !== 'submit';
  }

  // Another device changed the session: show the new state.
  function pollSession(page) {
    var id = page.getAttribute('data-session');
    fetch('/api/v1/sessions/' + id, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (session) {
        if (!session) { return; }
        syncClock(session.serverTime);
        var changed = String(session.ledger.length) !== page.getAttribute('data-ledger-length') ||
          second(session.timer.startedAt) !== second(page.getAttribute('data-timer-started')) ||
          (session.status === 'open') !== (page.getAttribute('data-open') === 'true');
        if (changed && !busyTyping()) { window.location.reload(); }
      })
      .catch(function () { /* offline for a moment: keep counting on the last known clock */ });
  }

  function pollDashboard(section) {
    fetch('/api/v1/sessions?open=true', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (list) {
        if (!list) { return; }
        var shown = Array.prototype.map.call(section.querySelectorAll('[data-session]'), function (card) {
          return card.getAttribute('data-session') + '@' + second(card.getAttribute('data-ends-at'));
        }).sort().join(',');
        var current = list.items.map(function (session) {
          return session.id + '@' + second(session.timer.endsAt);
        }).sort().join(',');
        if (list.items.length) { syncClock(list.items[0].serverTime); }
        if (shown !== current && !busyTyping()) { window.location.reload(); }
      })
      .catch(function () {});
  }

  // The page and the API write times differently (fractional seconds or not): compare the second.
  function second(text) {
    var time = text ? Date.parse(text) : NaN;
    return isNaN(time) ? '' : String(Math.floor(time / 1000));
  }

  // A tap on a needle of the chart presses that needle's In or Out button.
  function tapNeedle(event) {
    var marker = event.target.closest ? event.target.closest('.needle[data-key]') : null;
    if (!marker) { return; }
    if (event.type === 'keydown' && event.key !== 'Enter' && event.key !== ' ') { return; }
    event.preventDefault();
    var rows = document.querySelectorAll('#needle-table tr[data-key]');
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getAttribute('data-key') === marker.getAttribute('data-key')) {
        var button = rows[i].querySelector('.needle-in, .needle-out');
        if (button) { button.click(); }
        return;
      }
    }
  }

  // A tap on the chart away from the needles places a tender point there: the zone under the tap
  // gives its part of the body, spinal level and side, and the extra-needle form opens for the
  // words and the depth. The selects stay, for keyboards and for correcting the tap.
  function placeTenderPoint(event) {
    var zone = event.target.closest ? event.target.closest('.zone') : null;
    var form = document.getElementById('extra-form');
    if (!zone || !form) { return; }
    var fields = { 'extra-area': 'data-area', 'extra-level': 'data-level', 'extra-side': 'data-side' };
    Object.keys(fields).forEach(function (id) {
      document.getElementById(id).value = zone.getAttribute(fields[id]);
    });
    var details = form.closest('details');
    if (details) { details.open = true; }
    markSpot(zone, event);
    var chosen = document.getElementById('extra-chosen');
    if (chosen) { chosen.textContent = 'Placed on the chart: ' + zone.querySelector('title').textContent.replace(/^[^:]*: /, '') + '.'; }
    document.getElementById('extra-location').focus();
  }

  // A ring where the chart was tapped, so the practitioner sees which spot was taken.
  function markSpot(zone, event) {
    var svg = zone.ownerSVGElement;
    var matrix = svg && svg.getScreenCTM();
    if (!matrix) { return; }
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var at = point.matrixTransform(matrix.inverse());
    var ring = svg.querySelector('.chosen-spot');
    if (!ring) {
      ring = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
      ring.setAttribute('class', 'chosen-spot');
      ring.setAttribute('r', '8');
      svg.appendChild(ring);
    }
    ring.setAttribute('cx', String(at.x));
    ring.setAttribute('cy', String(at.y));
  }

  function tapChart(event) {
    var marker = event.target.closest ? event.target.closest('.needle[data-key]') : null;
    if (marker) { tapNeedle(event); } else if (event.type === 'click') { placeTenderPoint(event); }
  }

  var page = document.getElementById('session');
  var dashboard = document.getElementById('running-timers');
  var clockSource = page || dashboard;
  if (clockSource) { syncClock(clockSource.getAttribute('data-server-time')); }
  if (page) {
    if (page.getAttribute('data-open') === 'true') {
      tick();
      setInterval(tick, 250);
      setInterval(function () { pollSession(page); }, 5000);
    }
    if (page.getAttribute('data-can-treat') === 'true') {
      var chart = document.querySelector('.chair-chart');
      if (chart) {
        chart.addEventListener('click', tapChart);
        chart.addEventListener('keydown', tapNeedle);
      }
    }
  }
  if (dashboard) {
    tick();
    setInterval(tick, 250);
    setInterval(function () { pollDashboard(dashboard); }, 10000);
  }
})();
