// Bảo quản: the chart of the last runs (Chart.js, served by the archive). The data is in the canvas's data-runs attribute:
// no inline script, which the Content-Security-Policy forbids.
'use strict';
(() => {
  const canvas = document.getElementById('job-chart');
  if (!canvas || !window.Chart) return;
  const runs = JSON.parse(canvas.dataset.runs);
  const jobs = [...new Set(runs.map(r => r.job))];
  const colours = ['#0d6efd', '#198754', '#6c757d'];
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: runs.map(r => r.at),
      datasets: jobs.map((job, i) => ({
        label: job,
        data: runs.map(r => (r.job === job ? r.mb : null)),
        backgroundColor: colours[i % colours.length],
      })),
    },
    options: { animation: false, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { beginAtZero: true } } },
  });
})();
