"""Child processes as /proc shows them: tests that fork workers check that
none is left behind (a zombie is a leak too)."""
from __future__ import annotations

import os
import time


def children_of(parent: int) -> set[int]:
    """The processes whose parent is `parent`, zombies included."""
    found = set()
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as stat:
                if int(stat.read().rsplit(")", 1)[1].split()[1]) == parent:
                    found.add(int(entry))
        except OSError:
            continue
    return found


def ended(pid: int, within: float = 10.0) -> bool:
    """True once `pid` has exited: no such process, or a zombie that is not
    ours to reap (our own zombie is a process we failed to wait for)."""
    stop = time.monotonic() + within
    while time.monotonic() < stop:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z" and pid not in children_of(os.getpid()):
                    return True
        except OSError:
            return True
        time.sleep(0.05)
    return False
