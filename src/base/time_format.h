// Time stamps: the one way the program writes a moment — ISO 8601 in UTC to
// the second, "2026-11-27T08:00:00Z" — in provenance, store rows, sessions
// and report footers. Text of this form sorts in time order.
#pragma once

#include <ctime>
#include <string>

namespace fa {

/// `t` (seconds since the epoch) as "2026-11-27T08:00:00Z".
std::string FormatUtc(std::time_t t);

/// The system clock's present moment, as FormatUtc writes it. Code that
/// tests must be able to stop uses an Env's clock instead (base/env.h).
std::string UtcNow();

}  // namespace fa
