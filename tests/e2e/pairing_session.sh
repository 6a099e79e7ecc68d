#!/usr/bin/env bash
# The pairing session (issue 13): a self-assessment and a peer review of
# one organisation, differing on 13 criteria with evidence and notes on
# both sides.  The wizard opens on the comparison overview (both scores
# and levels, differing and resolved counts), > and < go to the next and
# previous open disagreement across categories, both sides' evidence shows
# at 80x24 and at 140x40, adopt, keep, a moderated level and agree to
# differ are each recorded with a remark, h shows the history; plain mode
# has the same actions as commands.
. "$(dirname "$0")/../lib.sh"

cp "$DATA/moderation/camden-self.csv" "$WORK/self.csv"
cp "$DATA/moderation/camden-peer.csv" "$WORK/peer.csv"
peer_before=$(sha256sum <"$WORK/peer.csv")
field() { # FILE ID COLUMN
	python3 -c 'import csv,sys; print(next(r[sys.argv[3]] for r in csv.DictReader(open(sys.argv[1], newline="")) if r["criterion_id"] == sys.argv[2]))' "$@"
}

for size in 80x24 140x40; do
	cp "$DATA/moderation/camden-self.csv" "$WORK/self.csv"
	tui_start "$size" xterm-256color C.UTF-8 "$BIN" --compare "$WORK/peer.csv" \
		--who "A. Facilitator" "$WORK/self.csv"
	# the comparison overview
	wait_for "Pairing session: London Borough of Camden"
	wait_for "Compared with London Borough of Camden: peer review, 2026-11-24, by B. Reviewer"
	wait_for "   Self-assessment         Peer review             Disagreements"
	wait_for "   15/22 Established       16/22 Established       0/6 resolved"
	wait_for "   2/15 Developing so far  3/15 Established so far 0/1 resolved"
	wait_for "   0/27 not assessed       0/27 not assessed       agree"
	wait_for "All categories: 13 disagreements, 0 resolved, 13 open."
	# > : the first open disagreement, both levels and both sides' evidence
	keys ">"
	wait_for "── 1.1 "
	wait_for "1.1: open disagreement 1 of 13."
	wait_for "Peer review: 16 Established"
	wait_for "(*) 1 Developing:"
	wait_for "3 Leading (Peer review's level):"
	wait_for "Peer   3!   1!   2    2    3!   2!   3!   0!"
	wait_for "Self-assessment: Evidence: SELF-EV-1."
	wait_for "Peer review: Evidence: PEER-EV-1.1"
	if [ "$size" = 140x40 ]; then # side by side, in full
		wait_for "Self-assessment: Evidence: SELF-EV-1.1: minutes of the race equality"
		wait_for "Peer review: Evidence: PEER-EV-1.1: interviews with staff networks |"
		wait_for "Notes: SELF-NOTE-1.1"
		wait_for "Notes: PEER-NOTE-1.1"
	fi
	keys q
	wait_for "EXITED=0"
done

# The decisions, at 80x24.
cp "$DATA/moderation/camden-self.csv" "$WORK/self.csv"
tui_start 80x24 xterm-256color C.UTF-8 "$BIN" --compare "$WORK/peer.csv" --who "A. Facilitator" \
	"$WORK/self.csv"
wait_for "Pairing session"
keys ">"
wait_for "── 1.1 "
# a moderated level: m, then 2, then the remark
keys m
wait_for "Moderate 1.1: k keep yours, 0-3 agreed level, d differ, Esc cancel:"
keys 2
wait_for "1.1: moderated to Established. Remark (Ctrl-G: take back):"
keys "agreed in the room" Enter
wait_for "1.1: moderated to Established (recorded in its history)."
expect_eq "moderated: level" established "$(field "$WORK/self.csv" 1.1 level)"
expect_eq "moderated: resolution" moderated "$(field "$WORK/self.csv" 1.1 resolution)"
expect_contains "moderated: history" "| A. Facilitator | developing -> established | moderated: agreed in the room" \
	"$(field "$WORK/self.csv" 1.1 history)"
