/* The map: a tile grid of the 38 provinces (no boundary files needed) or the loaded polygons, coloured by
   the chosen metric; clicking a province opens its regencies/cities. The table under the map is the
   accessible alternative with the same numbers. */
(function () {
  "use strict";
  if (typeof echarts === "undefined") { return; }
  var node = document.getElementById("map");
  var dataNode = document.getElementById("data-map");
  if (!node || !dataNode) { return; }
  var data = JSON.parse(dataNode.textContent);
  var select = document.getElementById("map-metric");
  var metric = node.getAttribute("data-metric") || "cases";
  var instance = echarts.init(node, null, { renderer: "svg" });
  var PALETTE = ["#f4f6f9", "#f3d9c4", "#e5a77f", "#c8664a", "#8a1c1c"];

  function params(extra) {
    var query = new URLSearchParams(window.location.search);
    Object.keys(extra).forEach(function (key) { if (extra[key]) { query.set(key, extra[key]); } else { query.delete(key); } });
    return query.toString();
  }

  function visual() {
    return {
      min: 0, max: Math.max(data.max[metric] || 0, 1), calculable: true, orient: "horizontal",
      left: "center", bottom: 5, text: [String(data.max[metric] || 0), "0"],
      inRange: { color: PALETTE }, dimension: data.polygons ? undefined : 2
    };
  }

  function openRegion(region) {
    if (data.level === "province") {
      window.location.href = node.getAttribute("data-page-url") + "?" + params({ province: region.code, metric: metric });
    } else if (region.urls && region.urls[metric]) {
      window.location.href = region.urls[metric];
    }
  }

  function drawTiles() {
    var rows = 0, cols = 0;
    data.regions.forEach(function (r) { rows = Math.max(rows, r.row + 1); cols = Math.max(cols, r.col + 1); });
    instance.setOption({
      animation: false,
      title: { text: data.labels[metric], left: "center", textStyle: { fontSize: 14 } },
      tooltip: { formatter: function (p) { var r = data.regions[p.dataIndex]; return r.name + ": " + r.values[metric]; } },
      grid: { left: 10, right: 10, top: 40, bottom: 60 },
      xAxis: { type: "category", data: Array.from({ length: cols }, function (_, i) { return i; }), show: false },
      yAxis: { type: "category", data: Array.from({ length: rows }, function (_, i) { return i; }), show: false, inverse: true },
      visualMap: visual(),
      series: [{
        type: "heatmap",
        data: data.regions.map(function (r) { return [r.col, r.row, r.values[metric]]; }),
        label: { show: true, formatter: function (p) { var r = data.regions[p.dataIndex]; return r.abbr + "\n" + r.values[metric]; }, fontSize: 10 },
        itemStyle: { borderColor: "#ffffff", borderWidth: 3 }
      }]
    }, true);
  }

  function drawBars() {
    var regions = data.regions.slice().sort(function (a, b) { return b.values[metric] - a.values[metric]; });
    instance.setOption({
      animation: false,
      title: { text: data.labels[metric], left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 180, right: 40, top: 40, bottom: 20 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: regions.map(function (r) { return r.name; }) },
      series: [{ type: "bar", data: regions.map(function (r) { return r.values[metric]; }), itemStyle: { color: "#2f6f73" }, label: { show: true, position: "right" } }]
    }, true);
    instance.off("click");
    instance.on("click", function (p) { openRegion(regions[p.dataIndex]); });
  }

  function drawPolygons(geo) {
    var name = "netral-" + data.level + "-" + (data.province || "all");
    echarts.registerMap(name, geo);
    instance.setOption({
      animation: false,
      title: { text: data.labels[metric], left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "item", formatter: function (p) { return p.name + ": " + (p.value || 0); } },
      visualMap: visual(),
      series: [{
        type: "map", map: name, nameProperty: "code", roam: true,
        data: data.regions.map(function (r) { return { name: r.code, value: r.values[metric] }; }),
        label: { show: false }
      }]
    }, true);
  }

  function draw() {
    instance.off("click");
    if (data.polygons) {
      var url = node.getAttribute("data-geo-url") + "?" + new URLSearchParams({ level: data.level, province: data.province || "" });
      fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(drawPolygons);
      instance.on("click", function (p) {
        var region = data.regions.filter(function (r) { return r.code === p.name; })[0];
        if (region) { openRegion(region); }
      });
    } else if (data.level === "province") {
      drawTiles();
      instance.on("click", function (p) { openRegion(data.regions[p.dataIndex]); });
    } else {
      drawBars();
    }
    node.setAttribute("data-rendered", "true");
    node.setAttribute("data-metric", metric);
    var headings = document.querySelectorAll("#table-map thead th");
    data.metrics.forEach(function (key, index) {
      var cell = headings[index + 1];
      if (cell) { cell.classList.toggle("current-metric", key === metric); }
    });
    var legend = document.getElementById("map-legend");
    if (legend) {
      legend.textContent = data.labels[metric] + ": 0 – " + (data.max[metric] || 0);
    }
  }

  if (select) {
    select.addEventListener("change", function () {
      metric = select.value;
      history.replaceState(null, "", "?" + params({ metric: metric }));
      draw();
    });
  }
  window.addEventListener("resize", function () { instance.resize(); });
  draw();
})();
