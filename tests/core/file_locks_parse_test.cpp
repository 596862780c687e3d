// Reading /proc/locks: the lines of one file (device and inode), waiters
// ("->") apart, OFD locks without a pid, and the sentence the kernel note shows.
#include <gtest/gtest.h>
#include <sys/sysmacros.h>

#include "observer/file_locks.hpp"

namespace ipclab {
namespace {

constexpr const char* kTable =
    "1: FLOCK  ADVISORY  WRITE 8620 fe:00:11051337 0 EOF\n"
    "2: OFDLCK ADVISORY  READ -1 fe:00:11051337 20 EOF\n"
    "3: POSIX  ADVISORY  WRITE 8621 fe:00:11051337 0 9\n"
    "3: -> POSIX  ADVISORY  WRITE 8622 fe:00:11051337 5 14\n"
    "4: POSIX  ADVISORY  WRITE 9999 fe:00:42 0 9\n"
    "5: POSIX  ADVISORY  WRITE 9998 fe:01:11051337 0 9\n"
    "garbage\n";

TEST(ProcLocks, OnlyTheLinesOfOneFileWithWaitersApart) {
  const std::vector<KernelFileLock> locks = parse_proc_locks(kTable, makedev(0xfe, 0x00), 11051337);
  ASSERT_EQ(locks.size(), 4u);
  EXPECT_EQ(locks[0].style, "FLOCK");
  EXPECT_TRUE(locks[0].write);
  EXPECT_EQ(locks[0].end, -1);
  EXPECT_EQ(locks[1].style, "OFDLCK");
  EXPECT_FALSE(locks[1].write);
  EXPECT_EQ(locks[1].pid, -1);
  EXPECT_EQ(locks[1].start, 20);
  EXPECT_FALSE(locks[2].waiting);
  EXPECT_EQ(locks[2].pid, 8621);
  EXPECT_EQ(locks[2].end, 9);
  EXPECT_TRUE(locks[3].waiting);
  EXPECT_EQ(locks[3].pid, 8622);
  EXPECT_EQ(locks[3].blocker, 8621);  // lock 3's owner, not 8620 or the OFD lock
  EXPECT_EQ(locks[2].blocker, 0);
  EXPECT_EQ(locks[3].start, 5);
  EXPECT_EQ(locks[3].end, 14);
}

TEST(ProcLocks, TheSentenceNamesHoldersThenWaiters) {
  const auto locks = parse_proc_locks(kTable, makedev(0xfe, 0x00), 11051337);
  EXPECT_EQ(describe_file_locks(locks),
            "FLOCK WRITE pid 8620 whole file; OFDLCK READ (open file description) bytes 20-EOF; "
            "POSIX WRITE pid 8621 bytes 0-9; waits: POSIX WRITE pid 8622 bytes 5-14 (/proc/locks)");
  EXPECT_EQ(describe_file_locks({}), "no locks (/proc/locks)");
}

}  // namespace
}  // namespace ipclab
