#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need first — PostgreSQL's server binaries
# (the tests start their own throwaway cluster) and Node.js for the Backstage client checks — then
# runs every test project and ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "error: '$*' needs root; install the package yourself or run as root" >&2; return 1
  fi
}

apt_updated=false
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $* missing and this is not a Debian-like system; install it and re-run" >&2
    return 1
  fi
  if [ "$apt_updated" = false ]; then as_root apt-get update -qq; apt_updated=true; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${SCAFFOLDER_PG_BIN:-}" ]; then
  echo "Installing PostgreSQL server binaries (Debian package 'postgresql')..."
  apt_install postgresql
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing Node.js..."
  apt_install nodejs npm
fi

if ! command -v git >/dev/null 2>&1; then
  apt_install git
fi

echo "Installing Node packages for the compatibility tests..."
(cd tests/node && npm ci --no-audit --no-fund --loglevel=error)

results="$(pwd)/.test-output"
rm -rf "$results"
status=0
dotnet test Scaffolder.sln --nologo \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=$?

counter() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(counter passed)
failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failing test: a build error or a crashed test host.
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
