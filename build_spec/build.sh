#!/usr/bin/env bash
# Build the one-folder standalone bundle into dist/cuecraft and smoke-test it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
$BIN/python -m pip install --quiet "pyinstaller>=6.5"
rm -rf build/pyinstaller dist/cuecraft
$BIN/pyinstaller --noconfirm --clean --log-level WARN \
    --workpath build/pyinstaller --distpath dist build_spec/cuecraft.spec
APP=dist/cuecraft/cuecraft
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
echo "smoke test: --version"
"$APP" --version
echo "smoke test: check (an example with deliberate problems exits 1)"
set +e
"$APP" check dist/cuecraft/_internal/designs/rainforest-cafe.yaml > "$smoke/check.txt"
status=$?
set -e
[ "$status" -eq 1 ] || { echo "check exited $status, expected 1"; cat "$smoke/check.txt"; exit 1; }
grep -q "ELI002" "$smoke/check.txt"
grep -q "FBK001" "$smoke/check.txt"
"$APP" check dist/cuecraft/_internal/designs/museum-exhibition.yaml > /dev/null
echo "smoke test: export"
"$APP" export dist/cuecraft/_internal/designs/haidilao-hotpot.yaml -o "$smoke/brief.pdf"
head -c 5 "$smoke/brief.pdf" | grep -q "%PDF-"
echo "smoke test: the workbench starts (offscreen)"
QT_QPA_PLATFORM=offscreen CUECRAFT_DATA_DIR="$smoke/data" timeout 20 "$APP" --self-test-workbench \
    dist/cuecraft/_internal/designs/boutique-hotel.yaml
du -sh dist/cuecraft
echo "bundle ready: dist/cuecraft/cuecraft"
