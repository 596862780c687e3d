// Writes events as a Chrome / Perfetto JSON trace (chrome://tracing, ui.perfetto.dev):
// one track per process (its real pid), each event an instant with its fields.
#pragma once

#include <string>
#include <vector>

#include "trace/event.hpp"

namespace ipclab {

// Returns false (and errno set) if the file cannot be written.
bool write_chrome_trace(const std::string& path, const std::vector<Event>& events);

}  // namespace ipclab
