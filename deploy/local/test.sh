#!/usr/bin/env bash
# Command 2: prepares the host (Docker engine, local images) and runs the whole build with every test.
#   deploy/local/test.sh [extra Maven arguments, e.g. -pl events]
set -euo pipefail

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"

"$REPO/deploy/local/prepare-host.sh"
cd "$REPO"
# Never -q: the Surefire/Failsafe summary ("Tests run: ...") must show.
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
exec ./mvnw -B verify "$@"
