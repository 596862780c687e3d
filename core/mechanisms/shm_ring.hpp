// shm_ring: shared memory used as a message channel. A bounded ring of
// message slots in a POSIX shared-memory object, guarded as the textbook
// does it: a counting semaphore of free slots (`empty`), one of full slots
// (`full`) and a process-shared mutex around the ring's indices. Nothing in
// the kernel moves the bytes: the processes copy them in and out themselves.
// A ring may also be laid out without its semaphores (`semaphores: false`),
// to show what they are for: then nothing stops a sender from overwriting a
// slot not yet read, nor a receiver from reading a slot nothing was written to.
#pragma once

#include <semaphore.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "mechanisms/channel.hpp"

namespace ipclab {

struct ShmRingHeader {
  uint32_t magic = 0;
  uint32_t capacity = 0;    // slots
  uint32_t slot_size = 0;   // bytes of text a slot holds
  uint32_t semaphores = 1;  // 0: `empty` and `full` are never used
  sem_t empty;              // free slots
  sem_t full;               // messages waiting
  pthread_mutex_t lock;
  uint64_t head = 0;  // next slot to write (under lock)
  uint64_t tail = 0;  // next slot to read (under lock)
};

size_t shm_ring_bytes(uint32_t capacity, uint32_t slot_size);
// The supervisor: lays out an empty ring in zeroed shared memory. Returns 0
// or the errno of the failing sem_init/pthread_mutex_init.
int shm_ring_init(void* at, uint32_t capacity, uint32_t slot_size, bool semaphores = true);
void shm_ring_destroy(void* at);
// Messages waiting: the `full` semaphore (sem_getvalue); in a ring without
// semaphores, the slots that hold a message nobody has read yet.
int shm_ring_count(const void* at);
// A worker's end over its own mapping of the ring (not owned).
std::unique_ptr<ChannelEnd> open_shm_ring_end(void* at);
size_t shm_ring_slot_size(const void* at);

// The ring without its semaphores: a send writes slot head % capacity and a
// receive reads slot tail % capacity, under the mutex, whatever the slot
// holds. What the call found there:
struct RingSlotUse {
  uint64_t slot = 0;
  int64_t seq = 0;        // the message written or read (0: the slot was never written)
  int64_t overwrote = 0;  // send: the unread message it replaced (0: none)
  bool fresh = true;      // receive: the slot held a message not read before
  size_t bytes = 0;       // receive: bytes copied out
};
// Returns 0, EMSGSIZE, or the mutex's error. `seq` is the message's number.
int shm_ring_send_unguarded(void* at, std::string_view data, int64_t seq, RingSlotUse* use);
int shm_ring_recv_unguarded(void* at, char* buf, size_t max, RingSlotUse* use);

}  // namespace ipclab
