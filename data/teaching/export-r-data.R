# Writes two of R's data sets to data/teaching/ for the teaching notebooks, as R's survival package
# ships them: veteran.csv, the Veterans' Administration lung cancer trial (survival::veteran;
# Kalbfleisch & Prentice 1980, The Statistical Analysis of Failure Time Data, Appendix I), and
# mgus2.csv (survival::mgus2, below).
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

# Writes data/teaching/mgus2.csv: R's survival::mgus2 (Kyle et al., N Engl J Med 2002;346:564-569;
# the Mayo Clinic's registry of monoclonal gammopathy of undetermined significance in south-eastern
# Minnesota), the 1384 patients with the columns the lesson on competing risks and delayed entry
# uses, under R's own names. Patients progressing to a plasma-cell malignancy (pstat = 1) are
# followed after it, so futime/death may come later than ptime.
m <- mgus2
out <- data.frame(
  id = m$id,
  age = m$age,                        # age at diagnosis of MGUS, whole years
  sex = as.character(m$sex),          # F or M
  dxyr = m$dxyr,                      # year of diagnosis
  ptime = m$ptime,                    # months from diagnosis to progression or last contact
  pstat = m$pstat,                    # 1 = progressed to a plasma-cell malignancy, 0 = not seen to
  futime = m$futime,                  # months from diagnosis to death or last contact
  death = m$death                     # 1 = died, 0 = alive at last contact
)
write.csv(out, file.path("data", "teaching", "mgus2.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("mgus2.csv: %d rows (survival %s)\n", nrow(out), packageVersion("survival")))
