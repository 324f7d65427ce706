#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing ULMFiT Studio needs.
# Idempotent: packages already present are skipped; uses sudo when not run as root.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev qt6-translations-l10n
  libqcustomplot-dev libgl1-mesa-dev
  libtorch-dev libopenblas0-pthread
  python3-torch # tests/fixtures/make_fastai_fixtures.py and the export round-trip test (torch.load)
  libspdlog-dev libarchive-dev libcurl4-openssl-dev libssl-dev
  nlohmann-json3-dev libcli11-dev
  xvfb xauth imagemagick
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
