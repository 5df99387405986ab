// The entity page's graph of co-occurring entities, drawn with the vendored Cytoscape.js.
(function () {
  "use strict";
  var box = document.getElementById("cograph");
  var dataNode = document.getElementById("graph-data");
  if (!box || !dataNode || typeof cytoscape !== "function") { return; }
  var graph = JSON.parse(dataNode.textContent);
  if (graph.nodes.length < 2) { box.style.display = "none"; return; }
  var colours = { person: "#f2b632", org: "#4a90d9", gpe: "#3aa35b", loc: "#2a9d8f", norp: "#c25ea6" };
  var cy = cytoscape({
    container: box,
    elements: graph.nodes.concat(graph.edges),
    // The entity in the middle, the others around it, the most-shared ones closest.
    layout: {
      name: "concentric", animate: false, padding: 30, minNodeSpacing: 40,
      concentric: function (n) { return n.hasClass("centre") ? 1000 : n.data("weight"); },
      levelWidth: function () { return 1; }
    },
    minZoom: 0.3,
    maxZoom: 1.6,
    style: [
      { selector: "node", style: {
          "label": "data(label)", "font-size": 11, "color": "#1d2430",
          "text-outline-color": "#fbfcfe", "text-outline-width": 2, "min-zoomed-font-size": 6,
          "text-valign": "bottom", "text-margin-y": 3,
          "background-color": function (n) { return colours[n.data("type")] || "#8c7ae6"; },
          "width": "mapData(weight, 1, 20, 14, 40)", "height": "mapData(weight, 1, 20, 14, 40)" } },
      { selector: "node.centre", style: { "background-color": "#142038", "font-weight": "bold", "font-size": 12 } },
      { selector: "edge", style: {
          "line-color": "#b8c2d3", "curve-style": "haystack",
          "width": "mapData(weight, 1, 20, 1, 6)" } }
    ]
  });
  cy.on("tap", "node", function (event) {
    var href = event.target.data("href");
    if (href && !event.target.hasClass("centre")) { window.location.href = href; }
  });
  box.setAttribute("data-ready", "true");
})();
