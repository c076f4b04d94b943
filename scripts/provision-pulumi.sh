#!/usr/bin/env bash
# provision-pulumi.sh - build a Pulumi CLI + Node.js language host from Go
# modules, for machines where `pulumi` is not installed and get.pulumi.com is
# unreachable (the tests and the demo call this when `pulumi` is not on PATH).
#
# Usage
#   PATH="$(scripts/provision-pulumi.sh):$PATH"      # or:  . scripts/pulumi-env.sh
#
#   The last line of stdout is the bin directory; all progress goes to stderr.
#   The bin directory alone is not enough to run a program: the engine also
#   needs Node >= 22 (`node_modules/.bin/node`, the repo pins Node 24) on PATH.
#   Callers therefore put, in this order,
#     <bin dir> : <repo>/node_modules/.bin : <repo>/node_modules/@pulumi/pulumi
#   in front of PATH. The last entry holds the upstream
#   `pulumi-resource-pulumi-nodejs` shim that dynamic providers run through;
#   this script also drops an equivalent shim into the bin directory, because
#   the engine prefers that plugin next to the `pulumi` binary and warns
#   ("using ... from $PATH") on every run otherwise.
#   scripts/pulumi-env.sh does all of that plus PULUMI_HOME & friends.
#
# What gets built, and into where
#   ${EIAM_PULUMI_CACHE:-$HOME/.cache/pulumi-alicloud-eiam}/pulumi-<sdk>/bin
#   where <sdk> is the version of the installed @pulumi/pulumi. Once the
#   binaries exist a re-run only reads two package.json versions and stats
#   files (~0.1 s): no go invocation, no network.
#   Delete that directory to force a rebuild. BUILD-INFO next to bin/ records
#   which module versions were really compiled.
#
#   1. pulumi                  github.com/pulumi/pulumi/pkg/v3 cmd/pulumi
#   2. pulumi-language-nodejs  its own module since v3.69:
#                              github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
#                              (up to v3.68 it was a package inside sdk/v3)
#   3. pulumi-resource-random  github.com/pulumi/pulumi-random/provider/v4,
#                              only if @pulumi/random is installed (see below)
#
#   pkg/v3 (and the language host module) carry `replace` directives, which
#   `go install mod@version` refuses. So each binary is built from a throw-away
#   wrapper module in a temp dir: it requires the pinned modules and copies
#   their non-local replaces (local ones such as `sdk/v3 => ../sdk` are covered
#   by requiring that sibling module at the same version).
#
# Version fallbacks (why the built CLI may be older than @pulumi/pulumi)
#   The module proxy reachable from the development machines does not serve
#   everything proxy.golang.org has. Observed 2026-11 for @pulumi/pulumi 3.270.0:
#     - pkg/v3: .info/.mod are served for v3.260.0+, but the source .zip is
#       refused (403 "This module version is not available.") from v3.260.0
#       on; v3.259.0 is the newest whose source can be downloaded;
#     - sdk/nodejs/cmd/pulumi-language-nodejs/v3: refused at every version
#       tried (v3.50 .. v3.274).
#   The script therefore tries the exact SDK version first and then falls back:
#     CLI           -> EIAM_PULUMI_CLI_FALLBACK      (default v3.259.0)
#     language host -> EIAM_PULUMI_LANGHOST_FALLBACK (default v3.68.0, the last
#                      sdk/v3 release that still contained the host package)
#   An older CLI/host driving a newer Node SDK is the normal "user has not
#   upgraded the CLI yet" situation and works for what this repo does
#   (dynamic providers, stack outputs, TypeScript via the SDK's vendored
#   ts-node). A loud warning is printed whenever a fallback is used.
#
# Why pulumi-resource-random is not built here
#   - github.com/pulumi/pulumi-random/provider/v4 is refused by this proxy at
#     every version (403, including v4.21.2 matching @pulumi/random).
#   - Even from a complete proxy it would not build: provider/go.mod has
#       replace github.com/terraform-providers/terraform-provider-random/shim => ./shim
#     and ./shim is a nested module (its own go.mod), so it is cut out of the
#     provider's module zip and is not published under that path either.
#   The attempt is still made (so a better proxy, or a future layout, just
#   works); on failure the script says why, records it, and exits 0 with the
#   CLI + language host. If built, the binary lands in the bin dir: the engine
#   takes any `pulumi-resource-<name>` found on PATH in preference to
#   $PULUMI_HOME/plugins, so no plugin-cache install is needed.
#
# Environment
#   EIAM_PULUMI_CACHE              cache root (default ~/.cache/pulumi-alicloud-eiam)
#   EIAM_PULUMI_CLI_FALLBACK       see above
#   EIAM_PULUMI_LANGHOST_FALLBACK  see above
#   GOTOOLCHAIN, GOPROXY, GOMODCACHE, ... are honoured as usual.
#
# A first build takes ~4-5 minutes on 2 cores with a cold Go build cache (the
# CLI is nearly all of it), ~10 s when GOCACHE is warm; concurrent callers
# wait on a lock instead of building twice.

