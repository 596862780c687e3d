# Sourced by scripts/run and scripts/test: installs the Debian packages IPC Lab
# needs, only those missing, so a second call costs a dpkg query and nothing more.
IPCLAB_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libyaml-cpp-dev libgtest-dev libgmock-dev libbenchmark-dev
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  xvfb xauth fonts-noto-cjk
  procps grep coreutils
)

ipclab_install_deps() {
  local missing=()
  local p
  for p in "${IPCLAB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
