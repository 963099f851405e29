#!/usr/bin/env python3
"""Turns the measurements of scripts/bench.sh into its Markdown report (on stdout).

MB/s is the corpus size over the median wall time; MB per CPU·s over the mean user+system
time, which other processes on the machine disturb much less.

Usage: bench_report.py OUT_DIR MANY_DIR ONE_FILE RESOLUTION PATTERN_COUNT
"""

import json
import os
import re
import subprocess
import sys

# Targets of issue 8.
MB_PER_THREAD = 100
SHARE_OF_RG = 0.25
SCALING = 1.8
RSS_MANY_MB = 64
RSS_FILE_FACTOR = 3
RESOLUTION_MS = 5


def folder_bytes(folder):
    return sum(
        os.path.getsize(os.path.join(root, name))
        for root, _, names in os.walk(folder)
        for name in names
        if name.endswith(".txt")
    )


def medians(path):
    with open(path) as f:
        results = json.load(f)["results"]
    return {r["command"]: r for r in results}


def peak_rss_mb(path):
    with open(path) as f:
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
    return int(found.group(1)) / 1024 if found else float("nan")


def first_line(command):
    try:
        return subprocess.run(command, capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        return "?"


def machine(out):
    with open("/proc/cpuinfo") as f:
        cpu = re.search(r"model name\s*:\s*(.*)", f.read())
    with open("/proc/meminfo") as f:
        ram_kb = int(re.search(r"MemTotal:\s*(\d+)", f.read()).group(1))
    cores = os.cpu_count()
    with open(os.path.join(out, "loadavg")) as f:
        load = f.read().split()[0]
    commit = first_line(["git", "rev-parse", "--short", "HEAD"])
    return (
        f"Machine: {cores} cores (`nproc`: {first_line(['nproc'])}), "
        f"{cpu.group(1) if cpu else 'unknown CPU'}, {ram_kb / 1024 / 1024:.1f} GiB RAM · "
        f"coquille {commit} · {first_line(['rg', '--version'])} · "
        f"{first_line(['hyperfine', '--version'])} · load average {load} at the end"
        f"{busy_note(float(load), cores)}"
    )


def busy_note(load, cores):
    """A warning when other processes shared the CPU during the run."""
    if load < cores:
        return ""
    return (
        " (not below the core count: other processes shared the CPU, so wall times and "
        "scaling vary from run to run; CPU times hold)"
    )


def seconds(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


LABELS = {
    "cat": ("`cat` (the I/O floor)", 1),
    "rg-j1": ("`rg -j1`, {patterns} patterns", 1),
    "rg-j2": ("`rg -j2`, {patterns} patterns", 2),
    "coquille-j1": ("`coquille check --format json --jobs 1`", 1),
    "coquille-j2": ("`coquille check --format json --jobs 2`", 2),
}


def corpus_table(out, name, size, patterns):
    """The table of one corpus, and its figures by command."""
    results = medians(os.path.join(out, f"{name}.json"))
    figures = {}
    for command, result in results.items():
        figures[command] = {
            "median": result["median"],
            "mbps": size / 1e6 / result["median"],
            "cpu": result["user"] + result["system"],
            "rss": peak_rss_mb(os.path.join(out, f"{name}-{command}.time")),
        }
    rows = [
        "| command | threads | median wall | MB/s | coquille/rg | CPU (user+sys) | MB per CPU·s | peak RSS |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for command, (label, threads) in LABELS.items():
        f = figures[command]
        share = ""
        if command.startswith("coquille"):
            rg = figures[f"rg-j{threads}"]
            share = f"{f['mbps'] / rg['mbps']:.0%}"
        rows.append(
            f"| {label.format(patterns=patterns)} | {threads} | {seconds(f['median'])} "
            f"| {f['mbps']:.0f} | {share} | {seconds(f['cpu'])} | {size / 1e6 / f['cpu']:.0f} "
            f"| {f['rss']:.0f} MB |"
        )
    return "\n".join(rows), figures


def verdict(met):
    return "met" if met else "**missed**"


def main():
    out, many, one, resolution, patterns = sys.argv[1:6]
    many_bytes = folder_bytes(many)
    one_bytes = os.path.getsize(one)
    files = sum(len([n for n in names if n.endswith(".txt")]) for _, _, names in os.walk(many))
    many_table, m = corpus_table(out, "many", many_bytes, patterns)
    one_table, o = corpus_table(out, "one", one_bytes, patterns)
    end_to_end = medians(os.path.join(out, "resolution.json"))
    runs = len(medians(os.path.join(out, "many.json"))["cat"]["times"])
    print("### Benchmark (`scripts/bench.sh`)\n")
    print(machine(out) + f" · median of {runs} runs after a warm-up, page cache warm.\n")
    print(f"#### {files:,} generated resolutions ({many_bytes / 1e6:.1f} MB)\n")
    print(many_table + "\n")
    print(f"#### One generated resolution of {one_bytes / 1e6:.1f} MB\n")
    print(one_table + "\n")
    size_kb = os.path.getsize(resolution) / 1000
    print(
        f"#### One resolution end to end (`{resolution}`, {size_kb:.1f} KB, process start "
        f"included, `hyperfine -N`)\n"
    )
    print("| command | median | mean ± σ |\n|---|---|---|")
    names = {"cat": "`cat`", "rg": f"`rg`, {patterns} patterns", "coquille": "`coquille check --format json`"}
    for command, label in names.items():
        r = end_to_end[command]
        print(f"| {label} | {r['median'] * 1000:.2f} ms | {r['mean'] * 1000:.2f} ± {r['stddev'] * 1000:.2f} ms |")
    one_ms = end_to_end["coquille"]["median"] * 1000
    scaling = m["coquille-j1"]["median"] / m["coquille-j2"]["median"]
    shares = [f[f"coquille-j{t}"]["mbps"] / f[f"rg-j{t}"]["mbps"] for f in (m, o) for t in (1, 2)]
    cpu_shares = [f["rg-j1"]["cpu"] / f["coquille-j1"]["cpu"] for f in (m, o)]
    per_cpu = [size / 1e6 / f["coquille-j1"]["cpu"] for f, size in ((m, many_bytes), (o, one_bytes))]
    rss_factor = o["coquille-j2"]["rss"] * 1024 * 1024 / one_bytes
    print("\n#### Targets (issue 8)\n")
    print("| target | measured | |\n|---|---|---|")
    print(
        f"| ≥ {MB_PER_THREAD} MB/s per thread | {m['coquille-j1']['mbps']:.0f} MB/s (files), "
        f"{o['coquille-j1']['mbps']:.0f} MB/s (200 MB file), 1 thread; per CPU·s "
        f"{per_cpu[0]:.0f} and {per_cpu[1]:.0f} | "
        f"{verdict(min(m['coquille-j1']['mbps'], o['coquille-j1']['mbps']) >= MB_PER_THREAD)} |"
    )
    print(
        f"| ≥ {SHARE_OF_RG:.0%} of `rg` at equal threads | files {shares[0]:.0%} (1 thread), "
        f"{shares[1]:.0%} (2); 200 MB file {shares[2]:.0%} (1), {shares[3]:.0%} (2); by CPU "
        f"time, 1 thread: {cpu_shares[0]:.0%} and {cpu_shares[1]:.0%} | "
        f"{verdict(min(shares) >= SHARE_OF_RG)} |"
    )
    print(f"| 2 threads ≥ {SCALING}× 1 thread (files) | {scaling:.2f}× | {verdict(scaling >= SCALING)} |")
    print(
        f"| peak RSS ≤ {RSS_MANY_MB} MB (files) | {m['coquille-j2']['rss']:.0f} MB (2 threads) | "
        f"{verdict(m['coquille-j2']['rss'] <= RSS_MANY_MB)} |"
    )
    print(
        f"| peak RSS ≤ {RSS_FILE_FACTOR}× the file (200 MB file) | {o['coquille-j2']['rss']:.0f} MB "
        f"= {rss_factor:.1f}× | {verdict(rss_factor <= RSS_FILE_FACTOR)} |"
    )
    print(f"| one resolution < {RESOLUTION_MS} ms | {one_ms:.2f} ms | {verdict(one_ms < RESOLUTION_MS)} |")


if __name__ == "__main__":
    main()
