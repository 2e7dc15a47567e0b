// Prints the gzipped size of the JavaScript and CSS the first screen loads, against the 250 KB budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = join(import.meta.dirname, '..', 'dist', 'client');
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
let total = 0;
for (const asset of assets) {
  const size = gzipSync(readFileSync(join(dir, asset))).length;
  total += size;
  console.log(`  ${asset}: ${(size / 1024).toFixed(1)} KB gzipped`);
}
const budget = 250 * 1024;
console.log(
  `first screen: ${(total / 1024).toFixed(1)} KB gzipped (budget ${budget / 1024} KB)${total > budget ? ' OVER BUDGET' : ''}`,
);
