/*
 * Draws the team dashboard's charts with Chart.js from the figures the page carries as JSON in data
 * attributes (no inline script: the CSP forbids it). Every figure is also in the tables beside each
 * chart, and each series has a pattern-free label, so nothing is said by colour alone.
 */
(function () {
  'use strict';

  var status = document.getElementById('chart-status');
  var page = document.querySelector('.team-dashboard');
  if (!status || !page) { return; }
  if (!window.Chart) { status.textContent = status.dataset.msgFailed; return; }
  var palette = ['#1f5f8b', '#a4262c', '#7a4f00', '#1e6b22', '#4a2a7a', '#00676b', '#5c5c5c', '#8a3b12'];
  var drawn = 0;

  Array.prototype.forEach.call(document.querySelectorAll('#chart-data [data-chart]'), function (data) {
    var canvas = document.getElementById(data.dataset.chart);
    if (!canvas) { return; }
    var figures = JSON.parse(data.dataset.figures);
    var pie = data.dataset.type === 'doughnut';
    var empty = figures.series.every(function (s) { return s.values.every(function (v) { return !v; }); });
    if (!figures.labels.length || empty) { canvas.hidden = true; return; }
    new window.Chart(canvas, {
      type: data.dataset.type,
      data: { labels: figures.labels, datasets: figures.series.map(function (series, i) {
        return { label: series.label, data: series.values, backgroundColor: pie ? palette : palette[i % palette.length] };
      }) },
      options: { animation: false, plugins: { legend: { display: pie || figures.series.length > 1 } },
        scales: pie ? {} : { x: { stacked: figures.stacked }, y: { stacked: figures.stacked, beginAtZero: true, ticks: { precision: 0 } } } }
    });
    drawn++;
  });
  page.setAttribute('data-charts', String(drawn));
}());
