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
      timer.setAttribute('data-sound', muted() ? 'muted' : 'played');
      if (!muted()) { chime(); }
    }
  }

  // Time up sounds three short tones unless the practitioner muted the chair on this device; the
  // choice is kept on the device and shown on the button.
  var audio = null;
  function muted() {
    try { return window.localStorage.getItem('acuback.chair.muted') === 'true'; } catch (e) { return false; }
  }

  function chime() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    try {
      audio = audio || new Context();
      [0, 0.5, 1].forEach(function (delay) {
        var tone = audio.createOscillator();
        var volume = audio.createGain();
        tone.frequency.value = 880;
        volume.gain.value = 0.25;
        tone.connect(volume);
        volume.connect(audio.destination);
        tone.start(audio.currentTime + delay);
        tone.stop(audio.currentTime + delay + 0.3);
      });
    } catch (e) { /* no sound on this device: the title, the colour and the vibration remain */ }
  }

  function showSound() {
    document.querySelectorAll('.sound-toggle').forEach(function (button) {
      button.setAttribute('aria-pressed', muted() ? 'true' : 'false');
      button.textContent = muted() ? 'Sound off (tap to turn on)' : 'Sound on (tap to mute)';
    });
  }

  function toggleSound(event) {
    var button = event.target.closest ? event.target.closest('.sound-toggle') : null;
    if (!button) { return; }
    try { window.localStorage.setItem('acuback.chair.muted', muted() ? 'false' : 'true'); } catch (e) { /* private mode */ }
    // A tap is the gesture a browser needs before it lets a page make sound.
    if (!muted() && !audio && (window.AudioContext || window.webkitAudioContext)) { audio = new (window.AudioContext || window.webkitAudioContext)(); }
    showSound();
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
        if (changed && !busyTyping()) { refresh(); }
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
    pressNeedle(marker);
  }

  // Presses the In or Out button of the marker's row in the needle table.
  function pressNeedle(marker) {
    var rows = document.querySelectorAll('#needle-table tr[data-key]');
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getAttribute('data-key') === marker.getAttribute('data-key')) {
        var button = rows[i].querySelector('.needle-in, .needle-out');
        if (button) { button.click(); }
        return;
      }
    }
  }

  // A fingertip is wider than a marker: a tap goes to the needle whose centre is nearest, within
  // 22 CSS pixels (a 44-pixel target however small the chart is drawn), so crowded markers such
  // as the ear points are told apart by which one the finger was closest to.
  var reach = 22;
  function nearestNeedle(event) {
    var best = null;
    var bestDistance = Infinity;
    document.querySelectorAll('.chair-chart .needle[data-key] .hit').forEach(function (hit) {
      var box = hit.getBoundingClientRect();
      var distance = Math.hypot(event.clientX - (box.left + box.width / 2), event.clientY - (box.top + box.height / 2));
      // On a chart drawn large the marker's own circle is the wider target.
      if (distance <= Math.max(reach, box.width / 2) && distance < bestDistance) { best = hit.closest('.needle'); bestDistance = distance; }
    });
    return best;
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
    // A click sent by script has no position: it names its marker itself.
    var placed = event.clientX !== 0 || event.clientY !== 0;
    var marker = placed ? nearestNeedle(event) : (event.target.closest ? event.target.closest('.needle[data-key]') : null);
    if (marker) {
      event.preventDefault();
      pressNeedle(marker);
    } else if (placed) {
      placeTenderPoint(event);
    }
  }

  // The chair's forms (needles in and out, extra needles, pairs, the timer, the count and the
  // search) post in the background and the session is redrawn in place from the page the server
  // answers, so a tap neither reloads nor scrolls away. Without script they post as plain forms.
  // What is being typed in the forms that still post normally (the note, the closing) is kept.
  function submitInPlace(event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-in-place]')) { return; }
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { body.append(name, value); });
    var submitter = event.submitter;
    if (submitter && submitter.name) { body.append(submitter.name, submitter.value); }
    event.preventDefault();
    fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        return response.text().then(function (html) { redraw(html, response.url); });
      })
      .catch(function () { window.location.reload(); });
  }

  // Another device changed the session: fetch the page and redraw it in place.
  function refresh() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.text().then(function (html) { redraw(html, response.url); }); })
      .catch(function () { /* offline for a moment: the next poll tries again */ });
  }

  function redraw(html, address) {
    var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('session');
    var current = document.getElementById('session');
    if (!fresh || !current) { window.location.assign(address); return; }
    var typed = {};
    current.querySelectorAll('form:not([data-in-place]) [id]').forEach(function (field) {
      if ('value' in field) { typed[field.id] = field.type === 'checkbox' ? field.checked : field.value; }
    });
    Array.prototype.slice.call(current.attributes).forEach(function (attribute) { current.removeAttribute(attribute.name); });
    Array.prototype.slice.call(fresh.attributes).forEach(function (attribute) { current.setAttribute(attribute.name, attribute.value); });
    current.innerHTML = fresh.innerHTML;
    Object.keys(typed).forEach(function (id) {
      var field = document.getElementById(id);
      if (!field || field.type === 'hidden') { return; }
      if (field.type === 'checkbox') { field.checked = typed[id]; } else { field.value = typed[id]; }
    });
    syncClock(current.getAttribute('data-server-time'));
    showSound();
    tick();
    var message = document.getElementById('chair-message');
    if (message) { message.setAttribute('tabindex', '-1'); message.focus({ preventScroll: false }); }
  }

  var page = document.getElementById('session');
  var dashboard = document.getElementById('running-timers');
  var clockSource = page || dashboard;
  document.addEventListener('click', toggleSound);
  showSound();
  if (clockSource) { syncClock(clockSource.getAttribute('data-server-time')); }
  if (page) {
    if (page.getAttribute('data-open') === 'true') {
      tick();
      setInterval(tick, 250);
      setInterval(function () { pollSession(page); }, 5000);
    }
    if (page.getAttribute('data-can-treat') === 'true') {
      // Listened for on the page, not the chart, so the redrawn chart needs no new listeners.
      page.addEventListener('click', function (event) { if (event.target.closest('.chair-chart')) { tapChart(event); } });
      page.addEventListener('keydown', function (event) { if (event.target.closest('.chair-chart')) { tapNeedle(event); } });
      page.addEventListener('submit', submitInPlace);
    }
  }
  if (dashboard) {
    tick();
    setInterval(tick, 250);
    setInterval(function () { pollDashboard(dashboard); }, 10000);
  }
})();
