#!/usr/bin/env bash
# The Debian package as council IT gets it: built with dpkg-buildpackage
# from a copy of the source tree (never inside it), checked by lintian,
# unpacked into a scratch root, and run from there.
# usage: deb.sh SOURCE_DIR VERSION (the project's meson version).
# Skipped (77) where the packaging tools are not installed.
. "$(dirname "$0")/../lib.sh"

src=${1:?usage: deb.sh SOURCE_DIR VERSION}
version=${2:?usage: deb.sh SOURCE_DIR VERSION}
for tool in dpkg-buildpackage dpkg-checkbuilddeps dh lintian; do
	if ! command -v "$tool" >/dev/null; then
		echo "$tool is not installed (scripts/dev installs it): skipped"
		exit 77
	fi
done

# copy_source DEST: the files of the source tree a clean clone would have,
# plus new ones not yet committed; nothing ignored (build directories).
copy_source() {
	local dest=$1
	mkdir -p "$dest"
	if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		(cd "$src" && git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do
				# a tracked file deleted in the work tree is not copied
				if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi
			done | tar --null -T - -cf -) | tar -C "$dest" -xf -
	else
		tar -C "$src" --exclude=./.git --exclude=./build --exclude='./build-*' \
			--exclude='./obj-*' -cf - . | tar -C "$dest" -xf -
	fi
}

started=$SECONDS
tree="$WORK/tri-assess-$version"
copy_source "$tree" || { fail "could not copy $src"; finish; }
changelog_version=$(cd "$tree" && dpkg-parsechangelog -S Version)
if [ "$changelog_version" != "$version" ]; then
	fail "debian/changelog's version is $changelog_version, meson.build's $version"
	finish
fi
expect_contains "the man page names the project's version" "\"tri-assess $version\"" \
	"$(head -n 1 "$tree/docs/tri-assess.1")"

# The source package (from the clean copy, before a build dirties it), so
# that lintian checks debian/control, debian/rules and debian/copyright too.
(cd "$WORK" && dpkg-source -b "$(basename "$tree")") >"$WORK/source.log" 2>&1 ||
	fail "dpkg-source -b failed: $(cat "$WORK/source.log")"

# Build: as a package builder would, with every core busy.
if ! (cd "$tree" && DEB_BUILD_OPTIONS="parallel=$(nproc)" \
	dpkg-buildpackage -us -uc -b) >"$WORK/build.log" 2>&1; then
	fail "dpkg-buildpackage -us -uc -b failed; its log ends:"
	tail -n 40 "$WORK/build.log" >&2
	finish
fi
pass
build_seconds=$((SECONDS - started))
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
deb="$WORK/tri-assess_${version}_$arch.deb"
changes="$WORK/tri-assess_${version}_$arch.changes"
if [ ! -f "$deb" ]; then
	fail "no $deb; dpkg-buildpackage wrote: $(ls "$WORK")"
	finish
fi
if grep -q "meson test --suite unit" "$WORK/build.log"; then pass
else fail "the package build did not run the unit tests (debian/rules)"; fi

# lintian on the .changes checks it, the .buildinfo and every .deb it
# names; on the .dsc, the source. Any error or warning fails; info and
# pedantic tags are printed.
lintian --fail-on error,warning --display-info --pedantic "$changes" \
	"$WORK/tri-assess_$version.dsc" >"$WORK/lintian" 2>&1
expect_eq "lintian exit status (any error or warning fails)" 0 "$?"
if grep -qv '^running with root privileges is not recommended!$' "$WORK/lintian"; then
	echo "lintian says:"
	cat "$WORK/lintian"
fi

# What the package holds: every file under a place that is ours.
root="$WORK/root"
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x $deb"
while IFS= read -r path; do
	case "$path" in
	./usr/bin/tri-assess | ./usr/share/man/man1/tri-assess.1.gz) pass ;;
	./usr/share/tri-assess/celc-v14/*.csv | ./usr/share/doc/tri-assess/*) pass ;;
	./usr/share/bash-completion/completions/tri-assess) pass ;;
	*) fail "unexpected file in the package: $path" ;;
	esac
done < <(cd "$root" && find . ! -type d | sort)
completion="$root/usr/share/bash-completion/completions/tri-assess"
if [ -f "$completion" ]; then pass; else fail "no bash completion in the package"; fi
expect_contains "Depends: ncurses (shlibs)" "libncursesw6" "$(dpkg-deb -f "$deb" Depends)"
expect_contains "Depends: libcsv (shlibs)" "libcsv3" "$(dpkg-deb -f "$deb" Depends)"

# The man page, as written.
expect_eq "man page installed as written" "$(cat "$src/docs/tri-assess.1")" \
	"$(gzip -dc "$root/usr/share/man/man1/tri-assess.1.gz")"

# Every file of the Standard, byte for byte, in one framework directory.
installed_data="$root/usr/share/tri-assess/celc-v14"
for f in "$src"/data/*.csv; do
	if cmp -s "$f" "$installed_data/$(basename "$f")"; then pass
	else fail "data/$(basename "$f") is not installed as $installed_data/$(basename "$f")"; fi
done

# The installed program runs, hardened, on real input.
bin="$root/usr/bin/tri-assess"
bash "$src/tests/static/hardening.sh" "$bin" >"$WORK/hardening" ||
	fail "the packaged binary is not hardened: $(grep FAIL "$WORK/hardening")"
run "$bin" --version
expect_eq "--version exit" 0 "$RC"
expect_contains "--version names the package's version" "tri-assess $version" "$OUT"
run "$bin" --bash-completion
expect_eq "the packaged completion is the program's own" "$OUT" "$(cat "$completion")"
# (the exact line is cli_commands' business; here: it runs and scores)
run "$bin" score "$DATA/worked-example.csv"
expect_eq "score exit" 0 "$RC"
expect_contains "the Standard's worked example: 15 of 22" "15 / 22" \
	"$(grep 'Strategic Leadership and Management' <<<"$OUT")"
run "$bin" score --csv "$DATA/worked-example.csv"
expect_contains "the Standard's worked example: 15, established" \
	",1,Strategic Leadership and Management,15,22,established" "$OUT"

# The installed data is a framework --framework loads, and it is the
# Standard compiled into the program.
run "$bin" --framework "$installed_data" score --csv "$DATA/worked-example.csv"
expect_eq "score --framework (installed data) exit" 0 "$RC"
expect_contains "installed data scores the worked example" \
	"Strategic Leadership and Management,15,22,established" "$OUT"
run "$bin" validate --csv
builtin=$OUT
run "$bin" --framework "$installed_data" validate --csv
expect_eq "validate --framework (installed data) exit" 0 "$RC"
expect_eq "installed data validates as the built-in Standard" "$builtin" "$OUT"
run "$bin" criteria --csv
builtin=$OUT
run "$bin" --framework "$installed_data" criteria --csv
expect_eq "installed data lists the built-in Standard's criteria" "$builtin" "$OUT"

echo "package built in ${build_seconds}s, checked in $((SECONDS - started))s"
finish
