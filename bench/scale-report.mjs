// What `npm run bench -- --scale` writes: a Markdown table per dialect, an SVG chart (log-scale desk size against
// log-scale time, one line per cost, one panel per dialect), and the block between markers in docs/benchmarks.md.
// Pure functions of the figures, so that they can be tested without seeding anything.

/** The timed costs, in the table's and the legend's order; each figure is { p50, p99 } in milliseconds. */
export const COSTS = [
  { key: 'dashboard', label: 'dashboard list, 1 agent', color: '#1f77b4' },
  { key: 'dashboard50', label: 'dashboard list, 50 connections', color: '#aec7e8' },
  { key: 'detail', label: 'ticket detail', color: '#2ca02c' },
  { key: 'searchRare', label: 'search: rare word', color: '#d62728' },
  { key: 'searchCommon', label: 'search: common word', color: '#ff7f0e' },
  { key: 'searchPhone', label: 'search: phone number', color: '#9467bd' },
  { key: 'badges', label: 'badge counts (per event)', color: '#8c564b' },
  { key: 'reportMonth', label: "report: a month's", color: '#e377c2' },
  { key: 'reportDecade', label: "report: ten years'", color: '#7f7f7f' },
  { key: 'ingest', label: 'webhook delivery, 20 senders', color: '#17becf' },
];
export const BEGIN = '<!-- scale:begin -->';
export const END = '<!-- scale:end -->';
const HEADING = '### Desk size (npm run bench -- --scale)';
const DIALECT_NAMES = { sqlite: 'SQLite', mariadb: 'MariaDB' };

const dialectName = (dialect) => DIALECT_NAMES[dialect] ?? dialect;
const sizeName = (tickets) =>
  tickets >= 1_000_000 && tickets % 1_000_000 === 0
    ? `${tickets / 1_000_000}M`
    : tickets >= 1000 && tickets % 1000 === 0
      ? `${tickets / 1000}k`
      : String(tickets);
const number = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const latency = (figure) =>
  !figure
    ? '–'
    : figure.closed
      ? `no answer: closed after ${(figure.p50 / 1000).toFixed(0)} s`
      : `${number(figure.p50)} / ${number(figure.p99)}`;
const ratio = (last, first) => (first > 0 && last > 0 ? `${(last / first).toFixed(1)}×` : '–');
const escapeXml = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The dialects and sizes present, in a stable order. */
function layout(results) {
  const dialects = [...new Set(results.map((result) => result.dialect))];
  const sizes = [...new Set(results.map((result) => result.tickets))].sort((a, b) => a - b);
  const find = (dialect, tickets) => results.find((r) => r.dialect === dialect && r.tickets === tickets);
  return { dialects, sizes, find };
}

/**
 * One Markdown table per dialect: a row per cost (p50 / p99 in ms), a column per desk size, and the p50 at the
 * largest size over the p50 at the smallest. Then what is not a latency: ingest rate, memory, seeding time.
 */
