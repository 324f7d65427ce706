#!/usr/bin/env bash
# Installs dependencies, builds, and starts the application: the desktop app when it was
# built (Qt present), otherwise the command-line tool with the given arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
scripts/build.sh
if [ -x build/app/gui/ulmfit-studio ]; then
  exec build/app/gui/ulmfit-studio "$@"
fi
exec build/app/ulmfit "${@:-info}"