set -euo pipefail

log() { printf 'provision-pulumi: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sdk_pkg_json="$repo_root/node_modules/@pulumi/pulumi/package.json"
random_pkg_json="$repo_root/node_modules/@pulumi/random/package.json"

# Reads the top-level "version" of a package.json. node may not be on PATH yet
# (that is partly what our callers are setting up), so prefer the repo's own
# and fall back to the first "version" key, which npm writes at the top.
pkg_version() {
  local node_bin
  for node_bin in "$repo_root/node_modules/.bin/node" node; do
    if command -v "$node_bin" >/dev/null 2>&1; then
      "$node_bin" -p 'require(process.argv[1]).version' "$1" && return 0
    fi
  done
  sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$1" | head -n 1
}

[[ -f $sdk_pkg_json ]] || die "$sdk_pkg_json not found; run npm ci first"
sdk_version=$(pkg_version "$sdk_pkg_json")
[[ -n $sdk_version ]] || die "cannot read the version from $sdk_pkg_json"
random_version=""
if [[ -f $random_pkg_json ]]; then
  random_version=$(pkg_version "$random_pkg_json")
fi

cache_root=${EIAM_PULUMI_CACHE:-$HOME/.cache/pulumi-alicloud-eiam}
# The recipe suffix changes whenever what gets built changes (r2: the import
# backport below), so an older cache is rebuilt rather than reused.
build_recipe=r2
dest="$cache_root/pulumi-$sdk_version-$build_recipe"
bin="$dest/bin"

# "Done" means both required binaries exist and random was either built or
# recorded as unbuildable, so a finished cache never touches go again.
is_complete() {
  [[ -x $bin/pulumi && -x $bin/pulumi-language-nodejs && -x $bin/pulumi-resource-pulumi-nodejs ]] || return 1
  [[ -z $random_version || -x $bin/pulumi-resource-random || -f $dest/random-unavailable ]]
}

if is_complete; then
  printf '%s\n' "$bin"
  exit 0
fi

mkdir -p "$dest"

# A cold build runs for minutes inside single commands (go mod download, go
# build) that print nothing; a heartbeat line every EIAM_PROVISION_HEARTBEAT_S
# seconds (default 30) shows it is alive. Stopped on every exit path.
heartbeat_pid=""
start_heartbeat() {
  local every=${EIAM_PROVISION_HEARTBEAT_S:-30} t0
  t0=$(date +%s)
  (
    while sleep "$every"; do
      log "still working ($(($(date +%s) - t0))s so far; a cold build takes several minutes, then it is cached)"
    done
  ) &
  heartbeat_pid=$!
}
stop_heartbeat() {
  [[ -z $heartbeat_pid ]] || kill "$heartbeat_pid" 2>/dev/null || true
  heartbeat_pid=""
}
trap stop_heartbeat EXIT
log "the Pulumi CLI is not built yet: building it from Go modules into $dest (first use only)"
start_heartbeat

# Jest workers and the demo may race to provision; one builds, the rest wait.
exec 9>"$dest/.lock"
if command -v flock >/dev/null 2>&1; then
  if ! flock -n 9; then
    log "another process is provisioning $dest; waiting for it"
    flock 9
  fi
  if is_complete; then
    stop_heartbeat
    printf '%s\n' "$bin"
    exit 0
  fi
fi

command -v go >/dev/null 2>&1 || die "go is not on PATH; it is needed to build the Pulumi CLI"

# -mod=mod lets the wrapper modules resolve their go.sum on the fly; GOWORK=off
# keeps a developer's go.work from leaking into them.
export GOFLAGS=-mod=mod GOWORK=off

work=$(mktemp -d "${TMPDIR:-/tmp}/eiam-pulumi-build.XXXXXX")
trap 'stop_heartbeat; rm -rf "$work"' EXIT
staging="$work/out"
mkdir -p "$staging"
build_info=()

# Downloads mod@ver into the module cache. On success sets GOMOD_PATH and
# MOD_DIR; on failure logs the proxy's reason and returns 1. The source zip is
# fetched too, which is what actually fails on a filtering proxy.
GOMOD_PATH="" MOD_DIR=""
fetch_module() {
  local json err
  if ! json=$(cd "$work" && go mod download -json "$1" 2>/dev/null); then
    err=$(sed -n 's/^[[:space:]]*"Error": "\(.*\)",\{0,1\}$/\1/p' <<<"$json" | head -n 1)
    err=${err//'\n'/ }
    err=${err//'\t'/}
    log "  cannot fetch $1: ${err:-go mod download failed}"
    return 1
  fi
  GOMOD_PATH=$(sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p' <<<"$json")
  MOD_DIR=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$json")
}

# Prints the replace directives of a go.mod as "old[@ver] new[@ver]" lines,
# handling both the single-line and the block form; comments are dropped.
list_replaces() {
  awk '
    { sub(/\/\/.*/, "") }
    /^replace[ \t]*\(/ { inblock = 1; next }
    inblock && /^[ \t]*\)/ { inblock = 0; next }
    inblock || /^replace[ \t]/ {
      line = $0
      sub(/^replace[ \t]+/, "", line)
      n = split(line, side, "=>")
      if (n != 2) next
      nl = split(side[1], l, " "); nr = split(side[2], r, " ")
      old = (nl == 2) ? l[1] "@" l[2] : l[1]
      new = (nr == 2) ? r[1] "@" r[2] : r[1]
      print old, new
    }' "$1"
}

# Copies the non-local replaces of a dependency's go.mod into the wrapper
# module in the current directory. Local ones (=> ./x, ../x) are printed to
# stdout so the caller can decide whether they are covered.
mirror_replaces() {
  local old new
  while read -r old new; do
    case $new in
      .* | /*) printf '%s %s\n' "$old" "$new" ;;
      *) go mod edit -replace="$old=$new" ;;
    esac
  done < <(list_replaces "$1")
}

# new_wrapper DIR: an empty main module to hang requirements on.
new_wrapper() {
  mkdir -p "$1"
  (cd "$1" && go mod init eiam.local/pulumi-build >/dev/null 2>&1)
}

ldflags_for() {
  printf -- '-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=%s' "$1"
}

# Engines before the SDK's 3.268 send an import's Read no inputs, so a dynamic
# provider cannot find its serialized implementation (`__provider`) and every
# `import` of a dynamic resource fails (pulumi/pulumi#11279). Newer engines
# pass the declared inputs. When we must fall back to an older engine, build it
# from a copy of pkg/v3 whose ImportStep passes the program's inputs to Read,
# which is the one-line change that makes the SDK's import support work.
# Run inside the wrapper module directory; $1 is the pkg/v3 version.
backport_import_inputs() {
  local src
  src="$(go env GOMODCACHE)/github.com/pulumi/pulumi/pkg/v3@$1"
  [[ -f $src/resource/deploy/step.go ]] || { log "import backport: $src not found; building unpatched"; return 0; }
  rm -rf pkg-v3 && cp -r "$src" pkg-v3 && chmod -R u+w pkg-v3
  local step=pkg-v3/resource/deploy/step.go
  if ! grep -q 'ID:                    s.new.ImportID,' "$step"; then
    log "import backport: ImportStep.Read call not where expected in $1; building unpatched"
    rm -rf pkg-v3
    return 0
  fi
  sed -i 's/^\(\t*\)ID:                    s.new.ImportID,$/&\n\1Inputs:                s.new.Inputs,/' "$step"
  grep -q 'Inputs:                s.new.Inputs,' "$step" || die "import backport: patching $step failed"
  go mod edit -replace="github.com/pulumi/pulumi/pkg/v3=./pkg-v3"
  log "pulumi CLI: $1 patched so that import passes declared inputs to Read"
}

# ---------------------------------------------------------------------------
# 1. pulumi CLI
# ---------------------------------------------------------------------------
build_cli() {
  local candidates=("v$sdk_version" "${EIAM_PULUMI_CLI_FALLBACK:-v3.259.0}")
  local ver dir="$work/cli"
  for ver in "${candidates[@]}"; do
    log "pulumi CLI: trying github.com/pulumi/pulumi/pkg/v3@$ver"
    fetch_module "github.com/pulumi/pulumi/pkg/v3@$ver" || continue
    local pkg_gomod=$GOMOD_PATH
    fetch_module "github.com/pulumi/pulumi/sdk/v3@$ver" || continue
    local sdk_gomod=$GOMOD_PATH
    rm -rf "$dir"
    new_wrapper "$dir"
    (
      cd "$dir"
      go mod edit -require="github.com/pulumi/pulumi/pkg/v3@$ver" -require="github.com/pulumi/pulumi/sdk/v3@$ver"
      # pkg's only local replace is sdk/v3 => ../sdk, satisfied by the require above.
      mirror_replaces "$pkg_gomod" >/dev/null
      mirror_replaces "$sdk_gomod" >/dev/null
      [[ $ver == "v$sdk_version" ]] || backport_import_inputs "$ver"
      log "pulumi CLI: building $ver (a few minutes on a cold Go build cache)"
      go build -trimpath -ldflags "$(ldflags_for "$ver")" -o "$staging/pulumi" \
        github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
    ) || die "building the pulumi CLI $ver failed"
    [[ $ver == "v$sdk_version" ]] ||
      log "WARNING: pulumi CLI is $ver, older than @pulumi/pulumi $sdk_version (the proxy does not serve pkg/v3@v$sdk_version)"
    build_info+=("pulumi github.com/pulumi/pulumi/pkg/v3@$ver")
    [[ ! -d $dir/pkg-v3 ]] ||
      build_info+=("  with backport: ImportStep passes the declared inputs to Read (needed to import dynamic resources)")
    return 0
  done
  die "no buildable github.com/pulumi/pulumi/pkg/v3 version among: ${candidates[*]}"
}

# ---------------------------------------------------------------------------
# 2. pulumi-language-nodejs
# ---------------------------------------------------------------------------
build_langhost() {
  local dir="$work/langhost" ver
  local host_mod=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3

  # Preferred: the standalone module, which replaces pkg/v3 and sdk/v3 with
  # local paths, so both are required at the same version.
  ver="v$sdk_version"
  log "language host: trying $host_mod@$ver"
  if fetch_module "$host_mod@$ver"; then
    local host_gomod=$GOMOD_PATH
    if fetch_module "github.com/pulumi/pulumi/pkg/v3@$ver" && fetch_module "github.com/pulumi/pulumi/sdk/v3@$ver"; then
      local sdk_gomod=$GOMOD_PATH
      rm -rf "$dir"
      new_wrapper "$dir"
      (
        cd "$dir"
        go mod edit -require="$host_mod@$ver" \
          -require="github.com/pulumi/pulumi/pkg/v3@$ver" -require="github.com/pulumi/pulumi/sdk/v3@$ver"
        mirror_replaces "$host_gomod" >/dev/null
        mirror_replaces "$sdk_gomod" >/dev/null
        log "language host: building $ver"
        go build -trimpath -ldflags "$(ldflags_for "$ver")" -o "$staging/pulumi-language-nodejs" "$host_mod"
      ) || die "building pulumi-language-nodejs $ver failed"
      build_info+=("pulumi-language-nodejs $host_mod@$ver")
      return 0
    fi
  fi

  # Fallback: the last sdk/v3 release that still contained the host package.
  ver=${EIAM_PULUMI_LANGHOST_FALLBACK:-v3.68.0}
  local pkg=github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs
  log "language host: trying $pkg from sdk/v3@$ver"
  fetch_module "github.com/pulumi/pulumi/sdk/v3@$ver" ||
    die "no buildable pulumi-language-nodejs (tried $host_mod@v$sdk_version and sdk/v3@$ver)"
  local sdk_gomod=$GOMOD_PATH
  [[ -f $MOD_DIR/nodejs/cmd/pulumi-language-nodejs/main.go ]] ||
    die "sdk/v3@$ver has no nodejs/cmd/pulumi-language-nodejs; set EIAM_PULUMI_LANGHOST_FALLBACK to <= v3.68.0"
  rm -rf "$dir"
  new_wrapper "$dir"
  (
    cd "$dir"
    go mod edit -require="github.com/pulumi/pulumi/sdk/v3@$ver"
    mirror_replaces "$sdk_gomod" >/dev/null
    log "language host: building $ver"
    go build -trimpath -ldflags "$(ldflags_for "$ver")" -o "$staging/pulumi-language-nodejs" "$pkg"
  ) || die "building pulumi-language-nodejs from sdk/v3@$ver failed"
  log "WARNING: pulumi-language-nodejs is $ver, older than @pulumi/pulumi $sdk_version (the proxy does not serve $host_mod)"
  build_info+=("pulumi-language-nodejs $pkg@$ver")
}

# ---------------------------------------------------------------------------
# 3. pulumi-resource-random (optional)
# ---------------------------------------------------------------------------
# Returns 1 with the reason in RANDOM_WHY when it cannot be built.
RANDOM_WHY=""
build_random() {
  local mod=github.com/pulumi/pulumi-random/provider/v4 ver="v$random_version"
  local dir="$work/random" local_replaces
  log "random provider: trying $mod@$ver"
  if ! fetch_module "$mod@$ver"; then
    RANDOM_WHY="the Go module proxy does not serve $mod@$ver"
    return 1
  fi
  local gomod=$GOMOD_PATH
  rm -rf "$dir"
  new_wrapper "$dir"
  # set -e is off in here (we run under `if !`), hence the explicit checks.
  if ! (cd "$dir" && go mod edit -require="$mod@$ver"); then
    RANDOM_WHY="go mod edit -require=$mod@$ver failed"
    return 1
  fi
  # A local replace names a nested module (its own go.mod), and nested modules
  # are never part of the parent's module zip, so there is nothing to point
  # it at: this is where pulumi-random's `=> ./shim` ends the attempt.
  local_replaces=$(cd "$dir" && mirror_replaces "$gomod")
  if [[ -n $local_replaces ]]; then
    RANDOM_WHY="$mod@$ver has local replace(s) [$(tr '\n' ';' <<<"$local_replaces")] whose nested modules are not in its module zip"
    return 1
  fi
  log "random provider: building $ver"
  if ! (cd "$dir" && go build -trimpath \
    -ldflags "-s -w -X $mod/pkg/version.Version=$ver" \
    -o "$staging/pulumi-resource-random" "$mod/cmd/pulumi-resource-random"); then
    RANDOM_WHY="go build of $mod@$ver failed; see the log above"
    return 1
  fi
  build_info+=("pulumi-resource-random $mod@$ver")
}

# Our own copy of the dynamic-provider launcher that @pulumi/pulumi ships. It
# resolves the SDK from the working directory (the engine starts it in the
# program's directory), so one shared bin dir serves any checkout.
write_nodejs_shim() {
  cat >"$staging/pulumi-resource-pulumi-nodejs" <<'EOF'
#!/bin/sh
# Launches the dynamic-provider host of the @pulumi/pulumi that the current
# Pulumi program resolves (written by scripts/provision-pulumi.sh).
entry=$(node -e 'process.stdout.write(require.resolve("@pulumi/pulumi/cmd/dynamic-provider"))') || exit 1
exec node "$entry" "$@"
EOF
  chmod +x "$staging/pulumi-resource-pulumi-nodejs"
}

started=$SECONDS
log "provisioning Pulumi for @pulumi/pulumi $sdk_version into $dest ($(go version))"
build_cli
build_langhost
write_nodejs_shim
rm -f "$dest/random-unavailable"
if [[ -n $random_version ]]; then
  if ! build_random; then
    log "random provider NOT built: $RANDOM_WHY. Continuing without it; programs using @pulumi/random will fail to load the plugin."
    printf '%s\n' "$RANDOM_WHY" >"$dest/random-unavailable"
    build_info+=("pulumi-resource-random not built: $RANDOM_WHY")
  fi
fi

mkdir -p "$bin"
for f in "$staging"/*; do
  # Rename within the same filesystem so a concurrent reader never sees a
  # half-written binary.
  cp "$f" "$bin/.$(basename "$f").tmp"
  mv -f "$bin/.$(basename "$f").tmp" "$bin/$(basename "$f")"
done
{
  printf 'built %s for @pulumi/pulumi %s with %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$sdk_version" "$(go version)"
  printf '%s\n' "${build_info[@]}"
} >"$dest/BUILD-INFO"
stop_heartbeat
log "done in $((SECONDS - started))s:"
sed 's/^/  /' "$dest/BUILD-INFO" >&2

printf '%s\n' "$bin"
