#include "mechanisms/shm_ring.hpp"

#include <pthread.h>
#include <sys/syscall.h>

#include <cerrno>
#include <cstring>
#include <new>

namespace ipclab {

namespace {

constexpr uint32_t kRingMagic = 0x52494e47;  // "RING"

struct Slot {
  int64_t seq;  // the message last written here (0: never written)
  uint32_t len;
  uint32_t unread;  // 1 from a send until a receive takes it
  char text[1];     // really slot_size bytes
};

size_t slot_stride(uint32_t slot_size) {
  return (offsetof(Slot, text) + slot_size + 7) & ~size_t{7};
}

char* slots(ShmRingHeader* h) {
  return reinterpret_cast<char*>(h) + ((sizeof(ShmRingHeader) + 63) & ~size_t{63});
}

Slot* slot_at(ShmRingHeader* h, uint64_t index) {
  return reinterpret_cast<Slot*>(slots(h) + slot_stride(h->slot_size) * (index % h->capacity));
}

// The mutex is robust: a process killed inside the ring must not wedge the
// others. A consistent-again ring is fine: indices move only at the end.
int lock(ShmRingHeader* h) {
  int rc = pthread_mutex_lock(&h->lock);
  if (rc == EOWNERDEAD) rc = pthread_mutex_consistent(&h->lock);
  return rc;
}

class ShmRingEnd final : public ChannelEnd {
 public:
  explicit ShmRingEnd(ShmRingHeader* h) : h_(h) {}

  IoResult send(std::string_view data, int64_t, bool wait) override {
    if (data.size() > h_->slot_size) return {EMSGSIZE, 0, 0};
    // sem_wait(empty): a free slot, or sleep until a receiver frees one.
    if ((wait ? ::sem_wait(&h_->empty) : ::sem_trywait(&h_->empty)) != 0) return {errno, 0, 0};
    if (const int rc = lock(h_); rc != 0) {
      ::sem_post(&h_->empty);
      return {rc, 0, 0};
    }
    Slot* slot = slot_at(h_, h_->head);
    slot->len = static_cast<uint32_t>(data.size());
    __atomic_store_n(&slot->unread, 1u, __ATOMIC_RELAXED);
    std::memcpy(slot->text, data.data(), data.size());
    ++h_->head;
    pthread_mutex_unlock(&h_->lock);
    ::sem_post(&h_->full);  // one more message for the receivers
    return {0, static_cast<ssize_t>(data.size()), 0};
  }

  IoResult recv(char* buf, size_t max, bool wait, int64_t) override {
    if ((wait ? ::sem_wait(&h_->full) : ::sem_trywait(&h_->full)) != 0) return {errno, 0, 0};
    if (const int rc = lock(h_); rc != 0) {
      ::sem_post(&h_->full);
      return {rc, 0, 0};
    }
    Slot* slot = slot_at(h_, h_->tail);
    // Like a datagram: one whole message per receive, cut to max.
    const size_t n = slot->len < max ? slot->len : max;
    std::memcpy(buf, slot->text, n);
    __atomic_store_n(&slot->unread, 0u, __ATOMIC_RELAXED);
    ++h_->tail;
    pthread_mutex_unlock(&h_->lock);
    ::sem_post(&h_->empty);
    return {0, static_cast<ssize_t>(n), 0};
  }

  // Where a process sleeps when the ring is full or empty: the semaphore's futex.
  long send_syscall() const override { return SYS_futex; }
  long recv_syscall() const override { return SYS_futex; }
  size_t max_message() const override { return h_->slot_size; }

 private:
  ShmRingHeader* h_;
};

}  // namespace

size_t shm_ring_bytes(uint32_t capacity, uint32_t slot_size) {
  return ((sizeof(ShmRingHeader) + 63) & ~size_t{63}) + slot_stride(slot_size) * capacity;
}

int shm_ring_init(void* at, uint32_t capacity, uint32_t slot_size, bool semaphores) {
  auto* h = new (at) ShmRingHeader;
  h->capacity = capacity;
  h->slot_size = slot_size;
  h->semaphores = semaphores ? 1 : 0;
  if (::sem_init(&h->empty, 1, capacity) != 0) return errno;
  if (::sem_init(&h->full, 1, 0) != 0) return errno;
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
  pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
  const int rc = pthread_mutex_init(&h->lock, &attr);
  pthread_mutexattr_destroy(&attr);
  if (rc != 0) return rc;
  h->magic = kRingMagic;
  return 0;
}

void shm_ring_destroy(void* at) {
  auto* h = static_cast<ShmRingHeader*>(at);
  if (h->magic != kRingMagic) return;
  ::sem_destroy(&h->empty);
  ::sem_destroy(&h->full);
  pthread_mutex_destroy(&h->lock);
  h->magic = 0;
}

int shm_ring_count(const void* at) {
  auto* h = const_cast<ShmRingHeader*>(static_cast<const ShmRingHeader*>(at));
  if (h->magic != kRingMagic) return -1;
  int v = 0;
  if (h->semaphores == 0) {
    // Read without the mutex, as an observer: each flag is one aligned word.
    for (uint64_t i = 0; i < h->capacity; ++i)
      v += __atomic_load_n(&slot_at(h, i)->unread, __ATOMIC_RELAXED) != 0 ? 1 : 0;
    return v;
  }
  if (::sem_getvalue(&h->full, &v) != 0) return -1;
  return v;
}

size_t shm_ring_slot_size(const void* at) {
  return static_cast<const ShmRingHeader*>(at)->slot_size;
}

int shm_ring_send_unguarded(void* at, std::string_view data, int64_t seq, RingSlotUse* use) {
  auto* h = static_cast<ShmRingHeader*>(at);
  if (data.size() > h->slot_size) return EMSGSIZE;
  // No sem_wait(empty): nothing asks whether the slot is free.
  if (const int rc = lock(h); rc != 0) return rc;
  Slot* slot = slot_at(h, h->head);
  use->slot = h->head % h->capacity;
  use->overwrote = slot->unread ? slot->seq : 0;
  use->seq = seq;
  slot->seq = seq;
  slot->len = static_cast<uint32_t>(data.size());
  __atomic_store_n(&slot->unread, 1u, __ATOMIC_RELAXED);
  std::memcpy(slot->text, data.data(), data.size());
  ++h->head;
  pthread_mutex_unlock(&h->lock);
  return 0;
}

int shm_ring_recv_unguarded(void* at, char* buf, size_t max, RingSlotUse* use) {
  auto* h = static_cast<ShmRingHeader*>(at);
  // No sem_wait(full): nothing asks whether anything was written.
  if (const int rc = lock(h); rc != 0) return rc;
  Slot* slot = slot_at(h, h->tail);
  use->slot = h->tail % h->capacity;
  use->seq = slot->seq;
  use->fresh = slot->unread != 0;
  use->bytes = slot->len < max ? slot->len : max;
  std::memcpy(buf, slot->text, use->bytes);
  __atomic_store_n(&slot->unread, 0u, __ATOMIC_RELAXED);
  ++h->tail;
  pthread_mutex_unlock(&h->lock);
  return 0;
}

std::unique_ptr<ChannelEnd> open_shm_ring_end(void* at) {
  auto* h = static_cast<ShmRingHeader*>(at);
  if (h->magic != kRingMagic) return nullptr;
  return std::make_unique<ShmRingEnd>(h);
}

}  // namespace ipclab
