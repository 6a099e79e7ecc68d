#!/usr/bin/env bash
# The binary is built hardened: PIE, full RELRO (BIND_NOW), stack protector,
# _FORTIFY_SOURCE. Checked on the built file, not on the flags we meant.
bin=${1:?usage: hardening.sh BINARY}
status=0
check() { # what, command...
	local what=$1; shift
	if "$@" >/dev/null 2>&1; then echo "ok: $what"; else echo "FAIL: $what"; status=1; fi
}
check "PIE (ELF type DYN)" bash -c "readelf -h '$bin' | grep -q 'Type:.*DYN'"
check "RELRO segment" bash -c "readelf -lW '$bin' | grep -q GNU_RELRO"
check "BIND_NOW (full RELRO)" bash -c "readelf -dW '$bin' | grep -Eq 'BIND_NOW|FLAGS_1.*NOW'"
check "stack protector" bash -c "readelf -sW '$bin' | grep -q __stack_chk_fail"
check "_FORTIFY_SOURCE (*_chk calls)" bash -c "readelf -sW '$bin' | grep -Eq '__(s?n?printf|memcpy|memmove|fprintf|read|vsnprintf)_chk'"
check "no executable stack" bash -c "readelf -lW '$bin' | grep GNU_STACK | grep -qv RWE"
exit $status
