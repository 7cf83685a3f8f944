#!/usr/bin/env bash
# The benchmark: builds in Release and measures the host against the emulator and a real redis-server on loopback.
# Prints rates and the ratios that matter (see docs/performance.md). `--quick` shortens every phase.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null 2>&1 || { echo "redis-server is needed (apt-get install redis-server)" >&2; exit 1; }
dotnet build bench/ChatBotHost.Bench -c Release -nologo -v quiet
dotnet bench/ChatBotHost.Bench/bin/Release/net10.0/ChatBotHost.Bench.dll "$@"