# > goes on to the next open one; keep
keys ">"
wait_for "1.2: open disagreement 1 of 12."
keys m k
wait_for "1.2: kept Established. Remark (Ctrl-G: take back):"
keys "board minutes" Enter
wait_for "1.2: kept Established (recorded in its history)."
expect_eq "kept: resolution" kept "$(field "$WORK/self.csv" 1.2 resolution)"
expect_contains "kept: history" "| established -> established | kept: board minutes" "$(field "$WORK/self.csv" 1.2 history)"
# adopt
keys ">"
wait_for "1.5: open disagreement 1 of 11."
keys a
wait_for "Adopted. Remark (Ctrl-G: take back):"
keys "their interviews show it" Enter
wait_for "1.5: adopted Leading (recorded in its history)."
expect_eq "adopted: level" leading "$(field "$WORK/self.csv" 1.5 level)"
expect_eq "adopted: resolution" adopted "$(field "$WORK/self.csv" 1.5 resolution)"
expect_contains "adopted: history" "| established -> leading | adopted: their interviews show it" \
	"$(field "$WORK/self.csv" 1.5 history)"
# adopting where both agree records nothing, and says so
keys k k
wait_for "── 1.3 "
keys a
wait_for "1.3: both sides say Established; nothing recorded."
expect_eq "agreeing row: nothing recorded" "" "$(field "$WORK/self.csv" 1.3 history)"
# agree to differ
keys ">"
wait_for "1.6: open disagreement 1 of 10."
keys m d
wait_for "1.6: agreed to differ, Leading vs Established. Remark (Ctrl-G: take back):"
keys "different evidence seen" Enter
wait_for "1.6: agreed to differ, Leading vs Established (recorded in its history)."
expect_eq "differ: resolution" differ "$(field "$WORK/self.csv" 1.6 resolution)"
expect_contains "differ: history" "| leading -> leading | differ: different evidence seen" \
	"$(field "$WORK/self.csv" 1.6 history)"
# Ctrl-G takes a decision back
keys ">"
wait_for "1.7: open disagreement 1 of 9."
keys m k
wait_for "Remark (Ctrl-G: take back):"
keys C-g
wait_for "Took back the decision for 1.7."
expect_eq "Ctrl-G: open again" "" "$(field "$WORK/self.csv" 1.7 resolution)"
# A follower in a second tmux session (the peer reviewer's laptop) sees
# the driver's decision and position, and cannot change anything.
tmux -L "$SOCKET" new-session -d -s f -x 80 -y 24 \
	"env TERM=screen LANG=C.UTF-8 LC_ALL=C.UTF-8 $(printf '%q ' "$BIN" --follow --compare "$WORK/peer.csv" "$WORK/self.csv"); sleep 600"
fscreen() { tmux -L "$SOCKET" capture-pane -p -t f; }
fwait_for() {
	local deadline=$((SECONDS + 10))
	while [ $SECONDS -le $deadline ]; do
		fscreen | grep -qF -- "$1" && { pass; return 0; }
		sleep 0.05
	done
	fail "follower: timed out waiting for [$1]; screen was:"
	fscreen >&2
}
fwait_for "READ-ONLY (following)"
fwait_for "── 1.7 "
keys a
wait_for "Adopted. Remark (Ctrl-G: take back):"
keys "seen their minutes" Enter
wait_for "1.7: adopted Leading (recorded in its history)."
fwait_for "Level  2    2    2    2    3    3    3    3"
fwait_for "Peer   3!   1!   2    2    3    2!   3    0!"
keys j
wait_for "── 1.8 "
fwait_for "── 1.8 "
tmux -L "$SOCKET" send-keys -t f a
fwait_for "Refused: self.csv is read-only (following)"
tmux -L "$SOCKET" kill-session -t f
# < goes back across categories: from 1.8 the previous open one is 7.1
keys "<"
wait_for "7.1: open disagreement 8 of 8."
wait_for "Category 7 of 7"
# h: the history on screen
keys "<"
wait_for "── 5.1 "
keys g
wait_for "All categories: 13 disagreements, 5 resolved, 8 open."
wait_for "Moderation in progress; moderators A. Facilitator; last decision"
wait_for "   20/22 Leading           16/22 Established       5/6 resolved"
keys 1 Enter
wait_for "── 1.1 "
keys h
wait_for "History of 1.1"
wait_for "Self-assessment: Established    Peer review: Leading    moderated"
wait_for "Peer review's evidence:"
wait_for "PEER-EV-1.1: interviews with staff networks"
wait_for "| A. Facilitator | developing -> established | moderated:"
wait_for "     agreed in the room"
keys q
wait_for "── 1.1 "
keys q
wait_for "EXITED=0"
expect_eq "the peer review is never written" "$peer_before" "$(sha256sum <"$WORK/peer.csv")"
expect_eq "the moderation's details" "A. Facilitator in_progress" \
	"$(field "$WORK/self.csv" 1.1 moderators) $(field "$WORK/self.csv" 1.1 moderation_status)"

