# Sourced, not run: puts the Node.js this project runs on first on PATH, for typing npx, vitest or node by
# hand (npm start, npm test and the other npm scripts do this by themselves). When the machine's Node is older
# than package.json's "engines", that is Node.js 24 from the npm registry, fetched once into .tools/node by
# scripts/with-node.mjs.
_bin=$(node "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/with-node.mjs" --bin-dir) || return 1
if [ -n "$_bin" ]; then
  export PATH="$_bin:$PATH"
  # native addons, should one be built from source, build against this Node's headers, not the system's
  export npm_config_nodedir="$(dirname "$_bin")"
fi
unset _bin
