// The private folder of a session and the names of its kernel objects.
// Every object is recorded in the folder's manifest BEFORE it is created, so
// a sweep can remove what a session killed with -9 left behind.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace ipclab {

class SessionDir {
 public:
  SessionDir() = default;
  SessionDir(const SessionDir&) = delete;
  SessionDir& operator=(const SessionDir&) = delete;
  ~SessionDir();

  // Makes BASE (0700, must be ours) and BASE/<random tag> (0700) with its
  // owner file and an empty manifest.
  std::error_code create(const std::string& base);

  const std::string& path() const { return path_; }
  const std::string& tag() const { return tag_; }
  // "/ipclab-<tag>-<object>" for shm_open, sem_open, mq_open.
  std::string object_name(std::string_view object) const;
  // PATH/<object> for FIFOs and socket files.
  std::string file_path(std::string_view object) const;

  // Appends "KIND NAME" to the manifest. KIND: shm sem mq sysvmq sysvsem pid.
  void record(std::string_view kind, std::string_view name);
  void record_pid(pid_t pid);

  // Unlinks every recorded object and removes the folder. Idempotent.
  void remove_all();

 private:
  std::string path_;
  std::string tag_;
  int manifest_fd_ = -1;
};

// Names both sides (supervisor, worker) derive from the session tag:
// "/ipclab-TAG-OBJ", with anything but [A-Za-z0-9_-] in OBJ replaced by '_'.
std::string ipc_object_name(const std::string& tag, std::string_view object);
std::string sanitized_object_name(std::string_view object);
// The System V key of a session's object (FNV-1a of its ipc_object_name;
// never IPC_PRIVATE).
key_t sysv_key(std::string_view ipc_name);
// Removes System V semaphore set `id` when it is ours and has `key`.
bool remove_own_sysv_sem(int id, key_t key);

// $XDG_RUNTIME_DIR/ipclab when usable, else /tmp/ipclab-UID.
std::string default_runtime_base();

struct SweepReport {
  int sessions_removed = 0;
  std::vector<std::string> lines;  // what was done, one sentence each
};

// Removes the folders (and their recorded objects and surviving workers) of
// sessions whose owner process is gone. Live sessions are left alone.
SweepReport sweep_dead_sessions(const std::string& base);

// Removes /dev/shm objects of sessions whose control block names a dead
// owner, even when their folder is gone (a crashed run in a deleted
// temporary base). Called by sweep_dead_sessions.
void sweep_orphan_objects(SweepReport& report);

// Start time of a process in clock ticks since boot (/proc/PID/stat field
// 22), 0 if the process does not exist. Tells a live pid from a reused one.
unsigned long long process_start_time(pid_t pid);

}  // namespace ipclab
