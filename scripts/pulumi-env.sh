# shellcheck shell=bash
# pulumi-env.sh - source me (bash) to get a working, offline Pulumi toolchain:
#
#   . scripts/pulumi-env.sh && export PULUMI_BACKEND_URL="file://$PWD/.state"
#
# Provisions the CLI via scripts/provision-pulumi.sh (instant once cached) and
# exports:
#   PATH  <bin dir>:<repo>/node_modules/.bin:<repo>/node_modules/@pulumi/pulumi:...
#         - node_modules/.bin first so the engine runs the repo's Node 24, not
#           an older system node that @pulumi/pulumi rejects;
#         - @pulumi/pulumi for its pulumi-resource-pulumi-nodejs shim (the bin
#           dir carries an equivalent one, this is belt and braces).
#   PULUMI_HOME                  private dir under the provisioning cache, so
#                                a developer's ~/.pulumi (logins, plugins) is
#                                neither used nor modified
#   PULUMI_SKIP_UPDATE_CHECK     the update check calls pulumi.com
#   PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION
#                                never try get.pulumi.com for missing plugins;
#                                fail fast with a clear message instead
# It does NOT set PULUMI_CONFIG_PASSPHRASE: a fixed, published passphrase would
# protect nothing on a real stack created in this shell. When neither it nor
# PULUMI_CONFIG_PASSPHRASE_FILE is set it says so on stderr; pulumi then asks
# for one. The demo and the tests pass their own throw-away passphrase to the
# pulumi they run (scripts/lib/toolchain.js), and the demo prints it for its
# own stack only.
# PULUMI_BACKEND_URL is deliberately left alone: callers pick their state dir.
#
# Not `set -euo pipefail` here: this file runs inside the caller's shell and
# must not change its options. It returns non-zero if provisioning fails.

_eiam_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd) || return 1
# No pipe here: without pipefail in the caller's shell a pipe would hide a
# failed provisioning behind the success of `tail`.
if ! _eiam_bin=$("$_eiam_repo/scripts/provision-pulumi.sh"); then
  echo "pulumi-env.sh: provisioning failed" >&2
  unset _eiam_repo _eiam_bin
  return 1
fi
_eiam_bin=${_eiam_bin##*$'\n'} # the bin dir is the last line of stdout

# Prepend each entry once, so sourcing twice does not grow PATH.
for _eiam_dir in "$_eiam_repo/node_modules/@pulumi/pulumi" "$_eiam_repo/node_modules/.bin" "$_eiam_bin"; do
  case ":$PATH:" in
    *":$_eiam_dir:"*) ;;
    *) PATH="$_eiam_dir:$PATH" ;;
  esac
done
export PATH

export PULUMI_HOME="${EIAM_PULUMI_HOME:-${EIAM_PULUMI_CACHE:-$HOME/.cache/pulumi-alicloud-eiam}/pulumi-home}"
mkdir -p "$PULUMI_HOME"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
if [[ -z ${PULUMI_CONFIG_PASSPHRASE+set} && -z ${PULUMI_CONFIG_PASSPHRASE_FILE:-} && -z ${EIAM_QUIET_PASSPHRASE_NOTE:-} ]]; then
  echo "pulumi-env.sh: PULUMI_CONFIG_PASSPHRASE is not set, so pulumi will ask for a passphrase for stacks on a file backend." >&2
  echo "pulumi-env.sh: for the demo's throw-away stack only: export PULUMI_CONFIG_PASSPHRASE=eiam-local-only" >&2
fi

unset _eiam_repo _eiam_bin _eiam_dir
