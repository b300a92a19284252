# Sourced by scripts/serve and scripts/test: make .venv match requirements.lock.
# Reinstalls only when the lock file's hash differs from the one recorded at the last install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
LOCK="$ROOT/requirements.lock"
PYTHON="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
    echo "bootstrap: creating $VENV" >&2
    "$PYTHON" -m venv "$VENV"
fi
want="$(sha256sum "$LOCK" | cut -d' ' -f1)"
have="$(cat "$VENV/.lock-sha256" 2>/dev/null || true)"
if [ "$want" != "$have" ]; then
    echo "bootstrap: installing the locked dependencies" >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        --require-hashes --no-deps -r "$LOCK"
    # The package lives in scripts/kb; a .pth file puts it on the path without a build step.
    site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    echo "$ROOT/scripts" > "$site/kb-scripts.pth"
    echo "$want" > "$VENV/.lock-sha256"
fi
export PATH="$VENV/bin:$PATH"
cd "$ROOT"
export NO_MKDOCS_2_WARNING=1
