"""Give large buffers back to the operating system as soon as they are freed.

glibc's malloc serves a request of 128 KB or more with a mapping of its own, unmapped
when freed, but after the first such free it raises that threshold (up to 32 MB), so
later multi-megabyte buffers come from the heap, and a freed one there mostly stays in
the process. A loader that decodes and parses one 5 MB file after another then grows
by fragmentation, file after file. Fixing the threshold keeps every buffer of a
megabyte or more in its own mapping, so the resident memory stays flat.
"""

import ctypes
import ctypes.util

M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's malloc.h
LARGE_BUFFER = 1024 * 1024


def return_large_buffers() -> None:
    """Fix glibc's mmap threshold at ``LARGE_BUFFER`` for this process (elsewhere a no-op)."""
    try:
        mallopt = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc
        return
    mallopt(M_MMAP_THRESHOLD, LARGE_BUFFER)
