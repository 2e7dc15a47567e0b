// Builds what changed, then (with --then) runs a built file in this process: `npm start` is
// `build.mjs --then dist/src/main.js`, so a restart with nothing changed goes straight to the server.
//   node scripts/build.mjs [server|client] [--force] [--then <file.js> [args…]]
// The server: `tsc --build` (incremental, with dist/tsconfig.build.tsbuildinfo), run only when a source is
// newer than its last build. The admin UI: Vite, only when the hash of its inputs (client/, schema.graphql, the
// lockfile) differs from the one written beside the last build in dist/client/.inputs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const bin = (path) => join(root, 'node_modules', path);
const SERVER_INPUTS = ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const CLIENT_INPUTS = ['client', 'schema.graphql', 'package-lock.json'];
const stampFile = join(root, 'dist', 'client', '.inputs');

/** Runs a tool on this Node, stops the build when it fails, and returns how long it took. */
function step(command, args) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [command, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      `the build failed (${relative(root, command)}: ${result.signal ?? `exit ${result.status}`}); see above`,
    );
    process.exit(result.status || 1);
  }
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

/** The files under a path (the path itself when it is a file), and with folders the folders too. */
function filesUnder(path, withFolders = false) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  const entries = readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || (withFolders && entry.isDirectory()))
    .map((entry) => join(entry.parentPath, entry.name));
  return withFolders ? [path, ...entries] : entries;
}

function clientInputsHash() {
  const hash = createHash('sha256');
  const files = CLIENT_INPUTS.flatMap((input) => filesUnder(join(root, input))).sort();
  for (const file of files)
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex');
}

/**
 * tsc --build does nothing when no input is newer than its .tsbuildinfo, but loading TypeScript to find that
 * out takes a second or more; the same comparison by hand takes milliseconds. A folder's time changes when a
 * file in it is added, removed or renamed, so those count too.
 */
function serverUpToDate(buildInfo) {
  if (!existsSync(buildInfo) || !existsSync(join(root, 'dist', 'src', 'main.js'))) return false;
  if (!SERVER_ASSETS.every((asset) => existsSync(join(root, 'dist', asset)))) return false;
  const built = statSync(buildInfo).mtimeMs;
  const paths = [...SERVER_INPUTS.flatMap((input) => filesUnder(join(root, input), true))];
  return paths.every((path) => statSync(path).mtimeMs <= built);
}

function buildServer(force) {
  const buildInfo = join(root, 'dist', 'tsconfig.build.tsbuildinfo');
  if (!force && serverUpToDate(buildInfo)) return;
  const done = step(bin('typescript/bin/tsc'), ['-b', 'tsconfig.build.json', ...(force ? ['--force'] : [])]);
  copyServerAssets();
  console.log(`server compiled in ${done}`);
}

/** Files the server reads beside its modules (tsc copies only code), so that dist/ runs on its own. */
const SERVER_ASSETS = ['src/auth/common-passwords.txt', 'src/auth/common-passwords.LICENSE'];

function copyServerAssets() {
  for (const asset of SERVER_ASSETS) copyFileSync(join(root, asset), join(root, 'dist', asset));
}

function buildClient(force) {
  const inputs = clientInputsHash();
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === inputs) return;
  const done = step(bin('vite/bin/vite.js'), ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn']);
  writeFileSync(stampFile, inputs);
  console.log(`admin UI built in ${done}`);
}

const args = process.argv.slice(2);
const thenAt = args.indexOf('--then');
const own = thenAt < 0 ? args : args.slice(0, thenAt);
const force = own.includes('--force');
const part = own.find((arg) => !arg.startsWith('--')) ?? 'all';
if (!['all', 'server', 'client'].includes(part)) {
  console.error(`usage: node scripts/build.mjs [server|client] [--force] [--then <file.js> [args…]]`);
  process.exit(2);
}
if (part !== 'client') buildServer(force);
if (part !== 'server') buildClient(force);
if (thenAt >= 0) {
  const [file, ...rest] = args.slice(thenAt + 1);
  const path = resolve(root, file);
  process.argv = [process.argv[0], path, ...rest];
  await import(pathToFileURL(path).href);
}
