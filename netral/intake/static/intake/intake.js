/* intake: small enhancements of the report, finding and status pages. Everything works without
   this file; with it: the identity block follows the anonymous choice, a province picker filters
   the regency/city list, "add another" adds a person block in place, the reporting window and the
   checklist update on every change, chosen files are listed, and the receipt can be printed. */
(function () {
  "use strict";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* --- named or anonymous ------------------------------------------------------------------- */
  function setupAnonymous(form) {
    var block = form.querySelector("#reporter-fields");
    var radios = form.querySelectorAll('input[name="anonymous"]');
    if (!block || !radios.length) { return; }
    function sync() {
      var anonymous = form.querySelector('input[name="anonymous"][value="1"]:checked') !== null;
      block.disabled = anonymous;
      block.hidden = anonymous;
    }
    each(radios, function (radio) { radio.addEventListener("change", sync); });
    sync();
  }

  /* --- province -> regency/city ------------------------------------------------------------- */
  function setupRegionPicker(form) {
    var wrap = form.querySelector(".region-picker");
    var select = wrap && wrap.querySelector("select");
    if (!select) { return; }
    var groups = select.querySelectorAll("optgroup");
    if (groups.length < 2) { return; }
    var provinces = [];
    each(groups, function (group) {
      var options = [];
      each(group.querySelectorAll("option"), function (o) { options.push(o.cloneNode(true)); });
      provinces.push({ label: group.label, options: options });
    });
    var chosen = select.value;
    var field = document.createElement("div");
    field.className = "field";
    var label = document.createElement("label");
    label.htmlFor = "id_province";
    label.textContent = wrap.getAttribute("data-province-label");
    var picker = document.createElement("select");
    picker.id = "id_province";
    var blank = document.createElement("option");
    blank.value = "";
    blank.textContent = wrap.getAttribute("data-choose-label");
    picker.appendChild(blank);
    var selectedProvince = "";
    provinces.forEach(function (province, index) {
      var option = document.createElement("option");
      option.value = String(index);
      option.textContent = province.label;
      province.options.forEach(function (o) { if (o.value === chosen) { selectedProvince = String(index); } });
      picker.appendChild(option);
    });
    field.appendChild(label);
    field.appendChild(picker);
    wrap.insertBefore(field, wrap.firstChild);

    function fill(keep) {
      var placeholder = select.querySelector('option[value=""]');
      placeholder = placeholder ? placeholder.cloneNode(true) : null;
      while (select.firstChild) { select.removeChild(select.firstChild); }
      if (placeholder) { select.appendChild(placeholder); }
      if (picker.value === "") { select.value = ""; return; }
      provinces[Number(picker.value)].options.forEach(function (o) {
        var copy = o.cloneNode(true);
        copy.selected = copy.value === keep;
        select.appendChild(copy);
      });
      if (keep) { select.value = keep; } else if (placeholder) { select.value = ""; }
    }
    picker.value = selectedProvince;
    fill(chosen);
    picker.addEventListener("change", function () {
      fill("");
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  /* --- reported persons: add another / remove ---------------------------------------------- */
  function setupPersons(form) {
    var list = form.querySelector("#reported-list");
    var template = form.querySelector("#reported-template");
    var add = form.querySelector("#add-person");
    if (!list || !template || !add) { return; }
    var prefix = list.getAttribute("data-prefix");
    var max = Number(list.getAttribute("data-max")) || 50;
    var total = form.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var pattern = new RegExp(prefix + "-(\\d+|__prefix__)-", "g");

    function renumber() {
      var persons = list.querySelectorAll(".person");
      each(persons, function (person, index) {
        person.id = "person-" + (index + 1);
        var number = person.querySelector(".person-number");
        if (number) { number.textContent = String(index + 1); }
        each(person.querySelectorAll("[name],[id],[for],[aria-describedby]"), function (el) {
          ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
            var value = el.getAttribute(attr);
            if (value) { el.setAttribute(attr, value.replace(pattern, prefix + "-" + index + "-")); }
          });
        });
        var remove = person.querySelector(".remove-person");
        if (remove) { remove.hidden = persons.length < 2; }
      });
      total.value = String(persons.length);
      add.hidden = persons.length >= max;
    }

    list.addEventListener("click", function (event) {
      var button = event.target.closest(".remove-person");
      if (!button) { return; }
      var person = button.closest(".person");
      var previous = person.previousElementSibling || person.nextElementSibling;
      person.parentNode.removeChild(person);
      renumber();
      if (previous) { previous.focus(); }
      form.dispatchEvent(new Event("change"));
    });
    add.addEventListener("click", function (event) {
      event.preventDefault();
      var index = list.querySelectorAll(".person").length;
      if (index >= max) { return; }
      var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
      var holder = document.createElement("div");
      holder.innerHTML = html.trim();
      var person = holder.firstElementChild;
      list.appendChild(person);
      renumber();
      var first = person.querySelector("input");
      (first || person).focus();
    });
    renumber();
  }

  /* --- chosen files ---------------------------------------------------------------------------- */
  var LIMITS = { image: 10, application: 20, video: 100 }; // MB, as evidence.MAX_BYTES

  function setupFiles(root) {
    each(root.querySelectorAll(".file-field"), function (wrap) {
      var input = wrap.querySelector('input[type="file"]');
      var out = wrap.querySelector(".file-list");
      if (!input || !out) { return; }
      input.addEventListener("change", function () {
        out.textContent = "";
        each(input.files, function (file) {
          var item = document.createElement("li");
          var mb = file.size / (1024 * 1024);
          var limit = LIMITS[(file.type || "").split("/")[0]];
          item.textContent = file.name + " (" + (mb < 0.1 ? "< 0,1" : mb.toFixed(1).replace(".", ",")) + " MB)";
          if (limit && mb > limit) {
            item.className = "too-large";
            item.textContent += " — " + out.getAttribute("data-too-large").replace("%(limit)s", String(limit));
          }
          out.appendChild(item);
        });
      });
    });
  }

  /* --- live check: reporting window and checklist ----------------------------------------- */
  function setupLiveCheck(form) {
    var url = form.getAttribute("data-check-url");
    var panel = form.querySelector("#check-panel");
    if (!url || !panel || !window.fetch || !window.FormData) { return; }
    var timer = null;
    var sequence = 0;

    function send(full) {
      var data = new FormData(form);
      var files = form.querySelector('input[type="file"][name="evidence"]');
      data.delete("evidence");
      data.delete("action");
      data.set("evidence_count", String(files && files.files ? files.files.length : 0));
      if (full) { data.set("full", "1"); }
      var mine = ++sequence;
      return fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (result) {
          if (result && mine === sequence) { panel.innerHTML = result.html; }
          return Boolean(result);
        })
        .catch(function () { return false; });
    }

    form.addEventListener("change", function (event) {
      if (event.target && event.target.id === "id_province") { return; }
      clearTimeout(timer);
      timer = setTimeout(function () { send(false); }, 300);
    });
    // "Periksa" (and Enter in a text box, whose default button is the check) runs the full check
    // in place, so chosen files stay chosen; without SubmitEvent.submitter the form posts as usual.
    form.addEventListener("submit", function (event) {
      if (!event.submitter || event.submitter.value !== "check") { return; }
      event.preventDefault();
      clearTimeout(timer);
      send(true).then(function (done) {
        if (!done) { // the check request failed: fall back to the plain form post
          var action = document.createElement("input");
          action.type = "hidden";
          action.name = "action";
          action.value = "check";
          form.appendChild(action);
          form.submit();
          return;
        }
        var summary = panel.querySelector(".error-summary");
        var target = summary || form.querySelector("#periksa");
        if (target) { target.setAttribute("tabindex", "-1"); target.focus(); }
      });
    });
  }

  /* --- receipt and errors ---------------------------------------------------------------------- */
  function setupPage() {
    each(document.querySelectorAll(".js-print"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    var summary = document.querySelector("main > .error-summary, main .error-summary#error-summary");
    if (summary) { summary.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    each(document.querySelectorAll("form.report-form"), function (form) {
      setupAnonymous(form);
      setupRegionPicker(form);
      setupPersons(form);
      setupLiveCheck(form);
    });
    setupFiles(document);
    setupPage();
  });
})();
