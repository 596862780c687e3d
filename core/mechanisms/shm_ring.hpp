// shm_ring: shared memory used as a message channel. A bounded ring of
// message slots in a POSIX shared-memory object, guarded as the textbook
// does it: a counting semaphore of free slots (`empty`), one of full slots
// (`full`) and a process-shared mutex around the ring's indices. Nothing in
// the kernel moves the bytes: the processes copy them in and out themselves.
#pragma once

#include <semaphore.h>

#include <cstddef>
#include <cstdint>
#include <memory>

#include "mechanisms/channel.hpp"

namespace ipclab {

struct ShmRingHeader {
  uint32_t magic = 0;
  uint32_t capacity = 0;   // slots
  uint32_t slot_size = 0;  // bytes of text a slot holds
  uint32_t reserved = 0;
  sem_t empty;  // free slots
  sem_t full;   // messages waiting
  pthread_mutex_t lock;
  uint64_t head = 0;  // next slot to write (under lock)
  uint64_t tail = 0;  // next slot to read (under lock)
};

size_t shm_ring_bytes(uint32_t capacity, uint32_t slot_size);
// The supervisor: lays out an empty ring in zeroed shared memory. Returns 0
// or the errno of the failing sem_init/pthread_mutex_init.
int shm_ring_init(void* at, uint32_t capacity, uint32_t slot_size);
void shm_ring_destroy(void* at);
// Messages waiting, from the `full` semaphore (sem_getvalue).
int shm_ring_count(const void* at);
// A worker's end over its own mapping of the ring (not owned).
std::unique_ptr<ChannelEnd> open_shm_ring_end(void* at);

}  // namespace ipclab
