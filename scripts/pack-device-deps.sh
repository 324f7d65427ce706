#!/usr/bin/env bash
# Packs what the engine needs besides LibTorch and is not on a plain GPU server (spdlog, fmt,
# libarchive, libcurl, OpenSSL, zlib, nlohmann-json and CLI11 headers, with the shared libraries
# they load), plus Qt Core and Qt Test (libraries, headers, CMake files, moc) so that the engine
# and CLI tests build there too, from this Debian 12 machine into one archive, for
# `scripts/gpu-check.sh` there:
#
#   scripts/pack-device-deps.sh deps.tar.xz           # here (needs apt's package lists)
#   mkdir -p /tmp/dd && tar xJf deps.tar.xz -C /tmp/dd
#   ULMFIT_EXTRA_PREFIX=/tmp/dd/usr scripts/gpu-check.sh imdb_sample.tgz    # there
set -euo pipefail
out=$(realpath -m "${1:?usage: scripts/pack-device-deps.sh OUT.tar.xz}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
packages=(libspdlog-dev libspdlog1.10 libfmt-dev libfmt9 libarchive-dev libarchive13 libcurl4-openssl-dev
          libcurl4 libssl-dev libssl3 zlib1g-dev nlohmann-json3-dev libcli11-dev
          libqt6core6 libqt6test6 qt6-base-dev qt6-base-dev-tools qmake6 qmake6-bin)
(cd "$work" && apt-get download "${packages[@]}" > /dev/null)
for deb in "$work"/*.deb; do dpkg -x "$deb" "$work/root"; done
lib=$work/root/usr/lib/x86_64-linux-gnu
# Of Qt only Core and Test: the other modules' CMake files would point at libraries not packed.
for dir in "$lib"/cmake/Qt6?*; do
    case $(basename "$dir") in Qt6Core|Qt6CoreTools|Qt6Test|Qt6HostInfo|Qt6BuildInternals) ;; *) rm -rf "$dir" ;; esac
done
for dir in "$work"/root/usr/include/x86_64-linux-gnu/qt6/*; do
    case $(basename "$dir") in QtCore|QtTest) ;; *) rm -rf "$dir" ;; esac
done
# The libraries those load in turn, taken from this machine; glibc and the C++ runtime come
# from the server itself.
for so in "$lib"/lib{spdlog,fmt,archive,curl,Qt6Core,Qt6Test}.so.*[0-9] "$work"/root/usr/lib/qt6/libexec/moc; do
    LD_LIBRARY_PATH=$lib ldd "$so" | awk '/=> \//{print $3}'
done | sort -u | while read -r dep; do
    case $(basename "$dep") in
        libc.so*|libm.so*|libpthread.so*|libdl.so*|librt.so*|ld-linux*|libstdc++.so*|libgcc_s.so*) ;;
        *) [[ -e $lib/$(basename "$dep") ]] || cp -L "$dep" "$lib/" ;;
    esac
done
tar cJf "$out" -C "$work/root" .
echo "packed $(du -h "$out" | cut -f1) into $out"
