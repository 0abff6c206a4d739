#!/usr/bin/env bash
# Regenerates every reference fixture from R (4.2, survival 3.5) and Debian's statsmodels.
# Needs: apt-get install -y r-base-core r-cran-survival r-cran-jsonlite r-cran-cmprsk r-cran-survminer python3-statsmodels
# Run from anywhere: npm run fixtures. The tests read the committed JSON and never need R.
# Each layer keeps its own fixtures beside its tests: test/<layer>/fixtures/{r,python}/; every
# script writes its JSON beside itself. datasets.R (the shared datasets and writer) runs first.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=test/survival/fixtures/r/datasets.R
Rscript "$shared"
for f in test/*/fixtures/r/*.R; do
  [ "$f" = "$shared" ] || Rscript "$f"
done
for f in test/*/fixtures/python/*.py; do /usr/bin/python3 "$f"; done
