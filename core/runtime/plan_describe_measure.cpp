// The label and C of `measure` (what worker_ops_measure.cpp really does).
#include "runtime/plan_describe.hpp"

namespace ipclab {

void describe_measure(const Scenario& s, Op& op) {
  const std::string n = std::to_string(op.value);
  const std::string into = op.obj >= 0 ? s.objects[static_cast<size_t>(op.obj)].name : "";
  op.label = "measure " + n + " values: threads, then a pipe";
  if (!into.empty()) op.label += " (into " + into + ")";
  op.c_call = "pthread_create(&t, NULL, take, &ring); for (i = 0; i < " + n +
              "; i++) put(&ring, i); /* atomics, no system call */ pthread_join(t, NULL); "
              "pipe(fd); if (fork() == 0) { read(fd[0], &v, 8) x " +
              n + "; _exit(0); } for (i = 0; i < " + n +
              "; i++) write(fd[1], &i, 8); waitpid(child, &status, 0)";
  if (!into.empty()) op.c_call += "; " + into + "[0] = pipe_ns / thread_ns";
}

}  // namespace ipclab
