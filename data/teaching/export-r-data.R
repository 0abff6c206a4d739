# Writes data/teaching/veteran.csv: the Veterans' Administration lung cancer trial as R's
# survival package ships it (survival::veteran; Kalbfleisch & Prentice 1980, The Statistical
# Analysis of Failure Time Data, Appendix I), for the teaching notebooks.
# Run from the project root: Rscript data/teaching/export-r-data.R (R 4.2, survival 3.5).
suppressPackageStartupMessages(library(survival))

v <- veteran
out <- data.frame(
  days = v$time,                      # survival time in days
  status = v$status,                  # 1 = died, 0 = censored
  treatment = ifelse(v$trt == 1, "standard", "test"),
  celltype = as.character(v$celltype),
  karno = v$karno,                    # Karnofsky performance score (100 = good)
  age = v$age,                        # years
  months_from_diagnosis = v$diagtime,
  prior_therapy = ifelse(v$prior == 10, "yes", "no")
)
write.csv(out, file.path("data", "teaching", "veteran.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("veteran.csv: %d rows (survival %s)\n", nrow(out), packageVersion("survival")))
