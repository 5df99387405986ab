// Corrections on an entity page: merge into another entity, or split one mention out.
// The API takes JSON and the server's token as a Bearer header, so the forms post through here.
(function () {
  "use strict";
  var box = document.getElementById("corrections");
  var tokenField = document.getElementById("correction-token");
  var status = document.getElementById("correction-status");
  if (!box || !tokenField || !status) { return; }
  var kbId = box.getAttribute("data-kb-id");
  var base = "/api/entities/" + encodeURIComponent(kbId);

  function say(text) { status.textContent = text; }

  function post(path, body) {
    var token = tokenField.value.trim();
    if (!token) {
      say("Give the server's token first.");
      tokenField.focus();
      return Promise.reject(new Error("no token"));
    }
    return fetch(base + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.detail || ("error " + response.status)); }
        return data;
      });
    });
  }

  function failed(error) {
    if (error.message !== "no token") { say("Not done: " + error.message); }
  }

  var mergeForm = document.getElementById("merge-form");
  if (mergeForm) {
    mergeForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var into = document.getElementById("merge-into").value.trim();
      say("Merging…");
      post("/merge", { into: into }).then(function (data) {
        say("Merged into " + data.entity.name + "; opening it.");
        window.location.href = "/entities/" + encodeURIComponent(data.entity.id);
      }, failed);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.split-link") : null;
    if (!button) { return; }
    var body = {
      article_id: button.getAttribute("data-article-id"),
      entity_id: button.getAttribute("data-entity-id")
    };
    say("Splitting…");
    post("/split", body).then(function (data) {
      var item = button.parentNode;
      button.remove();
      var link = document.createElement("a");
      link.href = "/entities/" + encodeURIComponent(data.entity.id);
      link.textContent = "now " + data.entity.id;
      item.appendChild(document.createTextNode(" — split out, "));
      item.appendChild(link);
      say(body.article_id + "/" + body.entity_id + " is now entity " + data.entity.id + ".");
    }, failed);
  });
})();
