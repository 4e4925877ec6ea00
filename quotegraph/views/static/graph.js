/* quotegraph graph view: draws the JSON payload of #qg-data with vis-network.
 * Every piece of corpus text reaches the page through textContent or canvas text,
 * never through innerHTML, so article text cannot inject markup or script. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("qg-data").textContent);
  var status = document.getElementById("qg-status");
  var details = document.getElementById("qg-details");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function safeUrl(value) {
    try {
      var u = new URL(String(value));
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (err) {
      return null;
    }
  }

  function sentence(text, quote) {
    var box = el("blockquote", "qg-sentence");
    var at = quote ? text.indexOf(quote) : -1;
    if (at < 0) {
      box.textContent = text;
      return box;
    }
    box.appendChild(document.createTextNode(text.slice(0, at)));
    box.appendChild(el("mark", null, quote));
    box.appendChild(document.createTextNode(text.slice(at + quote.length)));
    return box;
  }

  /* An element describing a node or edge: its kind, then field rows. */
  function describe(item, withLink) {
    var info = item.qg || {};
    var box = el("div", "qg-tip");
    box.appendChild(el("div", "qg-tip-kind", info.kind || ""));
    var quoteText = null;
    var rows = el("dl", "qg-tip-rows");
    (info.fields || []).forEach(function (pair) {
      var key = pair[0], value = pair[1];
      if (key === "text") {
        quoteText = value;
        box.appendChild(el("blockquote", "qg-quote", value));
      } else if (key === "sentence") {
        box.appendChild(el("div", "qg-tip-key", "in the sentence"));
        box.appendChild(sentence(value, quoteText));
      } else {
        rows.appendChild(el("dt", null, key));
        rows.appendChild(el("dd", null, value));
      }
    });
    box.appendChild(rows);
    var href = info.url ? safeUrl(info.url) : null;
    if (withLink && href) {
      var a = el("a", "qg-link", href);
      a.href = href;
      a.target = "_blank";
      a.rel = "noopener noreferrer nofollow";
      box.appendChild(a);
    }
    return box;
  }

  data.nodes.forEach(function (n) { n.title = describe(n, false); });
  data.edges.forEach(function (e) { e.title = describe(e, false); });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("qg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var state = { network: network, nodes: nodes, edges: edges, stabilized: false, large: data.large };
  window.quotegraph = state;

  function settled() {
    if (state.stabilized) { return; }
    network.setOptions({ physics: { enabled: false } });
    state.stabilized = true;
    status.textContent = nodes.length + " nodes laid out";
  }
  network.on("stabilizationProgress", function (p) {
    status.textContent = "laying out " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", settled);
  network.once("stabilized", settled);
  if (nodes.length < 2) { settled(); }

  network.on("click", function (params) {
    while (details.firstChild) { details.removeChild(details.firstChild); }
    var id = params.nodes.length ? params.nodes[0] : null;
    var item = id !== null ? nodes.get(id) : null;
    if (!item && params.edges.length) { item = edges.get(params.edges[0]); }
    details.hidden = !item;
    if (item) { details.appendChild(describe(item, true)); }
  });

  var search = document.getElementById("qg-search");
  search.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var wanted = document.getElementById("qg-search-text").value.trim().toLowerCase();
    if (!wanted) { network.unselectAll(); network.fit(); return; }
    var hits = nodes.getIds({
      filter: function (n) {
        var hay = [n.label || ""].concat((n.qg && n.qg.fields || []).map(function (f) { return f[1]; }));
        return hay.join("\n").toLowerCase().indexOf(wanted) >= 0;
      }
    });
    network.selectNodes(hits);
    status.textContent = hits.length + " found";
    if (hits.length) { network.fit({ nodes: hits, animation: false }); }
  });
})();
