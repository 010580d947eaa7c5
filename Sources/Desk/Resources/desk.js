// The desk's only script: drag-and-drop and picked files are sent one per request, each with its
// progress, then the page asks what became of each file until the pipeline is done with it.
(function () {
  "use strict";
  var drop = document.getElementById("drop");
  if (!drop) return;
  var csrf = drop.getAttribute("data-csrf");
  var table = document.getElementById("uploads");
  var body = table.querySelector("tbody");
  var queue = [];
  var running = 0;
  var parallel = 3;

  function row(file) {
    var tr = document.createElement("tr");
    var name = document.createElement("td");
    name.textContent = file.name;
    var bar = document.createElement("td");
    var progress = document.createElement("progress");
    progress.max = 100;
    progress.value = 0;
    bar.appendChild(progress);
    var outcome = document.createElement("td");
    outcome.textContent = "ожидает передачи";
    tr.appendChild(name); tr.appendChild(bar); tr.appendChild(outcome);
    body.appendChild(tr);
    table.hidden = false;
    return { tr: tr, progress: progress, outcome: outcome, name: name };
  }

  function show(view, status) {
    view.outcome.className = "outcome-" + status.state;
    view.tr.setAttribute("data-state", status.state);
    view.outcome.textContent = status.message;
    if (status.link) {
      var a = document.createElement("a");
      a.href = status.link;
      a.textContent = view.name.textContent;
      view.name.textContent = "";
      view.name.appendChild(a);
    }
  }

  function poll(view, id) {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", "/upload/" + encodeURIComponent(id));
    xhr.onload = function () {
      var status;
      try { status = JSON.parse(xhr.responseText); } catch (e) { return; }
      if (status.state === "queued") {
        view.outcome.textContent = status.message;
        setTimeout(function () { poll(view, id); }, 400);
      } else {
        show(view, status);
      }
    };
    xhr.send();
  }

  function next() {
    while (running < parallel && queue.length > 0) {
      var item = queue.shift();
      running += 1;
      send(item.file, item.view);
    }
  }

  function send(file, view) {
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/upload");
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) view.progress.value = Math.round(100 * e.loaded / e.total);
    };
    xhr.onloadend = function () {
      running -= 1;
      view.progress.value = 100;
      var status;
      try { status = JSON.parse(xhr.responseText); } catch (e) {
        status = { state: "failed", message: "не передан: сервер не ответил (" + xhr.status + ")" };
      }
      if (xhr.status === 202 && status.id) { view.outcome.textContent = status.message; poll(view, status.id); }
      else show(view, status);
      next();
    };
    view.outcome.textContent = "передаётся";
    xhr.send(file);
  }

  function add(files) {
    for (var i = 0; i < files.length; i++) queue.push({ file: files[i], view: row(files[i]) });
    next();
  }

  drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    drop.classList.remove("over");
    add(e.dataTransfer.files);
  });
  var pick = document.getElementById("pick");
  pick.addEventListener("change", function () { add(pick.files); pick.value = ""; });
})();
