#include "runtime/session_dir.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/random.h>
#include <sys/sem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

namespace ipclab {

namespace {

std::error_code last_error() {
  return {errno, std::generic_category()};
}

std::string read_small_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Makes `dir` 0700 if absent; refuses one not owned by us or open to others.
std::error_code ensure_private_dir(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return last_error();
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0) return last_error();
  if (!S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) return {EPERM, std::generic_category()};
  if ((st.st_mode & 077) != 0 && ::chmod(dir.c_str(), 0700) != 0) return last_error();
  return {};
}

}  // namespace

std::string sanitized_object_name(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_'))
      c = '_';
  return out;
}

std::string ipc_object_name(const std::string& tag, std::string_view object) {
  return "/ipclab-" + tag + "-" + sanitized_object_name(object);
}

namespace {

void remove_tree(const std::string& dir) {
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* e = ::readdir(d)) {
      if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
      ::unlink((dir + "/" + e->d_name).c_str());
    }
    ::closedir(d);
  }
  ::rmdir(dir.c_str());
}

// Unlinks what a manifest lists; kills recorded workers that still run.
void undo_manifest(const std::string& dir, std::vector<std::string>* said) {
  std::istringstream in(read_small_file(dir + "/manifest"));
  std::string kind, name;
  while (in >> kind >> name) {
    int rc = 0;
    if (kind == "shm")
      rc = ::shm_unlink(name.c_str());
    else if (kind == "sem")
      rc = ::sem_unlink(name.c_str());
    else if (kind == "mq")
      rc = ::mq_unlink(name.c_str());
    else if (kind == "sysvmq") {
      // Only a queue of ours under that key (the key was hashed from the
      // session's tag, but keys are not private).
      const int id = ::msgget(static_cast<key_t>(std::stol(name)), 0);
      msqid_ds ds{};
      rc = id >= 0 && ::msgctl(id, IPC_STAT, &ds) == 0 && ds.msg_perm.uid == ::getuid()
               ? ::msgctl(id, IPC_RMID, nullptr)
               : -1;
      if (rc == 0 && said) said->push_back("removed System V queue with key " + name);
      continue;
    } else if (kind == "sysvsem") {
      // The same for a System V semaphore set.
      const auto key = static_cast<key_t>(std::stol(name));
      const int id = ::semget(key, 0, 0);
      rc = id >= 0 && remove_own_sysv_sem(id, key) ? 0 : -1;
      if (rc == 0 && said) said->push_back("removed System V semaphore with key " + name);
      continue;
    } else if (kind == "pid") {
      const auto sep = name.find(':');
      const pid_t pid = static_cast<pid_t>(std::stol(name.substr(0, sep)));
      const unsigned long long start = std::stoull(name.substr(sep + 1));
      if (pid > 0 && process_start_time(pid) == start && ::kill(pid, SIGKILL) == 0 && said)
        said->push_back("killed leftover worker " + std::to_string(pid));
      continue;
    }
    if (rc == 0 && said) said->push_back("removed " + kind + " " + name);
  }
}

}  // namespace

bool remove_own_sysv_sem(int id, key_t key) {
  // semctl's fourth argument is a union the caller declares (semctl(2)).
  union {
    int val;
    semid_ds* buf;
    unsigned short* array;
  } arg{};
  semid_ds ds{};
  arg.buf = &ds;
  return ::semctl(id, 0, IPC_STAT, arg) == 0 && ds.sem_perm.__key == key &&
         ds.sem_perm.uid == ::getuid() && ::semctl(id, 0, IPC_RMID) == 0;
}

key_t sysv_key(std::string_view ipc_name) {
  uint32_t h = 2166136261u;
  for (unsigned char c : ipc_name) h = (h ^ c) * 16777619u;
  h &= 0x7fffffff;
  return static_cast<key_t>(h == 0 ? 1 : h);
}

unsigned long long process_start_time(pid_t pid) {
  const std::string stat = read_small_file("/proc/" + std::to_string(pid) + "/stat");
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream in(stat.substr(close + 2));
  std::string field;
  // Fields after the comm start at 3 (state); start time is field 22.
  for (int i = 3; i <= 22 && in >> field; ++i)
    if (i == 22) return std::stoull(field);
  return 0;
}

