// Tiles of rows for the scoring kernels (batch_scorer.cpp, packed_answers.cpp):
// GCC/Clang vector extensions, so each clone of a kernel
// (base/vector_clones.h) uses its own instruction set. Internal to
// scoring/.
#pragma once

#include <Eigen/Dense>
#include <cstring>

namespace fa {
namespace tiles {

// The kernels work on tiles of rows whose running values live in
// vector registers: each column is read and written once per tile instead
// of once per term added into it. A full tile is kTileVectors vectors of
// four doubles (GCC/Clang vector extensions, so each clone of a kernel
// uses its own instruction set, base/vector_clones.h); the rows left over
// go one at a time. Every value is summed in the same order either way and
// selections are exact, so the results are the same bits.
constexpr int kTileVectors = 4;

#define FA_INLINE inline __attribute__((always_inline))
#define FA_INLINE_LAMBDA __attribute__((always_inline))

// Four rows at once. (Its functions are always inlined into the kernels'
// clones, so the vector return type's calling convention, which GCC warns
// about for the plain x86-64 clone, is never used. The warning is off to
// the end of the including file: GCC gives it for the clones there, after
// the last function, so a push and pop around the kernels would not
// silence it.)
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif
struct Wide {
  typedef double V __attribute__((vector_size(32)));
  typedef long long M __attribute__((vector_size(32)));
  static constexpr int kRows = 4;
  static FA_INLINE V Load(const double* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  static FA_INLINE void Store(double* p, V v) { std::memcpy(p, &v, sizeof v); }
  static FA_INLINE V Splat(double x) { return V{x, x, x, x}; }
  static FA_INLINE M Positive(V x) { return x > Splat(0.0); }
  static FA_INLINE M AtLeast(V x, double t) { return x >= Splat(t); }
  static FA_INLINE V Select(M m, V a, V b) { return (V)(((M)a & m) | ((M)b & ~m)); }
  static FA_INLINE void StoreInt(int* p, V v) {
    for (int i = 0; i < kRows; ++i) p[i] = static_cast<int>(v[i]);
  }
  // Codes (packed_answers.h), two bytes a row: 2k and 2k + 1 for value
  // slot k, the second with its top bit set when the criterion counts.
  // Sign-extended to four pairs of 32-bit lanes they are at once the
  // lane indices of slot k's double in a table (vpermd on AVX2 reads
  // their low bits) and, by each 64-bit lane's sign, whether it counts.
  typedef int C __attribute__((vector_size(32)));
  static FA_INLINE C Codes(const unsigned char* p) {
    typedef signed char B __attribute__((vector_size(8)));
    B b;
    std::memcpy(&b, p, sizeof b);
    return __builtin_convertvector(b, C);
  }
  static FA_INLINE V Pick4(const double* table, C code) {
#if defined(__clang__)
    return V{table[(code[0] & 7) >> 1], table[(code[2] & 7) >> 1], table[(code[4] & 7) >> 1],
             table[(code[6] & 7) >> 1]};
#else
    C t;
    std::memcpy(&t, table, sizeof t);
    return (V)__builtin_shuffle(t, code);  // lanes modulo 8
#endif
  }
  static FA_INLINE V Pick8(const double* table, C code) {
#if defined(__clang__)
    return V{table[(code[0] & 15) >> 1], table[(code[2] & 15) >> 1], table[(code[4] & 15) >> 1],
             table[(code[6] & 15) >> 1]};
#else
    C lo, hi;
    std::memcpy(&lo, table, sizeof lo);
    std::memcpy(&hi, table + 4, sizeof hi);
    return (V)__builtin_shuffle(lo, hi, code);  // lanes modulo 16
#endif
  }
  static FA_INLINE V Weight(C code, V uncounted, V counted) {
    return Select((M)code < M{0, 0, 0, 0}, counted, uncounted);
  }
};

// One row.
struct Narrow {
  using V = double;
  using M = bool;
  static constexpr int kRows = 1;
  static FA_INLINE V Load(const double* p) { return *p; }
  static FA_INLINE void Store(double* p, V v) { *p = v; }
  static FA_INLINE V Splat(double x) { return x; }
  static FA_INLINE M Positive(V x) { return x > 0; }
  static FA_INLINE M AtLeast(V x, double t) { return x >= t; }
  static FA_INLINE V Select(M m, V a, V b) { return m ? a : b; }
  static FA_INLINE void StoreInt(int* p, V v) { *p = static_cast<int>(v); }
  using C = int;  // the pair's two bytes
  static FA_INLINE C Codes(const unsigned char* p) { return p[0] | p[1] << 8; }
  static FA_INLINE V Pick4(const double* table, C code) { return table[(code & 7) >> 1]; }
  static FA_INLINE V Pick8(const double* table, C code) { return table[(code & 15) >> 1]; }
  static FA_INLINE V Weight(C code, V uncounted, V counted) { return code & 0x8000 ? counted : uncounted; }
};

template <typename W, int N>
struct TileShape {
  using Lanes = W;
  static constexpr int kVectors = N;
  static constexpr Eigen::Index kRows = W::kRows * N;
};

// Calls tile(shape, i0) over rows [0, rows): full tiles, then single rows.
template <typename Tile>
FA_INLINE void ForTiles(Eigen::Index rows, Tile&& tile) {
  using Full = TileShape<Wide, kTileVectors>;
  Eigen::Index i0 = 0;
  for (; i0 + Full::kRows <= rows; i0 += Full::kRows) tile(Full{}, i0);
  for (; i0 < rows; ++i0) tile(TileShape<Narrow, 1>{}, i0);
}

}  // namespace tiles
}  // namespace fa