# compare keeps the resolved rows and their history
run "$BIN" compare "$WORK/self.csv" "$WORK/peer.csv"
expect_contains "compare: the adopted row, agreeing now" \
	"1.5   Self-assessment: Leading        Peer review: Leading        adopted" "$OUT"
expect_contains "compare: its history" "adopted: their interviews show it" "$OUT"

# Plain mode: the same actions as commands.
cp "$DATA/moderation/camden-self.csv" "$WORK/self.csv"
# (a decision moves on to the next row, as a level does)
OUT=$(printf '%s\n' 'm k board minutes' 'a their interviews' 'a' '>' 'm 2 agreed' 'm d we differ' \
	'g 1.6' 'h' 'm' q |
	TERM=dumb "$BIN" --compare "$WORK/peer.csv" --who "B. Plain" "$WORK/self.csv" 2>&1)
expect_contains "plain: starts at the first open disagreement" \
	"Pairing session: the first open disagreement; > the next." "$OUT"
expect_contains "plain: 1.1 first" "Category 1 of 7: Strategic Leadership and Management"$'\n'"Executive leaders use their influence on people, organisations and external stakeholders to push forward diversity and inclusion agendas. They create systems of clear accountability and evaluation of impact."$'\n'"Score ranges: Developing 0-10, Established 11-18, Leading 19-22"$'\n\n'"1.1 (now: Developing)" "$OUT"
expect_contains "plain: >" "1.5: open disagreement 1 of 11." "$OUT"
expect_contains "plain: both sides' evidence" "Peer review's evidence: PEER-EV-1.1: interviews with staff networks" "$OUT"
expect_contains "plain: the peer's notes" "Peer review's notes: PEER-NOTE-1.1" "$OUT"
expect_contains "plain: where the row stands" "Peer review: Leading (open: a adopts it, m moderates)" "$OUT"
expect_contains "plain: keep" "1.1: kept Developing (recorded in its history)." "$OUT"
expect_contains "plain: adopt" "1.2: adopted Developing (recorded in its history)." "$OUT"
expect_contains "plain: adopt where both agree" "1.3: both sides say Established; nothing recorded." "$OUT"
expect_contains "plain: moderated" "1.5: moderated to Established (recorded in its history)." "$OUT"
expect_contains "plain: differ" "1.6: agreed to differ, Leading vs Established (recorded in its history)." "$OUT"
expect_contains "plain: h" "| B. Plain | leading -> leading | differ: we differ" "$OUT"
expect_contains "plain: m without a decision" '"m ": expected m k (keep yours)' "$OUT"
expect_eq "plain: keep's remark" "kept: board minutes" "$(field "$WORK/self.csv" 1.1 history | sed 's/.*| //')"
expect_eq "plain: the peer review is never written" "$peer_before" "$(sha256sum <"$WORK/peer.csv")"
finish
