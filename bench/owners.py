"""Reads `jfr print --json --events jdk.ExecutionSample` on stdin and prints the share of samples per owner
(bench/owners.txt: the first frame from the top whose class is not the JDK's decides) and the hottest top frames."""
import collections
import json
import sys

JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")


def owners(path):
    table = []
    for line in open(path):
        line = line.strip()
        if line and not line.startswith("#"):
            *name, prefix = line.split()
            table.append((" ".join(name), prefix))
    return table


def main():
    table = owners(sys.argv[1])
    events = json.load(sys.stdin)["recording"]["events"]
    counts, tops = collections.Counter(), collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        owner = "jdk only"
        for name in names:
            if name.startswith(JDK):
                continue
            owner = next((label for label, prefix in table if name.startswith(prefix)), "other: " + name.rsplit(".", 2)[0])
            break
        counts[owner] += 1
        if names:
            tops[names[0]] += 1
    total = sum(counts.values())
    print(f"{total} execution samples")
    for owner, count in counts.most_common(25):
        print(f"  {100 * count / total:5.1f} %  {owner}")
    print("hottest top frames:")
    for name, count in tops.most_common(15):
        print(f"  {100 * count / total:5.1f} %  {name}")


main()
