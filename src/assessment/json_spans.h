// Where the elements of a top-level array stand in a JSON text, found
// without parsing them, so that a document of many records can be parsed
// one record at a time and on several threads (assessment_json_reader.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace fa {

/// [begin, end) of a value in a text.
struct JsonSpan {
  size_t begin = 0;
  size_t end = 0;
};

/// The array under one key of a top-level object, and each of its elements.
struct JsonArraySpans {
  JsonSpan array;                  ///< from '[' to just past ']'
  std::vector<JsonSpan> elements;  ///< each an object, '{' to just past '}'
};

/// How the end of each element is found.
enum class JsonSpanSearch {
  kScan,      ///< by counting the brackets outside strings
  kByLayout,  ///< by the line that closes it, as JsonWriter lays a document out (much faster)
};

/// The array under `key` of the object that `text` is, with its elements;
/// nullopt when the text is not shaped so (not an object, no such key, an
/// element that is not an object, a text that ends early; with kByLayout,
/// also a text laid out otherwise). Either way, parse each span to know
/// that it is JSON and one whole element: a span found by layout in a text
/// laid out otherwise is not.
std::optional<JsonArraySpans> TopLevelArraySpans(std::string_view text, std::string_view key,
                                                  JsonSpanSearch search = JsonSpanSearch::kScan);

}  // namespace fa
