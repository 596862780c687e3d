// The kernel probe against real child processes: each test forks a child that
// blocks in a known syscall and waits, with a deadline, until the kernel
// reports it there. No fixed sleeps: a loop polls /proc until the state shows.
#include "observer/kernel_probe.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <functional>
#include <thread>

namespace ipclab {
namespace {

using namespace std::chrono_literals;

// Kills and reaps a forked child when the test ends, even after a failed
// assertion, so no child outlives the test.
class ChildGuard {
 public:
  explicit ChildGuard(pid_t pid) : pid_(pid) {}
  ~ChildGuard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  ChildGuard(const ChildGuard&) = delete;
  ChildGuard& operator=(const ChildGuard&) = delete;
  pid_t pid() const { return pid_; }
  // Reaps the child now (it must have exited or been killed).
  void reap() {
    while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
  }

 private:
  pid_t pid_;
};

// Both ends of a pipe, closed on scope exit.
struct Pipe {
  int fds[2] = {-1, -1};
  Pipe() { EXPECT_EQ(::pipe2(fds, O_CLOEXEC), 0); }
  ~Pipe() {
    for (int fd : fds)
      if (fd >= 0) ::close(fd);
  }
  int read_end() const { return fds[0]; }
  int write_end() const { return fds[1]; }
};

// Forks a child that runs `body` and then _exits; only async-signal-safe
// calls belong in `body`.
pid_t fork_child(const std::function<void()>& body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    body();
    ::_exit(0);
  }
  return pid;
}

// Probes `pid` until `done` holds or five seconds pass; returns the last probe.
ProcessTruth probe_until(pid_t pid, const std::function<bool(const ProcessTruth&)>& done) {
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  ProcessTruth truth = probe_process(pid);
  while (!done(truth) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(1ms);
    truth = probe_process(pid);
  }
  return truth;
}

TEST(KernelProbe, ChildBlockedInReadOnEmptyPipe) {
  Pipe pipe;
  ChildGuard child(fork_child([&] {
    char byte;
    (void)!::read(pipe.read_end(), &byte, 1);
  }));
  ASSERT_GT(child.pid(), 0);

  const ProcessTruth truth = probe_until(child.pid(), [](const ProcessTruth& t) {
    return t.state == 'S' && t.syscall_name == "read";
  });
  EXPECT_TRUE(truth.alive);
  EXPECT_EQ(truth.state, 'S');
  EXPECT_EQ(truth.state_word, "sleeping");
  EXPECT_EQ(truth.syscall_nr, SYS_read);
  EXPECT_EQ(truth.syscall_name, "read");
  // wchan may be hidden ("0") where kernel symbols are restricted.
  if (!truth.wchan.empty()) {
    EXPECT_NE(truth.wchan, "0");
  }
}

TEST(KernelProbe, CommandNameWithSpacesAndParenthesesDoesNotConfuseStat) {
  Pipe pipe;
  ChildGuard child(fork_child([&] {
    ::prctl(PR_SET_NAME, "a) b (S) c");
    char byte;
    (void)!::read(pipe.read_end(), &byte, 1);
  }));
  ASSERT_GT(child.pid(), 0);

  const ProcessTruth truth = probe_until(child.pid(), [](const ProcessTruth& t) {
    return t.syscall_name == "read" && t.state == 'S';
  });
  EXPECT_EQ(truth.state, 'S');
  EXPECT_EQ(truth.syscall_name, "read");
}

TEST(KernelProbe, ChildBlockedOnProcessSharedSemaphoreIsInFutex) {
  void* mem =
      ::mmap(nullptr, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(mem, MAP_FAILED);
  auto* sem = static_cast<sem_t*>(mem);
  ASSERT_EQ(::sem_init(sem, /*pshared=*/1, 0), 0);
  {
    ChildGuard child(fork_child([&] { ::sem_wait(sem); }));
    ASSERT_GT(child.pid(), 0);

    const ProcessTruth truth = probe_until(child.pid(), [](const ProcessTruth& t) {
      return t.state == 'S' && t.syscall_name == "futex";
    });
    EXPECT_EQ(truth.state, 'S');
    EXPECT_EQ(truth.syscall_nr, SYS_futex);
    EXPECT_EQ(truth.syscall_name, "futex");
  }
  ::sem_destroy(sem);
  ::munmap(mem, sizeof(sem_t));
}

TEST(KernelProbe, BlockedSignalShowsAsPending) {
  Pipe ready;
  Pipe hold;
  ChildGuard child(fork_child([&] {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    ::sigprocmask(SIG_BLOCK, &set, nullptr);
    (void)!::write(ready.write_end(), "r", 1);
    char byte;
    (void)!::read(hold.read_end(), &byte, 1);
  }));
  ASSERT_GT(child.pid(), 0);

  char byte = 0;
  ASSERT_EQ(::read(ready.read_end(), &byte, 1), 1);  // SIGUSR1 is blocked now
  ASSERT_EQ(::kill(child.pid(), SIGUSR1), 0);

  const uint64_t usr1 = uint64_t{1} << (SIGUSR1 - 1);
  // Wait until it also sleeps in read(): by then it has given up the CPU at
  // least once, so the voluntary switch count is above zero.
  const ProcessTruth truth = probe_until(child.pid(), [&](const ProcessTruth& t) {
    return (t.sig_pending & usr1) != 0 && t.syscall_name == "read";
  });
  EXPECT_TRUE(truth.alive);
  EXPECT_NE(truth.sig_pending & usr1, 0u);
  EXPECT_NE(truth.sig_blocked & usr1, 0u);
  EXPECT_NE(signal_mask_names(truth.sig_pending).find("SIGUSR1"), std::string::npos);
  EXPECT_GT(truth.voluntary_switches, 0u);
}

TEST(KernelProbe, ZombieShowsStateZ) {
  ChildGuard child(fork_child([] {}));
  ASSERT_GT(child.pid(), 0);

  const ProcessTruth truth =
      probe_until(child.pid(), [](const ProcessTruth& t) { return t.state == 'Z'; });
  EXPECT_TRUE(truth.alive);
  EXPECT_EQ(truth.state, 'Z');
  EXPECT_EQ(truth.state_word, "zombie");
}

TEST(KernelProbe, ReapedChildIsNotAlive) {
  ChildGuard child(fork_child([] {}));
  ASSERT_GT(child.pid(), 0);
  const pid_t pid = child.pid();
  child.reap();

  const ProcessTruth truth = probe_process(pid);
  EXPECT_FALSE(truth.alive);
  EXPECT_EQ(truth.state, '?');
  EXPECT_EQ(truth.syscall_nr, -1);
  EXPECT_TRUE(truth.syscall_name.empty());
}

TEST(KernelProbe, NonsensePidsAreNotAlive) {
  EXPECT_FALSE(probe_process(0).alive);
  EXPECT_FALSE(probe_process(-1).alive);
}

TEST(KernelProbe, ProbesItself) {
  const ProcessTruth truth = probe_process(::getpid());
  EXPECT_TRUE(truth.alive);
  EXPECT_EQ(truth.state, 'R');
  EXPECT_EQ(truth.state_word, "running");
}

TEST(KernelProbe, BytesUnreadCountsWhatIsInThePipe) {
  Pipe pipe;
  EXPECT_EQ(bytes_unread(pipe.read_end()), 0);
  ASSERT_EQ(::write(pipe.write_end(), "hello", 5), 5);
  EXPECT_EQ(bytes_unread(pipe.read_end()), 5);
  EXPECT_EQ(bytes_unread(-1), std::nullopt);
}

TEST(SyscallNames, NamesTheCallsWorkersMake) {
  EXPECT_EQ(syscall_name(SYS_read), "read");
#define EXPECT_SYSCALL(name) EXPECT_EQ(syscall_name(SYS_##name), #name)
  EXPECT_SYSCALL(write);
  EXPECT_SYSCALL(openat);
  EXPECT_SYSCALL(close);
  EXPECT_SYSCALL(ppoll);
  EXPECT_SYSCALL(pselect6);
  EXPECT_SYSCALL(nanosleep);
  EXPECT_SYSCALL(clock_nanosleep);
  EXPECT_SYSCALL(futex);
  EXPECT_SYSCALL(mq_timedsend);
  EXPECT_SYSCALL(mq_timedreceive);
  EXPECT_SYSCALL(mq_open);
  EXPECT_SYSCALL(mq_unlink);
  EXPECT_SYSCALL(msgsnd);
  EXPECT_SYSCALL(msgrcv);
  EXPECT_SYSCALL(semop);
  EXPECT_SYSCALL(semtimedop);
  EXPECT_SYSCALL(rt_sigtimedwait);
  EXPECT_SYSCALL(rt_sigsuspend);
  EXPECT_SYSCALL(wait4);
  EXPECT_SYSCALL(waitid);
  EXPECT_SYSCALL(accept);
  EXPECT_SYSCALL(accept4);
  EXPECT_SYSCALL(connect);
  EXPECT_SYSCALL(recvfrom);
  EXPECT_SYSCALL(sendto);
  EXPECT_SYSCALL(recvmsg);
  EXPECT_SYSCALL(sendmsg);
  EXPECT_SYSCALL(flock);
  EXPECT_SYSCALL(fcntl);
  EXPECT_SYSCALL(epoll_pwait);
  EXPECT_SYSCALL(kill);
  EXPECT_SYSCALL(rt_sigqueueinfo);
  EXPECT_SYSCALL(tgkill);
  EXPECT_SYSCALL(exit);
  EXPECT_SYSCALL(exit_group);
  EXPECT_SYSCALL(pidfd_open);
  EXPECT_SYSCALL(clone3);
  EXPECT_SYSCALL(futex_waitv);
#if defined(__x86_64__)  // these are not in the aarch64 ABI
  EXPECT_SYSCALL(poll);
  EXPECT_SYSCALL(select);
  EXPECT_SYSCALL(pause);
  EXPECT_SYSCALL(epoll_wait);
#endif
#undef EXPECT_SYSCALL
}

TEST(SyscallNames, UnknownNumbersHaveNoName) {
  EXPECT_EQ(syscall_name(-1), "");
  EXPECT_EQ(syscall_name(100000), "");
#if defined(__x86_64__)
  EXPECT_EQ(syscall_name(400), "");  // the gap between rseq (334) and 424
#endif
}

TEST(SignalMaskNames, NamesClassicAndRealtimeSignals) {
  EXPECT_EQ(signal_mask_names(0), "");
  const auto bit = [](int sig) { return uint64_t{1} << (sig - 1); };
  EXPECT_EQ(signal_mask_names(bit(SIGUSR1) | bit(SIGTERM)), "SIGUSR1 SIGTERM");
  EXPECT_EQ(signal_mask_names(bit(SIGHUP)), "SIGHUP");
  EXPECT_EQ(signal_mask_names(bit(SIGSYS)), "SIGSYS");
  EXPECT_EQ(signal_mask_names(bit(SIGRTMIN)), "SIGRTMIN");
  EXPECT_EQ(signal_mask_names(bit(SIGRTMIN + 3)), "SIGRTMIN+3");
  EXPECT_EQ(signal_mask_names(bit(SIGINT) | bit(SIGRTMIN + 1)), "SIGINT SIGRTMIN+1");
}

}  // namespace
}  // namespace ipclab
