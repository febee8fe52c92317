// Draw the page's charts (Vega-Lite specs in data-spec) and maps (points in data-points).
// Maps use no tile server: country outlines from a vendored GeoJSON on a plain background.
(function () {
  document.querySelectorAll(".chart[data-spec]").forEach(function (el) {
    var spec = JSON.parse(el.getAttribute("data-spec"));
    vegaEmbed(el, spec, { actions: false, renderer: "svg" }).catch(function (e) {
      el.textContent = "chart failed: " + e;
    });
  });
  document.querySelectorAll(".map[data-points]").forEach(function (el) {
    var points = JSON.parse(el.getAttribute("data-points"));
    var map = L.map(el, { worldCopyJump: true, attributionControl: false, zoomAnimation: false, fadeAnimation: false }).setView([20, 0], 1);
    fetch(el.getAttribute("data-world")).then(function (r) { return r.json(); }).then(function (world) {
      L.geoJSON(world, { style: { color: "#8aa", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } })
        .addTo(map).bringToBack();
    });
    var layer = L.featureGroup();
    points.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], { radius: 6, color: "#b5584a", fillOpacity: 0.8, className: "place-point" })
        .bindTooltip(p.name).addTo(layer);
    });
    layer.addTo(map);
    // no animation: the view is final when the page is (screenshots, tests)
    if (points.length === 1) { map.setView([points[0].lat, points[0].lon], 4, { animate: false }); }
    else if (points.length) { map.fitBounds(layer.getBounds().pad(0.5), { maxZoom: 5, animate: false }); }
  });
})();
