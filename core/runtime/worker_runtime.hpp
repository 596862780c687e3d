// The program every simulated process runs (ipclab-worker): joins the
// session, then executes its plan one op per granted step with real
// syscalls, reporting each into its event ring.
#pragma once

namespace ipclab {

// argv: ipclab-worker ROLE --session DIR --tag TAG --ctl SHMNAME --index N --parent PID
int worker_main(int argc, char** argv);

}  // namespace ipclab
