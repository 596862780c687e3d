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

}  // namespace ipclab
