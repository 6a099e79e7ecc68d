#!/usr/bin/env python3
"""Bracketed paste is switched on, and off again on every way out.

usage: pty_modes.py BINARY FILE
Runs the wizard on FILE in a pseudo-terminal three times, leaving by q,
SIGHUP and SIGTERM, and checks that what it sent turns bracketed paste on
(ESC [ ? 2004 h) and that the last word on it is off (ESC [ ? 2004 l).
Prints one line per way out; exit 1 on a failure.  (Standard library
only; the times are generous, for valgrind.)"""
import os, pty, select, signal, sys, time

binary, path = sys.argv[1], sys.argv[2]
ON, OFF = b"\x1b[?2004h", b"\x1b[?2004l"


def read_until(fd, done, limit):
    got, end = b"", time.monotonic() + limit
    while time.monotonic() < end and not done(got):
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            got += chunk
    return got


failures = 0
for way in ("q", "SIGHUP", "SIGTERM"):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        os.execvpe(binary, [binary, path], env)
    out = read_until(fd, lambda b: b"Category" in b and ON in b, 60)
    if way == "q":
        os.write(fd, b"q")
    else:
        os.kill(pid, getattr(signal, way))
    out += read_until(fd, lambda b: False, 60)  # until the pty closes
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    ok = ON in out and out.rfind(OFF) > out.rfind(ON)
    failures += not ok
    print(f"{way}: {'on, then off' if ok else 'NOT reset'} (exit {os.waitstatus_to_exitcode(status)})")
sys.exit(1 if failures else 0)
