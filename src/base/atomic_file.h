// Writing a whole file so that a reader — or the next run after a crash —
// sees either the old contents or the new, never a mix or a stub: a
// temporary file of a unique name in the target's directory (mkstemp), made
// durable (fsync), renamed over the target, the directory synced too.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

namespace fa {

/// Replaces the file at `path` with `contents`. A new file gets the mode a
/// plain create would (0666 less the umask); a replaced one keeps its mode.
/// Throws std::runtime_error "PATH: cannot write: REASON" (the errno text);
/// then no temporary file is left and, unless only the final directory sync
/// failed, the target is untouched. Concurrent writers of one target never
/// share a temporary file: the last rename wins, whole.
void WriteFile(const std::string& path, const std::string& contents);

/// WriteFile for contents produced piece by piece: `write` fills the stream,
/// so large output is never held whole. An exception from `write` removes
/// the temporary file and propagates; the target is untouched.
void WriteFileStreamed(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace fa