std::string default_runtime_base() {
  if (const char* xdg = std::getenv("XDG_RUNTIME_DIR"); xdg && *xdg && ::access(xdg, W_OK) == 0)
    return std::string(xdg) + "/ipclab";
  return "/tmp/ipclab-" + std::to_string(::geteuid());
}

SessionDir::~SessionDir() {
  if (manifest_fd_ >= 0) ::close(manifest_fd_);
}

std::error_code SessionDir::create(const std::string& base) {
  if (auto ec = ensure_private_dir(base)) return ec;
  unsigned char bytes[4];
  if (::getrandom(bytes, sizeof bytes, 0) != sizeof bytes) return last_error();
  char tag[9];
  std::snprintf(tag, sizeof tag, "%02x%02x%02x%02x", bytes[0], bytes[1], bytes[2], bytes[3]);
  tag_ = tag;
  path_ = base + "/" + tag_;
  if (::mkdir(path_.c_str(), 0700) != 0) return last_error();
  const pid_t me = ::getpid();
  const std::string owner =
      std::to_string(me) + " " + std::to_string(process_start_time(me)) + "\n";
  // Written aside and renamed into place: a sweep in another process reads
  // the whole owner or none (none: a young folder, left alone).
  const std::string aside = path_ + "/.owner";
  const int ofd = ::open(aside.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (ofd < 0) return last_error();
  const bool written = ::write(ofd, owner.data(), owner.size()) == ssize_t(owner.size());
  ::close(ofd);
  if (!written || ::rename(aside.c_str(), (path_ + "/owner").c_str()) != 0) return last_error();
  manifest_fd_ =
      ::open((path_ + "/manifest").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (manifest_fd_ < 0) return last_error();
  return {};
}

std::string SessionDir::object_name(std::string_view object) const {
  return ipc_object_name(tag_, object);
}

std::string SessionDir::file_path(std::string_view object) const {
  return path_ + "/" + sanitized_object_name(object);
}

void SessionDir::record(std::string_view kind, std::string_view name) {
  if (manifest_fd_ < 0) return;
  std::string line;
  line.append(kind).append(" ").append(name).append("\n");
  [[maybe_unused]] ssize_t n = ::write(manifest_fd_, line.data(), line.size());
}

void SessionDir::record_pid(pid_t pid) {
  record("pid", std::to_string(pid) + ":" + std::to_string(process_start_time(pid)));
}

void SessionDir::remove_all() {
  if (path_.empty()) return;
  undo_manifest(path_, nullptr);
  if (manifest_fd_ >= 0) ::close(manifest_fd_);
  manifest_fd_ = -1;
  remove_tree(path_);
  path_.clear();
}

SweepReport sweep_dead_sessions(const std::string& base) {
  SweepReport report;
  DIR* d = ::opendir(base.c_str());
  if (!d) {
    // No folder here, but other folders' sessions may have left objects.
    sweep_orphan_objects(report);
    return report;
  }
  std::vector<std::string> dead;
  while (dirent* e = ::readdir(d)) {
    if (e->d_name[0] == '.') continue;
    const std::string dir = base + "/" + e->d_name;
    std::istringstream owner(read_small_file(dir + "/owner"));
    long pid = 0;
    unsigned long long start = 0;
    owner >> pid >> start;
    const bool alive = pid > 0 && process_start_time(static_cast<pid_t>(pid)) == start;
    // A folder without an owner file may be a session being created right
    // now: leave young ones alone.
    struct stat st {};
    const bool young =
        pid == 0 && ::stat(dir.c_str(), &st) == 0 && st.st_mtime + 10 > ::time(nullptr);
    if (!alive && !young) dead.push_back(dir);
  }
  ::closedir(d);
  for (const std::string& dir : dead) {
    report.lines.push_back("session " + dir + " belonged to a process that is gone");
    undo_manifest(dir, &report.lines);
    remove_tree(dir);
    ++report.sessions_removed;
  }
  sweep_orphan_objects(report);
  return report;
}

}  // namespace ipclab
