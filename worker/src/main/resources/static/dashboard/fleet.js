import { el, number } from './dom.js';

// Stacked bars: one bar per hardware model, one stack per reported version. The chart is kept
// and updated in place, so a refresh does not flicker or replay its animation.
let chart = null;

const PALETTE = ['#1f5fa8', '#e07b00', '#2e8540', '#8e44ad', '#b00020', '#00838f', '#6d4c41', '#546e7a'];

export function renderFleet(fleet) {
  document.getElementById('fleet-total').textContent = `(${number(fleet.devices)} devices)`;
  const models = [...new Set(fleet.cells.map((c) => c.hardwareModel))];
  const versions = [...new Set(fleet.cells.map((c) => c.version))];
  const count = new Map(fleet.cells.map((c) => [`${c.version}\u0000${c.hardwareModel}`, c.devices]));
  const datasets = versions.map((version, i) => ({
    label: version,
    data: models.map((model) => count.get(`${version}\u0000${model}`) || 0),
    backgroundColor: PALETTE[i % PALETTE.length],
  }));
  renderTable(models, versions, count);
  if (!window.Chart) {
    return; // the table above still shows the figures
  }
  if (chart) {
    chart.data.labels = models;
    chart.data.datasets = datasets;
    chart.update('none');
    return;
  }
  chart = new window.Chart(document.getElementById('fleet-chart'), {
    type: 'bar',
    data: { labels: models, datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, title: { display: true, text: 'hardware model' } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: 'devices' } },
      },
      plugins: { legend: { position: 'right', title: { display: true, text: 'version' } } },
    },
  });
}

function renderTable(models, versions, count) {
  const table = document.getElementById('fleet-table');
  const caption = table.querySelector('caption');
  table.replaceChildren(
    caption,
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'version'),
      models.map((m) => el('th', { scope: 'col' }, m)))),
    el('tbody', {}, versions.map((v) => el('tr', {}, el('th', { scope: 'row' }, v),
      models.map((m) => el('td', {}, number(count.get(`${v}\u0000${m}`) || 0)))))),
  );
}
