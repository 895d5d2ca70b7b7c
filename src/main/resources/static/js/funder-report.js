/*
 * Draws the funder report's charts with Chart.js from the figures the page carries in data attributes
 * (no inline script: the CSP forbids it). Every figure is also in the tables beside each chart.
 */
(function () {
  'use strict';

  var status = document.getElementById('chart-status');
  if (!status) { return; }
  if (!window.Chart) { status.textContent = status.dataset.msgFailed; return; }
  var palette = ['#1f5f8b', '#1e6b22', '#a4262c', '#7a4f00', '#4a2a7a', '#00676b', '#5c5c5c', '#8a3b12'];
  var drawn = 0;

  function split(text) { return text ? text.split('|') : []; }

  Array.prototype.forEach.call(document.querySelectorAll('#chart-data [data-chart]'), function (data) {
    var canvas = document.getElementById(data.dataset.chart);
    var values = split(data.dataset.values).map(Number);
    if (!canvas || !values.length) { if (canvas) { canvas.hidden = true; } return; }
    var pie = data.dataset.type === 'doughnut';
    new window.Chart(canvas, {
      type: data.dataset.type,
      data: { labels: split(data.dataset.labels), datasets: [{ label: data.dataset.title, data: values,
        backgroundColor: pie ? palette : palette[0] }] },
      options: { animation: false, plugins: { legend: { display: pie } },
        scales: pie ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    drawn++;
  });

  var outcomes = document.getElementById('chart-outcomes');
  if (outcomes) {
    new window.Chart(outcomes, {
      type: 'bar',
      data: { labels: split(outcomes.dataset.labels), datasets: [
        { label: outcomes.dataset.labelAssessed, data: split(outcomes.dataset.assessed).map(Number), backgroundColor: palette[3] },
        { label: outcomes.dataset.labelClosing, data: split(outcomes.dataset.closing).map(Number), backgroundColor: palette[1] }] },
      options: { animation: false, scales: { y: { beginAtZero: true, max: 5 } } }
    });
    drawn++;
  }
  document.querySelector('.funder-report').setAttribute('data-charts', String(drawn));
}());
