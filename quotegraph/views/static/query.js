/* quotegraph query page: runs the query against /sparql and shows the answer with textContent. */
(function () {
  "use strict";
  var examples = JSON.parse(document.getElementById("qg-examples").textContent);
  var select = document.getElementById("examples");
  var box = document.getElementById("query");
  var about = document.getElementById("about");
  var status = document.getElementById("status");
  var error = document.getElementById("error");
  var results = document.getElementById("results");

  examples.forEach(function (ex, i) {
    var opt = document.createElement("option");
    opt.value = String(i);
    opt.textContent = ex.name;
    select.appendChild(opt);
  });
  select.addEventListener("change", function () {
    var ex = examples[Number(select.value)];
    if (ex) { box.value = ex.query; about.textContent = ex.about; }
  });

  function cell(tag, text) {
    var c = document.createElement(tag);
    c.textContent = text;
    return c;
  }

  function term(t) {
    if (!t) { return ""; }
    if (t.type === "literal") {
      return t.value + (t["xml:lang"] ? "@" + t["xml:lang"] : "");
    }
    if (t.type === "bnode") { return "_:" + t.value; }
    if (t.type === "triple") { return "<< " + term(t.value.subject) + " " + term(t.value.predicate) + " " + term(t.value.object) + " >>"; }
    return t.value;
  }

  function table(data) {
    var t = document.createElement("table");
    var head = document.createElement("tr");
    var vars = (data.head && data.head.vars) || [];
    vars.forEach(function (v) { head.appendChild(cell("th", v)); });
    t.appendChild(head);
    data.results.bindings.forEach(function (row) {
      var tr = document.createElement("tr");
      vars.forEach(function (v) { tr.appendChild(cell("td", term(row[v]))); });
      t.appendChild(tr);
    });
    return t;
  }

  document.getElementById("form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    error.textContent = "";
    while (results.firstChild) { results.removeChild(results.firstChild); }
    status.textContent = "running…";
    var started = Date.now();
    fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
      body: box.value
    }).then(function (resp) {
      var type = resp.headers.get("Content-Type") || "";
      return resp.text().then(function (text) { return { ok: resp.ok, status: resp.status, type: type, text: text }; });
    }).then(function (r) {
      var secs = ((Date.now() - started) / 1000).toFixed(2) + " s";
      if (!r.ok) { status.textContent = "error " + r.status; error.textContent = r.text; return; }
      if (r.type.indexOf("json") >= 0) {
        var data = JSON.parse(r.text);
        if (typeof data.boolean === "boolean") {
          results.appendChild(cell("p", "answer: " + data.boolean));
          status.textContent = secs;
        } else {
          results.appendChild(table(data));
          status.textContent = data.results.bindings.length + " rows, " + secs;
        }
      } else {
        results.appendChild(cell("pre", r.text));
        status.textContent = secs;
      }
    }).catch(function (e) { status.textContent = "failed"; error.textContent = String(e); });
  });
})();
