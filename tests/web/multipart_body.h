// multipart/form-data bodies as a browser sends a form with a file input,
// for the tests of the multipart reader and of the workbook upload.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace fa::webtest {

inline constexpr char kMultipartBoundary[] = "----fa-multipart-test-08d2";

/// The text `fields`, then `file` as the field `file_field` of type
/// `content_type` (no file part when `filename` is empty).
inline std::string MultipartBody(const std::vector<std::pair<std::string, std::string>>& fields,
                                 const std::string& file, const std::string& filename,
                                 const std::string& content_type = "application/octet-stream",
                                 const std::string& file_field = "workbook") {
  std::string body;
  for (const auto& [name, value] : fields)
    body += std::string("--") + kMultipartBoundary + "\r\nContent-Disposition: form-data; name=\"" + name +
            "\"\r\n\r\n" + value + "\r\n";
  if (!filename.empty())
    body += std::string("--") + kMultipartBoundary +
            "\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" + filename +
            "\"\r\nContent-Type: " + content_type + "\r\n\r\n" + file + "\r\n";
  return body + "--" + kMultipartBoundary + "--\r\n";
}

}  // namespace fa::webtest
