#pragma once
// The only way a solver reaches V. Every update needs a few things of the
// data matrix and nothing else: products of a block of its rows with a dense
// factor, its squared norm, its shape, and (for the KL loss) two sums over
// its non-zeros against the current model. Keeping V behind this seam is the
// first step toward a V sharded across processes, streamed from disk or
// masked: a streamed V needs nothing more; a sharded one also needs the
// block sums (Grams, objective terms) reduced across processes, and a masked
// one a loss whose Grams and objective count observed entries only. The two
// KL sums are the one loss-specific part; a new loss that needs more of V
// adds its own operation here.
//
// An operator and its transpose come as a pair: the half-step for W reads
// the rows of V, the one for H the rows of Vᵀ. Every call works on one row
// or a block of consecutive rows, so that an implementation can parallelise,
// prefetch or page in a block at a time; results must depend only on the
// rows asked for, never on how the calls are spread over threads.
#include <unbake/nmf/types.hpp>
#include "nmf/primitives.hpp"

namespace unbake::nmf {

class MatrixOperator {
 public:
  virtual ~MatrixOperator() = default;

  virtual Eigen::Index rows() const = 0;
  virtual Eigen::Index cols() const = 0;
  // Stored entries (the cost model of the inner sweeps reads it).
  virtual Eigen::Index nonzeros() const = 0;
  // ||X||², the same value from either side of the pair.
  virtual double squared_norm() const = 0;
  // The same matrix seen from the other side.
  virtual const MatrixOperator& transposed() const = 0;

  // out = X[begin:end, :] · O: (end - begin) rows of O.cols() entries,
  // row-major. O has cols() rows.
  virtual void product_rows(Eigen::Index begin, Eigen::Index end, const RowMatrix& O, double* out) const = 0;

  // For row i and the model row f (k entries): out = Σ_j x_ij / (f·o_j) · o_j
  // over the row's non-zeros, the numerator of the KL multiplicative update.
  virtual void ratio_product_row(Eigen::Index i, const double* f, const RowMatrix& O, double* out) const = 0;

  // Σ over the non-zeros of rows [begin, end) of x·log(x / (f_i·o_j)) − x,
  // with F holding the model rows of X (F.rows() == rows()).
  virtual double divergence_rows(Eigen::Index begin, Eigen::Index end, const RowMatrix& F,
                                 const RowMatrix& O) const = 0;
};

// Stats of F with cross = Σ F ∘ (X·O).
FactorStats factor_stats(const RowMatrix& F, const MatrixOperator& X, const RowMatrix& O, int threads);

// An in-memory compressed sparse matrix and its transpose, as an operator
// pair. Both matrices must be compressed and outlive the pair; the pair
// cannot move, since each side refers to the other.
class SparsePair {
 public:
  SparsePair(const SparseMatrix& X, const SparseMatrix& Xt, double norm_sq);
  // It keeps references: a temporary matrix would dangle.
  SparsePair(SparseMatrix&&, const SparseMatrix&, double) = delete;
  SparsePair(const SparseMatrix&, SparseMatrix&&, double) = delete;
  SparsePair(SparseMatrix&&, SparseMatrix&&, double) = delete;
  SparsePair(const SparsePair&) = delete;
  SparsePair& operator=(const SparsePair&) = delete;

  const MatrixOperator& forward() const { return forward_; }

 private:
  class Side final : public MatrixOperator {
   public:
    Side(const SparseMatrix& X, double norm_sq, const Side& other)
        : x_(X), norm_sq_(norm_sq), other_(other) {}
    Eigen::Index rows() const override { return x_.rows(); }
    Eigen::Index cols() const override { return x_.cols(); }
    Eigen::Index nonzeros() const override { return x_.nonZeros(); }
    double squared_norm() const override { return norm_sq_; }
    const MatrixOperator& transposed() const override { return other_; }
    void product_rows(Eigen::Index begin, Eigen::Index end, const RowMatrix& O, double* out) const override;
    void ratio_product_row(Eigen::Index i, const double* f, const RowMatrix& O, double* out) const override;
    double divergence_rows(Eigen::Index begin, Eigen::Index end, const RowMatrix& F,
                           const RowMatrix& O) const override;

   private:
    const SparseMatrix& x_;
    double norm_sq_;
    const Side& other_;
  };

  Side forward_, backward_;
};

}  // namespace unbake::nmf
