#!/usr/bin/env bash
# Command 2: prepares the host (Docker engine, local images) and runs the whole build with every test, checking
# formatting and import order (profile format-check: a mis-formatted file fails the build; nothing is rewritten).
#   deploy/local/test.sh [extra Maven arguments, e.g. -pl events]
# The fault suite (module fault-tests, ~10 min on its own) is not part of command 2; run it with
#   deploy/local/test.sh --faults [extra Maven arguments, e.g. -Dit.test=WorkerLossIT]
# which installs fresh jars of every module (the suite starts the services from them), then runs
#   ./mvnw -B verify -pl fault-tests -Pfaults
set -euo pipefail

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"

"$REPO/deploy/local/prepare-host.sh"
cd "$REPO"
# Never -q: the Surefire/Failsafe summary ("Tests run: ...") must show.
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
if [ "${1:-}" = "--faults" ]; then
    shift
    ./mvnw -B -q install -DskipTests -Pformat-check
    exec ./mvnw -B verify -pl fault-tests -Pfaults,format-check "$@"
fi
exec ./mvnw -B verify -Pformat-check "$@"
