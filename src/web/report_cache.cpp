#include "web/report_cache.h"

#include <set>

#include "base/base64.h"
#include "base/hash.h"

namespace fa::web {

namespace {

const std::string kStyleTag = "<style>";

std::string StyleOpen(const std::string& nonce) { return "<style nonce=\"" + nonce + "\">"; }

}  // namespace

std::string InlineHash(std::string_view text) { return "'sha256-" + Base64Encode(Sha256(text)) + "'"; }

std::vector<std::string_view> InlineScripts(std::string_view html) {
  static const std::string_view kOpen = "<script>", kClose = "</script>";
  std::vector<std::string_view> out;
  for (size_t pos = html.find(kOpen); pos != std::string_view::npos; pos = html.find(kOpen, pos)) {
    const size_t start = pos + kOpen.size(), end = html.find(kClose, start);
    if (end == std::string_view::npos) break;
    out.push_back(html.substr(start, end - start));
    pos = end + kClose.size();
  }
  return out;
}

PreparedReport::PreparedReport(const std::string& html, const std::set<std::string>& trusted_scripts) {
  std::set<std::string> scripts;
  for (std::string_view body : InlineScripts(html)) {
    std::string hash = InlineHash(body);
    if (trusted_scripts.count(hash)) scripts.insert(std::move(hash));
  }
  for (const auto& h : scripts) script_hashes_ += " " + h;

  size_t pos = 0;
  for (;;) {
    size_t at = html.find(kStyleTag, pos);
    if (at == std::string::npos) break;
    parts_.push_back(html.substr(pos, at - pos));
    pos = at + kStyleTag.size();
  }
  parts_.push_back(html.substr(pos));

  // The style="" values as a browser sees them in the served page, i.e. with
  // the nonces in (a nonce never holds a quote, so which one does not matter).
  const std::string served = WithNonceParts("n", nullptr);
  std::set<std::string> hashes;
  pos = 0;
  for (;;) {
    size_t at = served.find(" style=\"", pos);
    if (at == std::string::npos) break;
    size_t start = at + 8, end = served.find('"', start);
    if (end == std::string::npos) break;
    const std::string_view style(served.data() + start, end - start);
    hashes.insert(InlineHash(style));
    pos = end;
  }
  if (!hashes.empty()) {
    style_hashes_ = " 'unsafe-hashes'";
    for (const auto& h : hashes) style_hashes_ += " " + h;
  }
}

std::string PreparedReport::WithNonceParts(const std::string& nonce, std::string* csp) const {
  const std::string open = StyleOpen(nonce);
  std::string out;
  out.reserve(Bytes() + (parts_.size() - 1) * (open.size() - kStyleTag.size()));
  for (size_t i = 0; i < parts_.size(); ++i) {
    if (i > 0) out += open;
    out += parts_[i];
  }
  if (csp)
    *csp = "default-src 'none'; style-src 'nonce-" + nonce + "'" + style_hashes_ +
           (script_hashes_.empty() ? "" : "; script-src" + script_hashes_) +
           "; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
  return out;
}

std::string PreparedReport::Html() const {
  std::string out;
  out.reserve(Bytes());
  for (size_t i = 0; i < parts_.size(); ++i) {
    if (i > 0) out += kStyleTag;
    out += parts_[i];
  }
  return out;
}

std::string PreparedReport::WithNonce(const std::string& nonce, std::string& csp) const {
  return WithNonceParts(nonce, &csp);
}

std::size_t PreparedReport::Bytes() const {
  std::size_t n = style_hashes_.size() + script_hashes_.size() + (parts_.size() - 1) * kStyleTag.size();
  for (const auto& p : parts_) n += p.size();
  return n;
}

ReportCache::ReportCache(std::size_t max_entries, std::size_t max_bytes)
    : max_entries_(max_entries), max_bytes_(max_bytes) {}

std::shared_ptr<const PreparedReport> ReportCache::Get(int64_t id, const std::string& lang,
                                                       const std::string& result_json,
                                                       const std::function<std::string()>& render) {
  Key key{id, lang};
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = index_.find(key);
    if (it != index_.end() && it->second->result_json == result_json) {
      lru_.splice(lru_.begin(), lru_, it->second);
      ++hits_;
      return it->second->report;
    }
    ++misses_;
  }
  auto report = std::make_shared<const PreparedReport>(render());
  const std::size_t bytes = report->Bytes() + result_json.size() + lang.size();
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(key);
  if (it != index_.end()) {  // stale, or another thread rendered it meanwhile
    bytes_ -= it->second->bytes;
    lru_.erase(it->second);
    index_.erase(it);
  }
  if (max_entries_ == 0 || bytes > max_bytes_) return report;  // too big to keep
  lru_.push_front(Entry{key, result_json, report, bytes});
  index_[key] = lru_.begin();
  bytes_ += bytes;
  EvictLocked();
  return report;
}

void ReportCache::EvictLocked() {
  while (!lru_.empty() && (lru_.size() > max_entries_ || bytes_ > max_bytes_)) {
    bytes_ -= lru_.back().bytes;
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

std::size_t ReportCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lru_.size();
}

uint64_t ReportCache::hits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return hits_;
}

uint64_t ReportCache::misses() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return misses_;
}

}  // namespace fa::web
