// claimdiff's page, made smoother: a box added in place, files read into the boxes, the report
// frame sized to the report. Without this script the page works as well (the form posts into
// the frame, "Add a text" reloads the page with one more box). No framework, nothing fetched.
(function () {
  'use strict';
  var list = document.getElementById('versions');
  var form = document.getElementById('texts');
  var addLink = document.getElementById('add-link');
  var addButton = document.getElementById('add-text');
  var status = document.getElementById('status');
  var frame = document.getElementById('report');
  var max = Number(list.getAttribute('data-max')) || 32;

  function boxes() { return list.querySelectorAll('fieldset.text'); }

  // Box n's legend, label and textarea id follow its place.
  function renumber() {
    boxes().forEach(function (box, i) {
      var n = i + 1;
      box.querySelector('legend').textContent = 'Text ' + n;
      var label = box.querySelector('label[for]');
      label.setAttribute('for', 'text-' + n);
      label.textContent = 'Text ' + n + ': paste it here, or drop a file on the box';
      box.querySelector('textarea').id = 'text-' + n;
    });
  }

  function read(file, box) {
    if (!file) { return; }
    file.text().then(function (text) {
      box.querySelector('textarea').value = text;
      box.querySelector('input[name="name"]').value = file.name;
      status.textContent = 'Read ' + file.name + ' into ' + box.querySelector('legend').textContent + '.';
    }, function () {
      status.textContent = 'Could not read ' + file.name + '.';
    });
  }

  function enhance(box) {
    var area = box.querySelector('textarea');
    var picker = box.querySelector('input[type="file"]');
    picker.parentNode.hidden = false;
    picker.addEventListener('change', function () { read(picker.files[0], box); });
    area.addEventListener('input', function () { box.querySelector('input[name="name"]').value = ''; });
    area.addEventListener('dragover', function (e) { e.preventDefault(); area.classList.add('dropping'); });
    area.addEventListener('dragleave', function () { area.classList.remove('dropping'); });
    area.addEventListener('drop', function (e) {
      area.classList.remove('dropping');
      if (e.dataTransfer && e.dataTransfer.files.length) {
        e.preventDefault();
        read(e.dataTransfer.files[0], box);
      }
    });
  }

  boxes().forEach(enhance);
  if (addLink) {
    addLink.hidden = true;
    addButton.hidden = false;
  }
  addButton.addEventListener('click', function () {
    var all = boxes();
    var copy = all[all.length - 1].cloneNode(true);
    copy.querySelector('textarea').value = '';
    copy.querySelectorAll('input').forEach(function (input) { input.value = ''; });
    copy.querySelector('select').selectedIndex = 0;
    list.appendChild(copy);
    renumber();
    enhance(copy);
    copy.querySelector('textarea').focus();
    status.textContent = 'Added ' + copy.querySelector('legend').textContent + '.';
    if (boxes().length >= max) { addButton.disabled = true; }
  });

  form.addEventListener('submit', function () {
    frame.setAttribute('data-state', 'loading');
    status.textContent = 'Comparing the texts…';
  });
  frame.addEventListener('load', function () {
    if (frame.getAttribute('data-state') !== 'loading') { return; }
    frame.setAttribute('data-state', 'ready');
    var doc = frame.contentDocument;
    var failed = doc && doc.getElementById('error');
    status.textContent = failed ? 'No report: ' + failed.textContent : 'The report is ready below.';
    if (doc && doc.documentElement) {
      frame.style.height = Math.max(doc.documentElement.scrollHeight + 20, 300) + 'px';
    }
  });
})();
