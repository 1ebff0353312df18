"""What a query process may not do: open network connections, or grow past
a memory budget.

This is the second wall behind the checker in safety.py. The checker reads
a query with rdflib's grammar and the engine runs it with pyoxigraph's, so a
difference between the two parsers could hide a SERVICE from the checker
(issue 15: an escape that each read differently). pyoxigraph has no switch
for SERVICE and is written in Rust, so patching Python's socket module would
not stop it; a query process therefore moves into a network namespace of its
own, which holds only a loopback interface that is down: every connect()
fails with "network unreachable", whatever the query says. Root gets the
namespace directly; other users through a user namespace (allowed only in a
single-threaded process, which a forked child is). Where neither works (no
Linux namespaces), the checker is the only wall, and `network_cut()` says so.

The memory budget is an address-space limit (RLIMIT_AS) set in the child at
what it already maps plus the budget, so a query that builds huge strings or
sorts a cartesian product fails inside its own process (a Rust allocation
failure aborts it; Python raises MemoryError) instead of taking the machine.
"""
from __future__ import annotations

import ctypes
import os

_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000
DEFAULT_MEMORY = 2 << 30  # bytes a query may add to what its process maps when it starts


def cut_network() -> bool:
    """Move this process into an empty network namespace; True if it worked.
    Call only in a forked child: the whole process loses the network."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # libc is loaded already; find_library would run ldconfig
        unshare = libc.unshare
    except (OSError, AttributeError):  # not Linux
        return False
    if unshare(_CLONE_NEWNET) == 0:
        return True
    uid, gid = os.getuid(), os.getgid()
    if unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        return False
    _map_ids(uid, gid)  # keep the same uid inside, so the store's files stay readable
    return True


def _map_ids(uid: int, gid: int) -> None:
    try:
        with open("/proc/self/setgroups", "w") as handle:
            handle.write("deny")
        with open("/proc/self/uid_map", "w") as handle:
            handle.write(f"{uid} {uid} 1")
        with open("/proc/self/gid_map", "w") as handle:
            handle.write(f"{gid} {gid} 1")
    except OSError:
        pass  # unmapped ids read as nobody; the files were opened before the fork


def limit_memory(budget: int | None) -> None:
    """Cap this process's address space at what it maps now plus `budget` bytes."""
    if budget is None:
        return
    try:
        import resource
    except ImportError:  # not Unix
        return
    limit = _mapped_bytes() + budget
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def _mapped_bytes() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


_probe: bool | None = None


def network_cut() -> bool:
    """Whether a query process on this machine can be cut off the network
    (measured once, in a throwaway child)."""
    global _probe
    if _probe is None:
        if not hasattr(os, "fork"):
            _probe = False
            return _probe
        pid = os.fork()
        if pid == 0:
            os._exit(0 if cut_network() else 1)
        _, status = os.waitpid(pid, 0)
        _probe = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    return _probe


def confine(memory: int | None) -> None:
    """Everything a query child does before it reads its first query."""
    cut_network()
    limit_memory(memory)
