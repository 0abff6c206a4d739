"""Times statsmodels' SurvfuncRight (per group) + survdiff on the benchmark data.
Usage: python3 bench/peers/statsmodels_peer.py FILE N REPS ; prints the median seconds."""
import sys, time
import numpy as np
from statsmodels.duration.survfunc import SurvfuncRight, survdiff

path, n, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
a = np.fromfile(path, dtype="<f8")
t, e, g = a[:n], a[n:2 * n], a[2 * n:3 * n]

def one():
    f0 = SurvfuncRight(t[g == 0], e[g == 0])
    f1 = SurvfuncRight(t[g == 1], e[g == 1])
    d = survdiff(t, e, g)
    return f0, f1, d

one()
secs = []
for _ in range(reps):
    s = time.perf_counter(); one(); secs.append(time.perf_counter() - s)
print(sorted(secs)[len(secs) // 2])
