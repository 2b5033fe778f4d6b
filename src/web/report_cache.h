// Rendered diagnosis reports of submitted assessments, kept so that the
// report page is not parsed and rendered again at every request.
//
// A submitted assessment never changes, so its rendering stays right for as
// long as its stored result does. An entry is found by (assessment id,
// language) and used only when the record's result JSON is byte for byte the
// one it was rendered from: a different result (another rubric, a database
// restored or recreated under a running server) is a miss and is rendered
// afresh, never served stale.
//
// An entry is a PreparedReport: the HTML cut at its <style> tags and the CSP
// hashes of its style="" attributes, so that a response only adds its own
// nonce, without scanning or hashing again.
//
// Bounded (by entries and by bytes, least recently used out first) and safe
// to call from many threads; two threads that miss at once both render, the
// later one's entry stays. It knows nothing of who may read a report: the
// caller checks that before asking.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fa::web {

/// "'sha256-…'": a CSP source allowing exactly this inline script or style.
std::string InlineHash(std::string_view text);

/// The bodies of the <script> elements of `html`, in order.
std::vector<std::string_view> InlineScripts(std::string_view html);

/// A generated report (diagnosis, ranking, portfolio) made ready to be
/// served under a CSP without 'unsafe-inline': every <style> gets the
/// response's nonce, every exact style="" value is allowed by its hash, and
/// an inline script runs only when its hash is among `trusted_scripts`
/// (InlineHash of the templates' own scripts: text that reached the page
/// some other way never runs).
class PreparedReport {
 public:
  explicit PreparedReport(const std::string& html, const std::set<std::string>& trusted_scripts = {});

  /// The HTML as rendered (no nonces).
  std::string Html() const;
  /// The HTML with `nonce` on every <style>; `csp` gets the policy for it.
  std::string WithNonce(const std::string& nonce, std::string& csp) const;
  /// Bytes held.
  std::size_t Bytes() const;

 private:
  std::string WithNonceParts(const std::string& nonce, std::string* csp) const;

  std::vector<std::string> parts_;  ///< the HTML between its "<style>" tags
  std::string style_hashes_;        ///< " 'unsafe-hashes' 'sha256-…' …", or ""
  std::string script_hashes_;       ///< " 'sha256-…' …" of its trusted scripts, or ""
};

class ReportCache {
 public:
  explicit ReportCache(std::size_t max_entries = 64, std::size_t max_bytes = 64u << 20);

  /// The report of assessment `id` in `lang` as rendered from `result_json`:
  /// the cached one when it was rendered from exactly this text, otherwise
  /// `render()` (outside the cache's lock), prepared and kept.
  std::shared_ptr<const PreparedReport> Get(int64_t id, const std::string& lang, const std::string& result_json,
                                            const std::function<std::string()>& render);

  std::size_t size() const;
  uint64_t hits() const;
  uint64_t misses() const;

 private:
  using Key = std::pair<int64_t, std::string>;
  struct Entry {
    Key key;
    std::string result_json;  ///< what the report was rendered from
    std::shared_ptr<const PreparedReport> report;
    std::size_t bytes = 0;
  };
  void EvictLocked();

  const std::size_t max_entries_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> lru_;  ///< most recently used first
  std::map<Key, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace fa::web
