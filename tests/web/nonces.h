// Pages carry a fresh CSP nonce each response (web/page_renderer.h): the
// tests that compare two pages strip them, and those that check an inline
// script or style read the header's.
#pragma once

#include <string>

namespace fa::webtest {

/// `html` without its nonce="…" attributes.
inline std::string StripNonces(std::string html) {
  for (size_t at; (at = html.find(" nonce=\"")) != std::string::npos;) html.erase(at, html.find('"', at + 8) + 1 - at);
  return html;
}

/// The nonce of a Content-Security-Policy header ('nonce-…'), or "".
inline std::string NonceOf(const std::string& csp) {
  const size_t at = csp.find("'nonce-");
  if (at == std::string::npos) return "";
  return csp.substr(at + 7, csp.find('\'', at + 7) - at - 7);
}

}  // namespace fa::webtest
