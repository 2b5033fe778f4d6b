// TextSpool (scoring/text_spool.h): what is appended comes back in order,
// byte for byte, whether it stayed in memory or went to the temporary file
// written on the spool's own thread, in pieces of every size.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "scoring/text_spool.h"

namespace fa {

TEST_CASE("text spool: pieces of every size come back in order, in memory or through the file") {
  std::mt19937 rng(7);
  for (size_t memory : {size_t{0}, size_t{100}, size_t{1} << 20, size_t{64} << 20}) {
    CAPTURE(memory);
    TextSpool spool(memory);
    std::vector<std::string> pieces;
    size_t total = 0;
    // Small rows, then pieces past the megabyte the writer is handed at a
    // time, then small ones again: 20 MB in all, so more than the 8 MB
    // the writer may have waiting.
    for (size_t i = 0; total < (size_t{20} << 20); ++i) {
      const size_t size = i % 97 == 0 ? (size_t{3} << 20) + i : rng() % 300;
      std::string piece(size, '\0');
      for (size_t k = 0; k < size; k += 61) piece[k] = static_cast<char>('a' + (i + k) % 26);
      piece += std::to_string(i);
      spool.Append(piece);
      total += piece.size();
      pieces.push_back(std::move(piece));
    }
    CHECK(spool.in_memory() == (memory >= total));
    for (size_t i = 0; i < pieces.size(); ++i) {
      const std::string_view back = spool.Read(pieces[i].size());
      if (back != pieces[i]) {
        FAIL_CHECK("piece " << i << " of " << pieces.size() << " came back different");
        break;
      }
    }
    CHECK_THROWS_AS(spool.Read(1), std::runtime_error);  // nothing more
  }
}

TEST_CASE("text spool: dropped before it is read, its writer stops and nothing is left") {
  TextSpool spool(10);
  for (int i = 0; i < 1000; ++i) spool.Append(std::string(10000, 'x'));
  CHECK_FALSE(spool.in_memory());
}

}  // namespace fa
