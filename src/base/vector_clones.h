// FA_VECTOR_CLONES: a hot loop compiled twice, for plain x86-64 and for
// AVX2, the loader picking the best the processor has (GCC function
// multi-versioning), so one binary runs everywhere and uses 4-wide vectors
// where it can. Not under ThreadSanitizer: the loader runs the clones'
// resolvers before the sanitizer's runtime is up, and the program crashes
// at start. AVX2 brings no fused multiply-add, so results are the same
// bits either way.
#pragma once

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
#define FA_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define FA_VECTOR_CLONES
#endif
