#!/bin/sh
# System programs the tests drive, from Debian's registry: headless Chromium
# (the visualisation page) and raptor's rapper (an independent RDF parser for
# the exports). The oxigraph server and playwright come from the test extra.
# Installs only what is missing; needs root (or sudo) when something is.
set -eu
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v rapper >/dev/null 2>&1 || need="$need raptor2-utils"
[ -z "$need" ] && exit 0
as_root=""
[ "$(id -u)" -eq 0 ] || as_root="sudo"
$as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends $need >/dev/null
