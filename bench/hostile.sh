#!/usr/bin/env bash
# The hostile-input suite alone (issue 12): thousands of generated hostile bodies against every public endpoint of
# running hosts with a real redis-server, interleaved with valid traffic. Prints the suite's table (bodies tried by
# kind, answers by status, worst wall time, CPU and allocation per request, slow senders, memory) for docs/, then the
# test's verdict. HOSTILE_SEED and HOSTILE_CASES choose other bodies; the defaults are the test's own.
# Exit status: the test's (0 when every assertion held).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null 2>&1 || { echo "redis-server is needed (apt-get install redis-server)" >&2; exit 1; }
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet build tests/ChatBotHost.IntegrationTests -c Release -nologo -v quiet >"$log" 2>&1 || { cat "$log"; exit 1; }
status=0
dotnet test tests/ChatBotHost.IntegrationTests -c Release --no-build -nologo --filter "Category=Hostile" \
  --logger "console;verbosity=detailed" >"$log" 2>&1 || status=$?

# The console logger prints the test's output after "Standard Output Messages:", each line indented by one space.
sed -n '/Standard Output Messages:/,/^Test Run\|^Total tests/p' "$log" | sed '1d;$d' | sed 's/^ //'
grep -E '^(Passed!|Failed!|Test Run|Total tests|  *(Passed|Failed): )' "$log" || true
if [ "$status" -ne 0 ] && ! grep -q 'Standard Output Messages:' "$log"; then
  # No table: the run failed before printing one (build, start-up or a crash). Show the end of the log.
  tail -60 "$log"
fi
exit $status
