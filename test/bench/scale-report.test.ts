// The writer of `npm run bench -- --scale`'s table, chart and place in docs/benchmarks.md, on made-up figures.
import { describe, expect, it } from 'vitest';
import { BEGIN, END, placeScaleBlock, scaleChart, scaleTable, type ScaleResult } from '../../bench/scale-report.mjs';

const result = (dialect: string, tickets: number, searchP50: number): ScaleResult => ({
  dialect,
  tickets,
  seedSeconds: tickets / 1000,
  ingestRate: 500,
  memory: { rss: 150, heap: 40.25 },
  metrics: { dashboard: { p50: 4, p99: 9 }, searchRare: { p50: searchP50, p99: searchP50 * 3 } },
});
const results = [
  result('sqlite', 10_000, 2),
  result('sqlite', 100_000, 8),
  result('sqlite', 1_000_000, 120),
  result('mariadb', 10_000, 3),
  result('mariadb', 1_000_000, 30),
];
results[4].metrics.searchCommon = { p50: 60_012, p99: 60_012, closed: true };

describe('the desk size report', () => {
  it('tables each dialect by size, with the growth from the smallest desk to the largest', () => {
    const table = scaleTable(results);
    expect(table).toContain('| SQLite: p50 / p99 ms | 10k tickets | 100k tickets | 1M tickets | 1M ÷ 10k (p50) |');
    expect(table).toContain('| search: rare word | 2.00 / 6.00 | 8.00 / 24.0 | 120 / 360 | 60.0× |');
    expect(table).toContain('| dashboard list, 1 agent | 4.00 / 9.00 | 4.00 / 9.00 | 4.00 / 9.00 | 1.0× |');
    // A size not measured for a dialect shows as a dash, and costs never measured get no row.
    expect(table).toContain('| search: rare word | 3.00 / 9.00 | – | 30.0 / 90.0 | 10.0× |');
    expect(table).not.toContain('ticket detail');
    expect(table).toContain('| search: common word | – | – | no answer: closed after 60 s | – |');
    expect(table).toContain('| seeding, s | 10 | 100 | 1000 | 100.0× |');
  });

  it('draws a panel per dialect and a line per measured cost, on log axes', () => {
    const svg = scaleChart(results);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(5);
    expect(svg).toContain('>SQLite: p50 of one request</text>');
    expect(svg).toContain('>MariaDB: p50 of one request</text>');
    for (const label of ['10k', '100k', '1M', '1 ms', '10 ms', '100 ms', '1 s'].map((l) => `>${l}</text>`))
      expect(svg).toContain(label);
    // The unanswered search is drawn hollow, and the chart says what hollow means.
    expect(svg.match(/fill="#fff" stroke=/g)).toHaveLength(1);
    expect(svg).toContain('Hollow: no answer');
    // Equal ratios are equal distances: 10k → 100k → 1M are evenly spaced across.
    const xs = [...svg.matchAll(/<text x="([\d.]+)" y="\d+" text-anchor="middle">(10k|100k|1M)</g)].map((m) =>
      Number(m[1]),
    );
    expect(xs[1] - xs[0]).toBeCloseTo(xs[2] - xs[1], 0);
  });

  it('replaces only what is between the markers, and adds its subsection under Findings when missing', () => {
    const doc = '# Benchmarks\n\n| table |\n\n## Findings\n\n### Search\n\nText.\n';
    const first = placeScaleBlock(doc, 'figures one');
    expect(first).toBe(`${doc}\n### Desk size (npm run bench -- --scale)\n\n${BEGIN}\nfigures one\n${END}\n`);
    const written = `${first}\nFindings about size.\n`;
    const second = placeScaleBlock(written, 'figures two');
    expect(second).toBe(written.replace('figures one', 'figures two'));
  });
});
