# Times R's coxph with 5 covariates and 4 strata on the rows written by bench/cox.ts.
# Usage: Rscript bench/peers/cox.R FILE N REPS ; prints the median seconds, then the coefficients.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]; n <- as.integer(args[2]); reps <- as.integer(args[3])
con <- file(file, "rb")
v <- readBin(con, "double", 8 * n)
close(con)
col <- function(k) v[(k * n + 1):((k + 1) * n)]
d <- data.frame(time = col(0), event = col(1), strata = col(2), arm = col(3), score = col(4),
                age = col(5), grade = col(6), marker = col(7))
one <- function() coxph(Surv(time, event) ~ arm + score + age + grade + marker + strata(strata), data = d)
fit <- one()
secs <- replicate(reps, system.time(one())[["elapsed"]])
cat(median(secs), unname(coef(fit)), "\n")
