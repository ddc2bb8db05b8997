# Rscript bench/rcppml_fit.R MATRIX.mtx K THREADS TOL MAXIT SEED...
#
# RcppML's nmf (Debian r-cran-rcppml) on a MatrixMarket file, one fit per
# seed; the timer covers nmf() alone (the matrix is read and converted
# before it starts), which favours the peer. Prints one JSON line per seed:
# seed, seconds, iterations, relative_error = ||A - W diag(d) H||_F / ||A||_F,
# computed without forming W diag(d) H, as unbake does.
suppressPackageStartupMessages({
  library(Matrix)
  library(RcppML)
})
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]
k <- as.integer(args[2])
threads <- as.integer(args[3])
tol <- as.numeric(args[4])
maxit <- as.integer(args[5])
seeds <- as.integer(args[-(1:5)])

A <- as(readMM(path), "CsparseMatrix")
A <- as(A, "generalMatrix")
norm_sq <- sum(A@x^2)
# RcppML 0.3.7 reads its thread count from the environment (0 = all cores).
setRcppMLthreads(threads)

for (seed in seeds) {
  t0 <- proc.time()[["elapsed"]]
  # RcppML takes seed 0 as "no seed" (a different start each run): its seeds
  # are shifted by one so that every run repeats.
  model <- nmf(A, k, tol = tol, maxit = maxit, seed = seed + 1, verbose = FALSE)
  seconds <- proc.time()[["elapsed"]] - t0
  w <- model$w
  d <- model$d
  h <- model$h
  wd <- sweep(w, 2, d, "*")
  # <A, W D H> = sum over the non-zeros of A; ||W D H||^2 = tr((WD)'(WD) (HH')).
  cross <- sum((A %*% t(h)) * wd)
  quad <- sum((crossprod(wd)) * (h %*% t(h)))
  err <- sqrt(max(0, norm_sq - 2 * cross + quad) / norm_sq)
  cat(sprintf("{\"seed\": %d, \"seconds\": %.6f, \"iterations\": %d, \"relative_error\": %.10f}\n",
              seed, seconds, as.integer(model$iter), err))
}
