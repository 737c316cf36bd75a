#!/usr/bin/env bash
# Runs the GPU check on this machine with nothing but this folder: x86-64 Linux with a GPU driver,
# no Node, no npm, no network. Unpacks Node and dawn.node to /tmp, finds a Vulkan driver, runs
# check.mjs, and writes gpu-check.json, gpu-check.txt and gpu-check.log to the results folder.
#
#   ./run.sh [RESULTS_DIR] [check flags: --quick --epochs N --skip tfjs,torch ...]
#   ./run.sh RESULTS_DIR --only speedrun --seeds 5    (the speedrun alone against PyTorch: minutes)
#
# RESULTS_DIR defaults to $GPU_CHECK_OUT, else $OUT, else ./results beside this script.
# The Vulkan driver: VK_DRIVER_FILES or VK_ICD_FILENAMES when set; else the first NVIDIA ICD file at
# the usual places; else whatever the loader finds itself. Set GPU_PACK_DRY_RUN=1 to print the
# environment it would use and stop.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT_DIR="${GPU_CHECK_OUT:-${OUT:-$HERE/results}}"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  OUT_DIR="$1"
  shift
fi
mkdir -p "$OUT_DIR"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"

# A library the system lacks comes from the pack (the system's own copy wins where it has one).
# GPU_PACK_SYSTEM_LIB_DIRS replaces the folders searched (the tests use it to play a bare machine).
SYSTEM_LIB_DIRS="${GPU_PACK_SYSTEM_LIB_DIRS:-/lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /usr/lib64 /lib /usr/lib /usr/local/lib}"
has_lib() {
  local dir
  for dir in $SYSTEM_LIB_DIRS; do
    [ -e "$dir/$1" ] && return 0
  done
  return 1
}
LIBS=""
has_lib libvulkan.so.1 || LIBS="$HERE/lib/vulkan"
has_lib libstdc++.so.6 || LIBS="${LIBS:+$LIBS:}$HERE/lib/cxx"
# NVIDIA's Vulkan driver (libGLX_nvidia.so.0) needs libglvnd's dispatch library.
has_lib libGLdispatch.so.0 || LIBS="${LIBS:+$LIBS:}$HERE/lib/glvnd"
# Containerised GPU machines mount the driver's libraries here.
for dir in /usr/local/nvidia/lib64 /usr/local/nvidia/lib; do
  [ -d "$dir" ] && LIBS="${LIBS:+$LIBS:}$dir"
done
export LD_LIBRARY_PATH="${LIBS}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

if [ -z "${VK_DRIVER_FILES:-}" ] && [ -z "${VK_ICD_FILENAMES:-}" ]; then
  for icd in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd*.json /usr/share/vulkan/icd.d/nvidia_icd*.json \
    /etc/vulkan/icd.d/nvidia_icd*.json /usr/local/share/vulkan/icd.d/nvidia_icd*.json; do
    if [ -f "$icd" ]; then
      export VK_ICD_FILENAMES="$icd" VK_DRIVER_FILES="$icd"
      break
    fi
  done
fi
# The PyTorch peer needs a python3 that has torch: $PYTHON, else python3 on the PATH, else a known venv.
if [ -z "${PYTHON:-}" ]; then
  PYTHON=python3
  for candidate in python3 /opt/torch/.venv/bin/python3; do
    if "$candidate" -c 'import torch' > /dev/null 2>&1; then
      PYTHON="$candidate"
      break
    fi
  done
  export PYTHON
fi
echo "gpu-pack: LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-} VK_ICD_FILENAMES=${VK_ICD_FILENAMES:-} VK_DRIVER_FILES=${VK_DRIVER_FILES:-} PYTHON=$PYTHON results in $OUT_DIR"
if [ -n "${GPU_PACK_DRY_RUN:-}" ]; then
  exit 0
fi

WORK="$(mktemp -d /tmp/gpu-pack.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
gzip -dc "$HERE/node.gz" > "$WORK/node"
gzip -dc "$HERE/dawn.node.gz" > "$WORK/dawn.node"
gzip -dc "$HERE/check.mjs.gz" > "$WORK/check.mjs"
chmod +x "$WORK/node"
cp "$HERE/torch_peer.py" "$HERE/torch_speedrun.py" "$WORK/"
cp -r "$HERE/wasm" "$WORK/"
export DAWN_NODE_PATH="$WORK/dawn.node"
if command -v nvidia-smi > /dev/null 2>&1; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv > "$OUT_DIR/nvidia-smi.csv" 2>&1 || true
fi

cd "$WORK"
"$WORK/node" "$WORK/check.mjs" --data "$HERE/mnist" --out "$OUT_DIR" "$@" 2>&1 | tee "$OUT_DIR/gpu-check.log"
