/* Dashboard charts (ECharts, SVG renderer). The data is in the page (json_script), the same numbers as the
   tables; clicking a bar or point opens the cases behind it. Without ECharts this file is not loaded. */
(function () {
  "use strict";
  if (typeof echarts === "undefined") { return; }
  var COLOURS = ["#2f6f73", "#8a1c1c", "#b7791f", "#3b5b92", "#6b4c9a", "#4a7c59", "#a15c38", "#5a6472"];

  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function chart(node, option, rows) {
    var instance = echarts.init(node, null, { renderer: "svg" });
    option.color = COLOURS;
    option.animation = false;
    instance.setOption(option);
    instance.on("click", function (params) {
      var row = rows && rows[params.dataIndex];
      if (row && row.url) { window.location.href = row.url; }
    });
    window.addEventListener("resize", function () { instance.resize(); });
    node.setAttribute("data-rendered", "true");
    return instance;
  }

  function bars(node, rows, horizontal) {
    var labels = rows.map(function (row) { return row.label; });
    var values = rows.map(function (row) { return row.count; });
    var category = { type: "category", data: labels, axisLabel: { width: 160, overflow: "truncate" } };
    var value = { type: "value", minInterval: 1 };
    chart(node, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: horizontal ? 170 : 40, right: 20, top: 10, bottom: horizontal ? 20 : 60, containLabel: false },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign(category, { inverse: true }) : value,
      series: [{ type: "bar", data: values, label: { show: true, position: horizontal ? "right" : "top" } }]
    }, rows);
  }

  var funnel = read("data-funnel");
  var funnelNode = document.getElementById("chart-funnel");
  if (funnel && funnelNode) { bars(funnelNode, funnel.main.concat(funnel.side), false); }

  var weekly = read("data-weekly");
  var weeklyNode = document.getElementById("chart-weekly");
  if (weekly && weeklyNode) {
    var lines = [], areas = [];
    weekly.stages.forEach(function (stage) {
      if (stage.code === "campaign") {
        areas.push([{ name: stage.name, xAxis: stage.start }, { xAxis: stage.end }]);
      } else {
        lines.push({ name: stage.name, xAxis: stage.start });
      }
    });
    var days = weekly.rows.map(function (row) { return row.monday; });
    weekly.stages.forEach(function (stage) { days.push(stage.start, stage.end); });
    days.sort();
    var WEEK = 7 * 24 * 3600 * 1000;
    chart(weeklyNode, {
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 30, top: 30, bottom: 30 },
      xAxis: days.length ? { type: "time", min: Date.parse(days[0]) - WEEK, max: Date.parse(days[days.length - 1]) + WEEK } : { type: "time" },
      yAxis: { type: "value", minInterval: 1 },
      series: [{
        type: "line", symbolSize: 6,
        data: weekly.rows.map(function (row) { return [row.monday, row.count]; }),
        markLine: { symbol: "none", label: { formatter: "{b}" }, lineStyle: { type: "dashed", color: "#8a1c1c" }, data: lines },
        markArea: { itemStyle: { color: "rgba(183,121,31,0.12)" }, label: { formatter: "{b}" }, data: areas }
      }]
    }, weekly.rows);
  }

  var breakdowns = read("data-breakdowns") || [];
  breakdowns.forEach(function (block) {
    var node = document.querySelector('[data-chart="breakdown"][data-dimension="' + block.dimension + '"]');
    if (node && block.rows.length) { bars(node, block.rows.slice(0, 12), true); }
  });
})();
