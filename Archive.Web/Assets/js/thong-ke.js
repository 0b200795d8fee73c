// Thống kê: the figures by month as a chart (Chart.js, served by the archive); the data is in the canvas's data-months attribute.
'use strict';
(() => {
  const canvas = document.getElementById('stats-chart');
  if (!canvas || !window.Chart) return;
  const months = JSON.parse(canvas.dataset.months);
  const series = [['sent', 'Đã gửi', '#0d6efd'], ['received', 'Đã nhận', '#198754'], ['onTime', 'Xử lý đúng hạn', '#6c757d'],
    ['overdue', 'Quá hạn', '#dc3545']];
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: months.map(m => m.month),
      datasets: series.map(([key, label, colour]) => ({ label, data: months.map(m => m[key]), backgroundColor: colour })),
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
  });
  canvas.dataset.rendered = 'true';
})();
