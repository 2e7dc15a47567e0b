// `npm run lint`: Biome's lint and format check over the code, then the module rules (.dependency-cruiser.cjs).
// Fails on the first that finds something; `npm run format` fixes formatting, `npx biome check --write` safe lint fixes.
import { spawnSync } from 'node:child_process';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const steps = [
  [bin('biome'), ['check', '--error-on-warnings', '.']],
  [bin('depcruise'), ['src', 'client/src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']],
];
for (const [command, args] of steps) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
