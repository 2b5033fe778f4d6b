// The questionnaire page (templates/web/questionnaire.html): the contents
// folded on narrow screens, anchors into folded levels opened, and autosave:
// every answer is PUT to the JSON API as it is given, with the version it
// was edited against and the session's CSRF token. A 409 shows both values
// and lets the assessor keep theirs or take the stored one. No framework,
// no request beyond this origin. Without script the page still navigates
// (anchors, <details>), folds and unfolds.
(function () {
  'use strict';
  var root = document.getElementById('questionnaire');
  if (!root) return;

  // The contents: open in the markup (so it is there without script), folded
  // on a narrow screen, where it would push the questions down; a link taken
  // from it folds it again.
  var contents = document.getElementById('q-contents');
  var narrow = window.matchMedia('(max-width: 900px)');
  if (contents) {
    if (narrow.matches) contents.open = false;
    contents.addEventListener('click', function (e) {
      if (narrow.matches && e.target.closest('a')) contents.open = false;
    });
  }

  // An anchor to a question in a folded level opens the fold (a link from
  // the submit confirmation, the resume link).
  function openTarget() {
    var id = location.hash.slice(1);
    var el = id && document.getElementById(id);
    var fold = el && el.closest('details.q-later');
    if (fold && !fold.open) {
      fold.open = true;
      el.scrollIntoView();
    }
  }
  openTarget();
  window.addEventListener('hashchange', openTarget);

  if (root.getAttribute('data-editable') !== '1') return;
  var assessment = root.getAttribute('data-assessment');
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var en = document.documentElement.lang === 'en';
  var T = {
    saving: en ? 'Saving…' : '正在保存…',
    saved: en ? 'Saved' : '已保存',
    failed: en ? 'Not saved — check the connection' : '未保存，请检查网络',
    conflict: en ? 'Conflict: someone else changed this to ' : '冲突：他人已将此项改为 ',
    yours: en ? '; yours is ' : '；您的值为 ',
    keepMine: en ? 'Keep mine' : '保留我的',
    takeTheirs: en ? 'Use theirs' : '采用对方的',
    empty: en ? '(empty)' : '（空）',
    signedOut: en ? 'Your session has ended; sign in again in another tab, then retry.' : '会话已结束，请在新标签页重新登录后重试。'
  };
  var status = document.getElementById('q-status');
  var timers = {};
  var inflight = {};

  function setStatus(text, cls) {
    status.textContent = text;
    status.className = 'save-status ' + (cls || '');
  }

  function valueOf(item) {
    var input = item.getAttribute('data-input');
    var na = item.querySelector('.q-na');
    if (na && na.checked) return 'na';
    var name = item.id;
    if (input === 'choices') {
      var boxes = item.querySelectorAll('input[type=checkbox][name="' + name + '"]');
      var out = [];
      for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) out.push(boxes[i].value);
      return out;
    }
    if (input === 'number') {
      var n = item.querySelector('input[type=number]');
      if (n.value === '') return null;
      var v = Number(n.value);
      return isNaN(v) ? n.value : v;
    }
    if (input === 'text') {
      var t = item.querySelector('textarea[name="' + name + '"]');
      return t.value === '' ? null : t.value;
    }
    var checked = item.querySelector('input[type=radio][name="' + name + '"]:checked');
    if (!checked) return null;
    if (item.hasAttribute('data-numeric')) return Number(checked.value);
    if (input === 'yesno') return checked.value === 'true';
    return checked.value;
  }

  function show(v) {
    if (v === null || v === undefined || v === '') return T.empty;
    if (Array.isArray(v)) return v.length ? v.join(', ') : T.empty;
    return String(v);
  }

  function isAnswered(v) {
    return !(v === null || v === undefined);
  }

  function updateProgress() {
    var items = document.querySelectorAll('.q-item:not(.not-applicable)');
    var n = 0;
    for (var i = 0; i < items.length; i++) if (items[i].classList.contains('answered')) n++;
    document.getElementById('q-answered').textContent = n;
    document.getElementById('q-progress').value = n;
    // Each section's tally counts the questions needed now, as the page did.
    var sections = document.querySelectorAll('.q-section');
    for (var s = 0; s < sections.length; s++) {
      var needed = sections[s].querySelectorAll('.q-item.needed:not(.not-applicable)');
      var done = 0;
      for (var j = 0; j < needed.length; j++) if (needed[j].classList.contains('answered')) done++;
      var tallies = document.querySelectorAll('[data-tally="' + sections[s].id + '"]');
      for (var t = 0; t < tallies.length; t++) {
        tallies[t].textContent = needed.length ? done + '/' + needed.length : '\u2013';
        var li = tallies[t].closest('li');
        if (li) li.classList.toggle('done', needed.length > 0 && done === needed.length);
      }
    }
  }

  function applyStored(item, answer) {
    // Puts a stored answer (from a 409) into the inputs.
    var v = answer.value;
    var na = item.querySelector('.q-na');
    if (na) na.checked = v === 'na';
    var inputs = item.querySelectorAll('.q-input input[name="' + item.id + '"], .q-input textarea[name="' + item.id + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if (el.type === 'radio') el.checked = v !== 'na' && String(v) === el.value;
      else if (el.type === 'checkbox') el.checked = Array.isArray(v) && v.indexOf(el.value) >= 0;
      else el.value = v === null || v === 'na' ? '' : String(v);
    }
    item.querySelector('.q-evidence').value = answer.evidence || '';
    item.querySelector('.q-note').value = answer.note || '';
    item.setAttribute('data-version', String(answer.version));
    item.classList.toggle('answered', isAnswered(v));
  }

  function save(item) {
    var criterion = item.getAttribute('data-criterion');
    if (inflight[criterion]) { inflight[criterion] = 'again'; return; }
    inflight[criterion] = true;
    var errorBox = item.querySelector('.q-error');
    var conflictBox = item.querySelector('.q-conflict');
    var value = valueOf(item);
    var body = {
      value: value,
      evidence: item.querySelector('.q-evidence').value,
      note: item.querySelector('.q-note').value,
      version: Number(item.getAttribute('data-version'))
    };
    setStatus(T.saving, 'busy');
    fetch('/api/assessments/' + encodeURIComponent(assessment) + '/answers/' + encodeURIComponent(criterion), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body)
    }).then(function (res) {
      return res.json().then(function (data) { return { status: res.status, data: data }; });
    }).then(function (r) {
      if (r.status === 200) {
        item.setAttribute('data-version', String(r.data.version));
        item.classList.toggle('answered', isAnswered(r.data.value));
        errorBox.textContent = '';
        item.classList.remove('invalid');
        conflictBox.hidden = true;
        setStatus(T.saved, 'ok');
        updateProgress();
        checkStanding();
      } else if (r.status === 409 && r.data.current) {
        var cur = r.data.current;
        conflictBox.hidden = false;
        conflictBox.textContent = '';
        var p = document.createElement('p');
        p.textContent = T.conflict + show(cur.value) + T.yours + show(r.data.yours.value) + '.';
        var mine = document.createElement('button');
        mine.type = 'button';
        mine.textContent = T.keepMine;
        mine.addEventListener('click', function () {
          item.setAttribute('data-version', String(cur.version));
          conflictBox.hidden = true;
          save(item);
        });
        var theirs = document.createElement('button');
        theirs.type = 'button';
        theirs.textContent = T.takeTheirs;
        theirs.addEventListener('click', function () {
          applyStored(item, cur);
          conflictBox.hidden = true;
          updateProgress();
        });
        conflictBox.appendChild(p);
        conflictBox.appendChild(mine);
        conflictBox.appendChild(theirs);
        setStatus(T.conflict + show(cur.value), 'warn');
      } else if (r.status === 400) {
        errorBox.textContent = (r.data.details && r.data.details.length ? r.data.details.join('; ') : r.data.error);
        item.classList.add('invalid');
        setStatus(r.data.error, 'warn');
      } else if (r.status === 401) {
        setStatus(T.signedOut, 'warn');
      } else {
        errorBox.textContent = r.data.error || ('HTTP ' + r.status);
        setStatus(T.failed, 'warn');
      }
    }).catch(function () {
      setStatus(T.failed, 'warn');
    }).then(function () {
      var again = inflight[criterion] === 'again';
      inflight[criterion] = false;
      if (again) save(item);
    });
  }

  // The folds follow the levels needed when the page was made; once the
  // saved answers change them (a level met, or one that can no longer be
  // met), say so, with a link that rebuilds the page at the next question.
  // Asked a moment after the last save, not after each one.
  var notice = document.getElementById('q-standing-changed');
  var standingTimer = null;
  function checkStanding() {
    if (!notice) return;
    clearTimeout(standingTimer);
    standingTimer = setTimeout(function () {
      fetch('/api/assessments/' + encodeURIComponent(assessment) + '/standing', { credentials: 'same-origin' })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (s) {
          if (s && s.gated) notice.hidden = String(s.needed) === root.getAttribute('data-needed');
        })
        .catch(function () {});
    }, 1500);
  }

  function schedule(item, delay) {
    var id = item.getAttribute('data-criterion');
    clearTimeout(timers[id]);
    timers[id] = setTimeout(function () { save(item); }, delay);
  }

  // Each section is a form of its own (its button saves it without script);
  // with script every answer saves itself and the forms never submit.
  var forms = document.querySelectorAll('.q-form');
  for (var f = 0; f < forms.length; f++) listen(forms[f]);

  function listen(form) {
    form.addEventListener('change', function (e) {
      var item = e.target.closest('.q-item');
      if (!item) return;
      if (e.target.classList.contains('q-na') && e.target.checked) {
        var inputs = item.querySelectorAll('.q-input input:not(.q-na)');
        for (var i = 0; i < inputs.length; i++) if (inputs[i].type !== 'number') inputs[i].checked = false; else inputs[i].value = '';
      } else if (!e.target.classList.contains('q-na') && e.target.closest('.q-input')) {
        var na = item.querySelector('.q-na');
        if (na) na.checked = false;
      }
      schedule(item, 0);
    });
    form.addEventListener('input', function (e) {
      var item = e.target.closest('.q-item');
      if (item && (e.target.tagName === 'TEXTAREA' || e.target.type === 'number')) schedule(item, 800);
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
  }
})();
