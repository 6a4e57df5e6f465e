#!/usr/bin/env python3
"""Aggregates a JFR recording's CPU samples (JDK 17 has no `jfr view`).

  bench/jfr-summary.py rec.jfr                          threads, hottest frames (self), hottest com.siyumall frames (inclusive)
  bench/jfr-summary.py rec.jfr --share A B ...          share of samples with a frame containing each substring
  bench/jfr-summary.py rec.jfr --children Method.name   what the outermost frame matching it spends, by direct callee

Stacks deeper than JFR's stack depth (64 by default) are cut at the outer end, so outer frames are under-counted;
start the recording with -XX:FlightRecorderOptions:stackdepth=256 when that matters.
"""
import collections
import json
import subprocess
import sys


def samples(path):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        frames = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in (values["stackTrace"] or {}).get("frames", [])]
        yield thread.rstrip("0123456789-"), frames


def main(argv):
    path, rest = argv[1], argv[2:]
    all_samples = list(samples(path))
    n = len(all_samples) or 1
    pct = lambda c: f"{c * 100 / n:5.1f}%"
    print("samples", len(all_samples))
    if rest[:1] == ["--share"]:
        for text in rest[1:]:
            print(pct(sum(1 for _, frames in all_samples if any(text in f for f in frames))), text)
    elif rest[:1] == ["--children"]:
        target, callees, total = rest[1], collections.Counter(), 0
        for _, frames in all_samples:
            at = [i for i, f in enumerate(frames) if target in f]
            if at:
                total += 1
                outer = max(at)
                callees[frames[outer - 1] if outer > 0 else "(self)"] += 1
        print(pct(total), target)
        for callee, count in callees.most_common(25):
            print("  ", pct(count), callee)
    else:
        threads, self_time, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
        for thread, frames in all_samples:
            threads[thread] += 1
            if frames:
                self_time[frames[0]] += 1
            for frame in set(frames):
                if frame.startswith("com/siyumall"):
                    inclusive[frame] += 1
        print("== threads")
        for thread, count in threads.most_common(10):
            print(pct(count), thread)
        print("== self")
        for frame, count in self_time.most_common(25):
            print(pct(count), frame)
        print("== com.siyumall, inclusive")
        for frame, count in inclusive.most_common(30):
            print(pct(count), frame)


if __name__ == "__main__":
    main(sys.argv)
