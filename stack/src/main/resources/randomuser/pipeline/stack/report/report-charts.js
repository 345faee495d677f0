// Draws each figure's chart from its own table, so a chart shows exactly the numbers printed beneath it.
// A table[data-chart] gives the chart type; its rows' th[scope=row] are the labels (data-chart-label, when
// present, is a shorter one); each column whose header has data-series is a dataset, read from data-value.
(() => {
  const palette = ['#0969da', '#bf3989', '#1a7f37', '#bc4c00', '#8250df', '#9a6700', '#cf222e', '#57606a'];
  for (const table of document.querySelectorAll('table[data-chart]')) {
    const type = table.dataset.chart;
    const headers = [...table.querySelectorAll('thead th')];
    const seriesColumns = headers.map((th, index) => ({th, index})).filter(({th}) => th.dataset.series);
    const rows = [...table.querySelectorAll('tbody tr')];
    const labels = rows.map((row) => {
      const th = row.querySelector('th[scope=row]');
      return th.dataset.chartLabel || th.textContent;
    });
    // A row marked chosen (the run the report is of) stands out in its series' chart.
    const colour = (n) => (rows.some((row) => row.classList.contains('chosen'))
      ? rows.map((row) => (row.classList.contains('chosen') ? palette[6] : palette[n % palette.length]))
      : palette[n % palette.length]);
    const datasets = seriesColumns.map(({th, index}, n) => ({
      label: th.dataset.series,
      data: rows.map((row) => Number(row.children[index].dataset.value)),
      backgroundColor: type === 'doughnut' ? labels.map((_, i) => palette[i % palette.length]) : colour(n),
    }));
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', table.caption ? table.caption.textContent : 'chart');
    const holder = document.createElement('div');
    holder.className = 'chart';
    holder.appendChild(canvas);
    table.closest('section').insertBefore(holder, table.closest('details') || table);
    new Chart(canvas, {
      type,
      data: {labels, datasets},
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {legend: {display: type === 'doughnut' || datasets.length > 1}},
        scales: type === 'doughnut' ? {} : {y: {beginAtZero: true, title: {display: !!table.dataset.unit, text: table.dataset.unit}}},
      },
    });
  }
})();
