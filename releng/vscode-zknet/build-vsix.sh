#!/usr/bin/env bash
# Builds and checks the VS Code extension with the machine's Node.js and npm (packages from the npm
# registry, pinned in package-lock.json). Maven runs it (pom.xml); by hand:
#   releng/vscode-zknet/build-vsix.sh test|package|check
set -euo pipefail
cd "$(dirname "$0")"

readonly JAR=../org.zkvm.dsl.cli/target/zknet.jar
readonly VSIX=target/zknet.vsix

need_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "error: the VS Code extension is built with Node.js 20 or newer and npm, and this machine has no $(command -v node >/dev/null && echo npm || echo node)." >&2
    echo "       Install Node.js 20+ with npm (https://nodejs.org), or leave the extension out: ./build -pl '!releng/vscode-zknet'" >&2
    exit 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if (( major < 20 )); then
    echo "error: the VS Code extension needs Node.js 20 or newer to build (@vscode/vsce); this machine has $(node --version)." >&2
    echo "       Install Node.js 20+ (https://nodejs.org), or leave the extension out: ./build -pl '!releng/vscode-zknet'" >&2
    exit 1
  fi
}

install() {
  need_node
  # npm ci installs exactly the locked versions; --prefer-offline reuses npm's cache when it can
  npm ci --prefer-offline --no-audit --no-fund --loglevel=error
}

case "${1:-}" in
  test)
    install
    npm test
    ;;
  package)
    [[ -d node_modules ]] || install
    if [[ ! -f $JAR ]]; then
      echo "error: $JAR is missing: build the command line first (./mvnw install -pl releng/org.zkvm.dsl.cli)" >&2
      exit 1
    fi
    mkdir -p server target
    cp "$JAR" server/zknet.jar
    npx --no-install vsce package --skip-license --allow-missing-repository --out "$VSIX"
    ;;
  check)
    need_node
    node tools/check-vsix.js "$VSIX"
    ;;
  *)
    echo "usage: $0 test|package|check" >&2
    exit 2
    ;;
esac
