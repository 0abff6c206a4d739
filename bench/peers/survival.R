# Times R's survfit (per group) + survdiff on the benchmark data written by bench/survival.bench.ts.
# Usage: Rscript bench/peers/survival.R FILE N REPS ; prints the median seconds.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]; n <- as.integer(args[2]); reps <- as.integer(args[3])
con <- file(file, "rb")
time <- readBin(con, "double", n); event <- readBin(con, "double", n); group <- readBin(con, "double", n)
close(con)
one <- function() {
  f0 <- survfit(Surv(time[group == 0], event[group == 0]) ~ 1)
  f1 <- survfit(Surv(time[group == 1], event[group == 1]) ~ 1)
  d <- survdiff(Surv(time, event) ~ group)
  invisible(list(f0, f1, d))
}
one()
secs <- replicate(reps, system.time(one())[["elapsed"]])
cat(median(secs), "\n")
