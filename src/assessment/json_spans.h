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

/// The array under `key` of the object that `text` is, with its elements;
/// nullopt when the text is not shaped so (not an object, no such key, an
/// element that is not an object, a text that ends early). Only brackets
/// outside strings are counted: parse each span to know that it is JSON.
std::optional<JsonArraySpans> TopLevelArraySpans(std::string_view text, std::string_view key);

}  // namespace fa
