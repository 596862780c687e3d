// ipclab-worker: one simulated process. See core/runtime/worker_runtime.hpp.
#include "runtime/worker_runtime.hpp"

int main(int argc, char** argv) {
  return ipclab::worker_main(argc, argv);
}
