// The `state` command's output: each process and object as the model sees
// it beside what the kernel says.
#pragma once

#include <string>

#include "runtime/session.hpp"

namespace ipclab::cli {

std::string state_text(const Session& session, const Snapshot& snap);
std::string state_json(const Session& session, const Snapshot& snap);

}  // namespace ipclab::cli
