// The register-narrowing form: fills an agency or region input's list with the entries matching what
// has been typed (GET data-options?q=..., JSON {"options": ["code — name", ...]}). Without this script
// the inputs still take a code, a "code — name" entry or a name, which the server resolves.
(function () {
  "use strict";
  var DELAY_MS = 200;
  document.querySelectorAll("input[data-options]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var asked = "";
    if (!list) return;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var query = input.value.trim();
        if (query.length < 2 || query === asked) return;
        asked = query;
        fetch(input.dataset.options + "?q=" + encodeURIComponent(query), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) { return response.ok ? response.json() : { options: [] }; })
          .then(function (data) {
            if (asked !== query) return; // a newer request is on its way
            list.replaceChildren.apply(list, data.options.map(function (text) {
              var option = document.createElement("option");
              option.value = text;
              return option;
            }));
          })
          .catch(function () { /* the list stays as it was; typing a code or a name still works */ });
      }, DELAY_MS);
    });
  });
})();