export function scaleTable(results) {
  const { dialects, sizes, find } = layout(results);
  const blocks = [];
  for (const dialect of dialects) {
    const at = sizes.map((tickets) => find(dialect, tickets));
    const header = `| ${dialectName(dialect)}: p50 / p99 ms | ${sizes.map((s) => `${sizeName(s)} tickets`).join(' | ')} | ${sizeName(sizes.at(-1))} ÷ ${sizeName(sizes[0])} (p50) |`;
    const lines = [header, `| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`];
    for (const cost of COSTS) {
      const figures = at.map((result) => result?.metrics[cost.key]);
      if (figures.every((figure) => !figure)) continue;
      lines.push(
        `| ${cost.label} | ${figures.map(latency).join(' | ')} | ${figures.at(-1)?.closed && figures[0] ? '> ' : ''}${ratio(figures.at(-1)?.p50, figures[0]?.p50)} |`,
      );
    }
    const plain = (label, value, digits = 0) => {
      const values = at.map((result) => (result ? value(result) : undefined));
      if (values.every((v) => v === undefined)) return;
      const cells = values.map((v) => (v === undefined ? '–' : v.toFixed(digits)));
      lines.push(`| ${label} | ${cells.join(' | ')} | ${ratio(values.at(-1), values[0])} |`);
    };
    plain('webhook deliveries/s, 20 senders', (r) => r.ingestRate);
    plain('server RSS after GC, MB', (r) => r.memory?.rss);
    plain('server JS heap after GC, MB', (r) => r.memory?.heap, 1);
    plain('seeding, s', (r) => r.seedSeconds);
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

const PANEL = { width: 420, height: 320, left: 64, right: 16, top: 40, bottom: 48 };
const LEGEND_ROW = 20;

/** Powers of ten covering the values, as tick marks on a log axis. */
function decades(values) {
  const low = Math.floor(Math.log10(Math.min(...values)));
  const high = Math.ceil(Math.log10(Math.max(...values)));
  return Array.from({ length: Math.max(1, high - low) + 1 }, (_, k) => 10 ** (low + k));
}
const msName = (value) => (value >= 1000 ? `${value / 1000} s` : `${value} ms`);

/**
 * The chart: a panel per dialect, desk size (tickets, log scale) across, the p50 of one request (ms, log scale)
 * up, one line per cost; the search target (p50 < 50 ms) dashed. Hand-built SVG text, no dependency.
 */
export function scaleChart(results, { searchTargetMs = 50 } = {}) {
  const { dialects, sizes, find } = layout(results);
  const values = results.flatMap((r) => COSTS.map((cost) => r.metrics[cost.key]?.p50)).filter((v) => v > 0);
  const yTicks = decades([...values, searchTargetMs]);
  const xTicks = sizes.length > 1 ? sizes : [sizes[0] / 10, sizes[0], sizes[0] * 10];
  const innerWidth = PANEL.width - PANEL.left - PANEL.right;
  const innerHeight = PANEL.height - PANEL.top - PANEL.bottom;
  const logX = (v) => Math.log10(v);
  const x = (tickets) =>
    PANEL.left + ((logX(tickets) - logX(xTicks[0])) / (logX(xTicks.at(-1)) - logX(xTicks[0]))) * innerWidth;
  const y = (ms) =>
    PANEL.top +
    innerHeight -
    ((Math.log10(ms) - Math.log10(yTicks[0])) / (Math.log10(yTicks.at(-1)) - Math.log10(yTicks[0]))) * innerHeight;
  const legendColumns = 2;
  const legendHeight = Math.ceil(COSTS.length / legendColumns) * LEGEND_ROW + 28;
  const width = PANEL.width * dialects.length;
  const height = PANEL.height + legendHeight;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  ];
  dialects.forEach((dialect, index) => {
    parts.push(`<g transform="translate(${index * PANEL.width},0)">`);
    parts.push(
      `<text x="${PANEL.left + innerWidth / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(dialectName(dialect))}: p50 of one request</text>`,
    );
    for (const tick of yTicks) {
      parts.push(
        `<line x1="${PANEL.left}" x2="${PANEL.left + innerWidth}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#ddd"/>`,
        `<text x="${PANEL.left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end">${msName(tick)}</text>`,
      );
    }
    for (const tick of xTicks) {
      parts.push(
        `<line x1="${x(tick).toFixed(1)}" x2="${x(tick).toFixed(1)}" y1="${PANEL.top}" y2="${PANEL.top + innerHeight}" stroke="#ddd"/>`,
        `<text x="${x(tick).toFixed(1)}" y="${PANEL.top + innerHeight + 16}" text-anchor="middle">${sizeName(tick)}</text>`,
      );
    }
    parts.push(
      `<text x="${PANEL.left + innerWidth / 2}" y="${PANEL.top + innerHeight + 36}" text-anchor="middle">tickets on the desk (10 messages each)</text>`,
      `<line x1="${PANEL.left}" x2="${PANEL.left + innerWidth}" y1="${y(searchTargetMs).toFixed(1)}" y2="${y(searchTargetMs).toFixed(1)}" stroke="#d62728" stroke-dasharray="5 4"/>`,
      `<text x="${PANEL.left + innerWidth - 4}" y="${(y(searchTargetMs) - 5).toFixed(1)}" text-anchor="end" fill="#d62728">search target, p50 ${searchTargetMs} ms</text>`,
      `<rect x="${PANEL.left}" y="${PANEL.top}" width="${innerWidth}" height="${innerHeight}" fill="none" stroke="#888"/>`,
    );
    for (const cost of COSTS) {
      const points = sizes
        .map((tickets) => [tickets, find(dialect, tickets)?.metrics[cost.key]])
        .filter(([, figure]) => figure?.p50 > 0)
        .map(([tickets, figure]) => [x(tickets).toFixed(1), y(figure.p50).toFixed(1), figure.closed]);
      if (!points.length) continue;
      parts.push(
        `<polyline fill="none" stroke="${cost.color}" stroke-width="2" points="${points.map(([px, py]) => `${px},${py}`).join(' ')}"><title>${escapeXml(cost.label)}</title></polyline>`,
        // A request the server closed unanswered is drawn hollow, at the time it gave up.
        ...points.map(
          ([px, py, closed]) =>
            `<circle cx="${px}" cy="${py}" r="${closed ? 5 : 3}" fill="${closed ? '#fff' : cost.color}" stroke="${cost.color}" stroke-width="2"/>`,
        ),
      );
    }
    parts.push('</g>');
  });
  const columnWidth = width / legendColumns;
  COSTS.forEach((cost, index) => {
    const lx = 16 + (index % legendColumns) * columnWidth;
    const ly = PANEL.height + 8 + Math.floor(index / legendColumns) * LEGEND_ROW;
    parts.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${cost.color}" stroke-width="3"/>`,
      `<text x="${lx + 32}" y="${ly + 4}">${escapeXml(cost.label)}</text>`,
    );
  });
  if (results.some((r) => Object.values(r.metrics).some((figure) => figure?.closed)))
    parts.push(
      `<text x="16" y="${height - 8}" fill="#555">Hollow: no answer, the server closed the connection at that time (its idle timeout).</text>`,
    );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/**
 * Puts `block` between the scale markers in the benchmarks document, inside its own subsection under
 * "## Findings" (created at the end of the document when missing); the rest of the document is kept as it is.
 */
export function placeScaleBlock(doc, block) {
  const marked = `${BEGIN}\n${block.trim()}\n${END}`;
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin !== -1 && end > begin) return `${doc.slice(0, begin)}${marked}${doc.slice(end + END.length)}`;
  const base = doc.includes('## Findings') ? doc : `${doc.trimEnd()}\n\n## Findings\n`;
  return `${base.trimEnd()}\n\n${HEADING}\n\n${marked}\n`;
}
