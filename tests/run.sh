#!/usr/bin/env bash
# Runs every test of the solution: installs what the tests need (redis-server and redis-cli; chromium and chromium-driver for the
# chat page's browser test) when missing, builds with warnings as errors, runs all test projects, and prints one
# summary line "N passed, N failed".
# Each test fixture starts its own redis-server on a free loopback port and stops it at the end; the browser test
# starts its own chromedriver and headless Chromium the same way. If they cannot be installed, that test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
# redis-cli creates the test cluster (redis-cli --cluster create); Debian ships it in redis-tools.
command -v redis-cli >/dev/null 2>&1 || need_apt+=(redis-tools)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} ..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  # A failed install does not stop the run: the tests that need the package fail and say which one is missing.
  if ! { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null; }; then
    echo "WARNING: could not install ${need_apt[*]}; the tests that need them will fail." >&2
  fi
fi

configuration="${CONFIGURATION:-Release}"
dotnet build ChatBotHost.sln -c "$configuration" -nologo -v quiet

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test ChatBotHost.sln -c "$configuration" --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, ..." line per test project.
read -r passed failed projects < <(awk '
  /(Passed|Failed)! +- Failed:/ {
    for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
    n++
  }
  END { print p+0, f+0, n+0 }' "$log" | tr -d ",")
expected_projects=$(find tests -name '*.Tests.csproj' -o -name '*.IntegrationTests.csproj' -o -name '*.BrowserTests.csproj' | wc -l)
if [ "$projects" -lt "$expected_projects" ]; then
  echo "Only $projects of $expected_projects test projects reported results." >&2
  status=1
  failed=$((failed + expected_projects - projects))
fi

echo "$passed passed, $failed failed"
exit $status
