#include "runtime/object_host_sync.hpp"

#include <pthread.h>

#include <cerrno>

namespace ipclab {

int init_in_block(const ObjectSpec& spec, ObjectSlot& slot, const char** call) {
  switch (spec.mechanism) {
    case ObjectKind::condvar: {
      *call = "pthread_cond_init";
      pthread_condattr_t attr;
      pthread_condattr_init(&attr);
      pthread_condattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
      const int err = pthread_cond_init(&slot.cond, &attr);
      pthread_condattr_destroy(&attr);
      return err;
    }
    case ObjectKind::rwlock: {
      *call = "pthread_rwlock_init";
      pthread_rwlockattr_t attr;
      pthread_rwlockattr_init(&attr);
      pthread_rwlockattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
      // glibc's default prefers readers: a reader gets in while a writer
      // waits, as long as another reader holds the lock. The writer-preferring
      // kind makes new readers queue behind a waiting writer.
      pthread_rwlockattr_setkind_np(&attr, spec.prefer_writers
                                               ? PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP
                                               : PTHREAD_RWLOCK_PREFER_READER_NP);
      const int err = pthread_rwlock_init(&slot.rwlock, &attr);
      pthread_rwlockattr_destroy(&attr);
      return err;
    }
    case ObjectKind::barrier: {
      *call = "pthread_barrier_init";
      pthread_barrierattr_t attr;
      pthread_barrierattr_init(&attr);
      pthread_barrierattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
      const unsigned n = spec.parties > 0 ? static_cast<unsigned>(spec.parties) : 1u;
      const int err = pthread_barrier_init(&slot.barrier, &attr, n);
      pthread_barrierattr_destroy(&attr);
      return err;
    }
    case ObjectKind::event:
      slot.event_word.store(spec.initial != 0 ? 1u : 0u);
      return 0;
    default:
      *call = "init";
      return EINVAL;
  }
}

std::string rwlock_note(const pthread_rwlock_t& rw) {
  // glibc (2.25 and later) keeps the state in __readers: bit 0 = write phase,
  // bit 1 = a primary writer holds or waits for the lock, bit 2 = readers
  // wait for a waiting writer (writer preference), the readers count from
  // bit 3. In a write phase that count is the readers waiting for it.
  const unsigned r = __atomic_load_n(&rw.__data.__readers, __ATOMIC_RELAXED);
  const int writer = __atomic_load_n(&rw.__data.__cur_writer, __ATOMIC_RELAXED);
  const unsigned readers = r >> 3;
  const bool write_phase = (r & 1) != 0, writer_flag = (r & 2) != 0, readers_wait = (r & 4) != 0;
  auto count = [](unsigned n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string out;
  if (write_phase && writer_flag) {
    out = "write phase: held by the writer (thread " + std::to_string(writer) + ")";
    if (readers > 0) out += "; " + count(readers, "reader waits", "readers wait");
  } else if (write_phase) {
    out = "write phase ending";
  } else {
    out = readers > 0 ? "read phase: " + count(readers, "reader inside", "readers inside")
                      : std::string("free");
    if (writer_flag) out += "; a writer waits for the readers to leave";
    if (readers_wait) out += "; new readers wait behind it";
  }
  return out + " (glibc rwlock word)";
}

}  // namespace ipclab
