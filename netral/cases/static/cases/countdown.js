// Deadlines as the reader's browser sees them: the due moment in the browser's own time zone and a
// countdown that keeps running. The server already rendered the region's time, the reader's institution
// time and a countdown (what shows without JavaScript); this only adds to it. Words come from data-*
// attributes of the table (translated by the server).
(function () {
  "use strict";
  var table = document.querySelector("[data-countdown-words]");
  if (!table) { return; }
  var words = table.dataset;
  var lang = document.documentElement.lang || "id";
  var format = new Intl.DateTimeFormat(lang, {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
    hour12: false, timeZoneName: "short"
  });

  function unit(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function span(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var mins = minutes % 60;
    var parts = [];
    if (days) { parts.push(unit(days, words.day, words.days)); }
    if (hours) { parts.push(unit(hours, words.hour, words.hours)); }
    if (!days && (mins || !hours)) { parts.push(unit(mins, words.minute, words.minutes)); }
    var text = parts.join(" ");
    return ms >= 0 ? words.left.replace("%s", text) : words.overdue.replace("%s", text);
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (cell) {
      var ms = Date.parse(cell.dataset.due) - now;
      cell.textContent = span(ms);
      cell.classList.toggle("overdue-text", ms < 0);
    });
  }

  document.querySelectorAll("[data-local-time]").forEach(function (cell) {
    cell.textContent = format.format(new Date(cell.dataset.localTime));
  });
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll("[data-browser-zone]").forEach(function (cell) { cell.textContent = zone; });
  tick();
  window.setInterval(tick, 30000);
})();
