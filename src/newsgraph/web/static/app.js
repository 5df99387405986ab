// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // An entity highlighted in the article text opens its entity page when clicked.
  document.addEventListener("click", function (event) {
    var mark = event.target.closest ? event.target.closest("mark.ent[data-href]") : null;
    if (mark && !event.defaultPrevented) {
      window.location.href = mark.getAttribute("data-href");
    }
  });
})();
