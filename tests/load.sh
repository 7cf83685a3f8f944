#!/usr/bin/env bash
# Long load runs: the reliability scenarios of the integration tests (SIGKILL under load in both event modes, three
# replicas, a Redis restart, a failing portal) with CBH_LOAD_SCALE times the users (default 10). Not part of
# tests/run.sh, which runs the short versions. Ends with the same "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
export CBH_LOAD_SCALE="${1:-10}"
command -v redis-server >/dev/null 2>&1 || { echo "redis-server is needed: bash tests/run.sh installs it" >&2; exit 1; }
dotnet build tests/ChatBotHost.IntegrationTests -c Release -nologo -v quiet
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test tests/ChatBotHost.IntegrationTests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~ChatBotHost.IntegrationTests.Reliability" 2>&1 | tee "$log" || status=$?
awk '/(Passed|Failed)! +- Failed:/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log" | tr -d ","
exit $status
