// The entity page's graph of co-occurring entities, drawn with the vendored Cytoscape.js.
// Nodes are labelled with names and sized by the stories they share with the entity; edges are
// as wide as their shared stories; the slider hides links under a minimum weight (the same rule
// as /api/entities/ID/graph?min_weight=N: a neighbour goes with its link to the entity).
(function () {
  "use strict";
  var box = document.getElementById("cograph");
  var dataNode = document.getElementById("graph-data");
  if (!box || !dataNode || typeof cytoscape !== "function") { return; }
  var graph = JSON.parse(dataNode.textContent);
  if (graph.nodes.length < 2) { box.style.display = "none"; return; }
  var colours = { person: "#f2b632", org: "#4a90d9", gpe: "#3aa35b", loc: "#2a9d8f", norp: "#c25ea6" };
  var most = 1;
  graph.edges.forEach(function (e) { most = Math.max(most, e.data.weight); });
  var LABEL_PX = 12; // labels keep this size on screen whatever the zoom, so a 400 px graph reads
  function size(n) {
    var w = n.hasClass("centre") ? most : Math.min(n.data("weight"), most);
    return 14 + 26 * (most > 1 ? (w - 1) / (most - 1) : 1);
  }
  function edgeWidth(e) { return 1 + 7 * (most > 1 ? (e.data("weight") - 1) / (most - 1) : 0); }
  // The entity in the middle, the others around it, the most-shared ones closest.
  var layout = {
    name: "concentric", animate: false, fit: false, minNodeSpacing: 50, avoidOverlap: true,
    concentric: function (n) { return n.hasClass("centre") ? 1000 : n.data("weight"); },
    levelWidth: function () { return 1; }
  };
  var cy = cytoscape({
    container: box,
    elements: graph.nodes.concat(graph.edges),
    layout: layout,
    minZoom: 0.3,
    maxZoom: 1.6,
    style: [
      { selector: "node", style: {
          "label": "data(label)", "font-size": LABEL_PX, "color": "#1d2430",
          "text-outline-color": "#fbfcfe", "text-outline-width": 2,
          "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": 110,
          "background-color": function (n) { return colours[n.data("type")] || "#8c7ae6"; },
          "width": size, "height": size } },
      { selector: "node.centre", style: { "background-color": "#142038", "font-weight": "bold" } },
      { selector: "edge", style: {
          "line-color": "#b8c2d3", "curve-style": "haystack", "width": edgeWidth } },
      { selector: ".below", style: { "display": "none" } }
    ]
  });
  // Labels keep LABEL_PX on screen at any zoom, so a 400 px box reads: the graph is fitted by
  // its nodes alone, leaving a margin at the sides for the labels of the outer ones.
  function keepLabelsReadable() {
    var f = LABEL_PX / cy.zoom();
    cy.style().selector("node").style({ "font-size": f, "text-max-width": 9 * f }).update();
  }
  function fitNodes() {
    var bb = cy.nodes().boundingBox({ includeLabels: false });
    var w = cy.width(), h = cy.height();
    var z = Math.min((w - 120) / Math.max(bb.w, 1), (h - 50) / Math.max(bb.h, 1), 1.6);
    cy.zoom(z);
    cy.pan({ x: w / 2 - z * (bb.x1 + bb.w / 2), y: (h - 20) / 2 - z * (bb.y1 + bb.h / 2) });
  }
  fitNodes();
  keepLabelsReadable();
  cy.on("zoom", keepLabelsReadable);
  var centre = cy.nodes(".centre");
  function applyMinWeight(min) {
    cy.elements().removeClass("below");
    cy.edges().filter(function (e) { return e.data("weight") < min; }).addClass("below");
    cy.nodes().not(centre).forEach(function (n) {
      var link = n.edgesWith(centre);
      if (link.empty() || link.hasClass("below")) {
        n.addClass("below");
        n.connectedEdges().addClass("below");
      }
    });
    box.setAttribute("data-min-weight", String(min));
  }
  var slider = document.getElementById("min-weight");
  if (slider) {
    slider.addEventListener("input", function () {
      var min = parseInt(slider.value, 10) || 1;
      document.getElementById("min-weight-value").textContent = String(min);
      document.getElementById("min-weight-unit").textContent = min === 1 ? "y" : "ies";
      applyMinWeight(min);
    });
  }
  cy.on("tap", "node", function (event) {
    var href = event.target.data("href");
    if (href && !event.target.hasClass("centre")) { window.location.href = href; }
  });
  window.newsgraphGraph = cy; // for the browser test and the console
  box.setAttribute("data-ready", "true");
})();
