#!/usr/bin/env bash
# Installs the build into a temporary prefix, then builds examples/c as a
# separate project against it twice -- with find_package(crossgate) and with
# pkg-config -- and runs both programs.
# usage: install_test.sh <build dir> <source dir>
set -euo pipefail
build="$1" src="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in include/crossgate/crossgate.h include/crossgate/export.h \
         include/crossgate/version.h lib/libcrossgate.so lib/libcrossgate.so.1 \
         lib/pkgconfig/crossgate.pc lib/cmake/crossgate/crossgate-config.cmake; do
  [ -e "$prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
# Only the C headers are installed: nothing from lib/ or proto/.
if [ "$(find "$prefix/include" -type f | wc -l)" -ne 3 ]; then
  echo "FAIL: unexpected installed headers:"; find "$prefix/include" -type f; exit 1
fi

# A request every build answers: nothing is loaded (--allow-empty), so the
# gateway must answer a block carrying "no policies loaded".
run_gateway() {
  local bin="$1" out
  LD_LIBRARY_PATH="$prefix/lib" "$bin" --version | grep -q "crossgate" || { echo "FAIL: $bin --version"; exit 1; }
  out="$(printf '{"resourceTenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47"}\nquit\n' \
         | LD_LIBRARY_PATH="$prefix/lib" "$bin" --allow-empty)"
  echo "$out" | grep -q '"outcome":"block"' || { echo "FAIL: $bin answered: $out"; exit 1; }
}

cmake -S "$src/examples/c" -B "$tmp/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$tmp/cmake-build" >/dev/null
run_gateway "$tmp/cmake-build/crossgate_gateway"
echo "find_package(crossgate): ok"

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
# shellcheck disable=SC2046
cc -std=c99 -Wall -Wextra -Werror -pedantic -o "$tmp/gateway-pc" \
   "$src/examples/c/gateway.c" $(pkg-config --cflags --libs crossgate)
run_gateway "$tmp/gateway-pc"
echo "pkg-config crossgate ($(pkg-config --modversion crossgate)): ok"
