"""Memory of a command's processes over its run: does a long ingest's worker grow?

    python benchmarks/process_memory.py [--every 15] -- bilan ingest DOCS.jsonl.gz \
        --db x.db --workers 2
    python benchmarks/process_memory.py --every 30 --file REPORT.txt -- \
        bilan extract REPORT.txt --format jsonl

Every `--every` seconds, one line: the seconds since the start, then for the command's
process and each of its children and grandchildren (the extraction workers) its peak
and current RSS in MiB (VmHWM and VmRSS, Linux /proc). A memory that follows what was
read shows as a peak that keeps rising; a bounded one levels off. With `--file`, also the
command's CPU seconds and how far it has read that file (its offset, so including what
is read ahead): memory and time per MB read, without waiting for the end of a long run.
The last line gives each process's last seen peak and the command's exit code.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                # The command name may hold spaces: the fields that follow it are after ")".
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def memory(pid: int) -> tuple[int, int] | None:
    """Peak and current RSS of `pid` in MiB; None once it has ended."""
    values = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                name, _, rest = line.partition(":")
                if name in ("VmHWM", "VmRSS"):
                    values[name] = int(rest.split()[0]) // 1024
    except OSError:
        return None
    return (values["VmHWM"], values["VmRSS"]) if len(values) == 2 else None


def reading(pid: int, path: str) -> str:
    """CPU seconds of `pid` and the MB it has read of `path` (0 when it is not open)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        offset = 0
        for fd in os.listdir(f"/proc/{pid}/fd"):
            if os.readlink(f"/proc/{pid}/fd/{fd}") == path:
                with open(f"/proc/{pid}/fdinfo/{fd}") as info:
                    offset = int(info.readline().split()[1])
    except OSError:
        return ""
    return f"CPU {cpu:.1f} s, read {offset / 1e6:.2f} MB; "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=float, default=15.0, metavar="SECONDS")
    parser.add_argument("--file", help="also show how far the command has read this file")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peaks: dict[int, int] = {}
    while process.poll() is None:
        tree = [process.pid, *(kid for child in children(process.pid)
                               for kid in (child, *children(child)))]
        seen = []
        for pid in tree:
            if (rss := memory(pid)) is not None:
                peaks[pid] = rss[0]
                seen.append(f"{pid}: peak {rss[0]} now {rss[1]}")
        read = reading(process.pid, os.path.abspath(args.file)) if args.file else ""
        print(f"{time.monotonic() - started:7.0f} s  {read}" + "; ".join(seen), flush=True)
        time.sleep(args.every)
    print(f"exit {process.returncode} after {time.monotonic() - started:.0f} s; peaks (MiB): "
          + ", ".join(f"{pid} {peak}" for pid, peak in peaks.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
