// `npm run dev`: the server rebuilt and restarted on change (port 4000), and Vite with hot reload for the
// admin UI on http://127.0.0.1:5173, proxying the API to the server.
import { spawn, spawnSync } from 'node:child_process';

const run = (command, args) => spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [
  run('npx', ['tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput']),
  run(process.execPath, ['--watch-path=dist/src', 'dist/src/main.js']),
  run('npx', ['vite', '--config', 'client/vite.config.ts']),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
