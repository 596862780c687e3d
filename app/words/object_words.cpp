#include "object_words.h"

QString KindWords::word(ipclab::ObjectKind kind) {
  using K = ipclab::ObjectKind;
  switch (kind) {
    case K::pipe:
      return tr("pipe");
    case K::fifo:
      return tr("FIFO (named pipe)");
    case K::posix_mq:
      return tr("POSIX message queue");
    case K::sysv_mq:
      return tr("System V message queue");
    case K::unix_stream:
      return tr("Unix stream socket");
    case K::unix_dgram:
      return tr("Unix datagram socket");
    case K::tcp:
      return tr("TCP socket");
    case K::udp:
      return tr("UDP socket");
    case K::shm_ring:
      return tr("shared-memory ring");
    case K::channel:
      return tr("channel");
    case K::signal:
      return tr("signal");
    case K::shared_memory:
      return tr("shared memory");
    case K::semaphore:
      return tr("semaphore");
    case K::mutex:
      return tr("mutex");
    case K::condvar:
      return tr("condition variable");
    case K::rwlock:
      return tr("read-write lock");
    case K::file_lock:
      return tr("file lock");
    case K::event:
      return tr("event");
    case K::barrier:
      return tr("barrier");
    case K::rpc:
      return tr("remote procedure call");
  }
  return QString();
}

QString StateWords::word(ipclab::WorkerState state) {
  switch (state) {
    case ipclab::WorkerState::starting:
      return tr("starting");
    case ipclab::WorkerState::at_gate:
      return tr("at gate");
    case ipclab::WorkerState::running:
      return tr("running");
    case ipclab::WorkerState::blocked:
      return tr("blocked");
    case ipclab::WorkerState::exited:
      return tr("finished");
    case ipclab::WorkerState::killed:
      return tr("killed");
  }
  return QString();
}
