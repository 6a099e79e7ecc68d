#!/usr/bin/env bash
# The valgrind test setup's wrapper. A compiled test runs under valgrind
# directly; a shell test runs as it is, and its tests/lib.sh puts valgrind
# around each tri-assess it starts (TRI_WRAP), so what is checked is
# tri-assess, not bash.
VALGRIND=(valgrind --quiet --error-exitcode=99 --leak-check=full
          --show-leak-kinds=definite,indirect,possible
          --errors-for-leak-kinds=definite,indirect,possible)
case "$(basename "$1")" in
bash|sh)
	export TRI_WRAP="${VALGRIND[*]}"
	# The 55-kill proof runs in the plain and sanitizer builds; under
	# valgrind (slow to start) a shorter run keeps the suite in budget.
	export TRI_KILLS=${TRI_KILLS:-12}
	exec "$@"
	;;
*)
	exec "${VALGRIND[@]}" "$@"
	;;
esac
