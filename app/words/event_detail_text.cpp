#include "event_detail_text.h"

#include <QRegularExpression>
#include <cerrno>
#include <cstring>
#include <map>
#include <utility>
#include <vector>

#include "object_words.h"
#include "switch_text.h"

namespace {

constexpr const char* kContext = "EventDetailText";

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

// A sentence two ways: the English core writes, and the words shown.
struct Said {
  QString english;
  QString shown;

  template <typename... Args>
  Said arg(const Args&... args) const {
    return {english.arg(args...), shown.arg(args...)};
  }
  Said arg(const Said& a) const { return {english.arg(a.english), shown.arg(a.shown)}; }
  Said arg(const Said& a, const Said& b) const {
    return {english.arg(a.english, b.english), shown.arg(a.shown, b.shown)};
  }
};

// `source` is marked with QT_TRANSLATE_NOOP where it is written.
Said say(const char* source) {
  return {QString::fromUtf8(source), QCoreApplication::translate(kContext, source)};
}

// The errno descriptions the catalogue translates, by errno; glibc's
// English for the others (and for English itself).
const std::map<int, const char*>& errnoWords() {
  static const std::map<int, const char*> words = {
      {EPERM, QT_TRANSLATE_NOOP("EventDetailText", "Operation not permitted")},
      {ENOENT, QT_TRANSLATE_NOOP("EventDetailText", "No such file or directory")},
      {ESRCH, QT_TRANSLATE_NOOP("EventDetailText", "No such process")},
      {EINTR, QT_TRANSLATE_NOOP("EventDetailText", "Interrupted system call")},
      {EBADF, QT_TRANSLATE_NOOP("EventDetailText", "Bad file descriptor")},
      {ECHILD, QT_TRANSLATE_NOOP("EventDetailText", "No child processes")},
      {EAGAIN, QT_TRANSLATE_NOOP("EventDetailText", "Resource temporarily unavailable")},
      {ENOMEM, QT_TRANSLATE_NOOP("EventDetailText", "Cannot allocate memory")},
      {EACCES, QT_TRANSLATE_NOOP("EventDetailText", "Permission denied")},
      {EEXIST, QT_TRANSLATE_NOOP("EventDetailText", "File exists")},
      {EINVAL, QT_TRANSLATE_NOOP("EventDetailText", "Invalid argument")},
      {EMFILE, QT_TRANSLATE_NOOP("EventDetailText", "Too many open files")},
      {ENOSPC, QT_TRANSLATE_NOOP("EventDetailText", "No space left on device")},
      {EPIPE, QT_TRANSLATE_NOOP("EventDetailText", "Broken pipe")},
      {EDEADLK, QT_TRANSLATE_NOOP("EventDetailText", "Resource deadlock avoided")},
      {ENOMSG, QT_TRANSLATE_NOOP("EventDetailText", "No message of desired type")},
      {EIDRM, QT_TRANSLATE_NOOP("EventDetailText", "Identifier removed")},
      {EMSGSIZE, QT_TRANSLATE_NOOP("EventDetailText", "Message too long")},
      {ENOTSUP, QT_TRANSLATE_NOOP("EventDetailText", "Operation not supported")},
      {EADDRINUSE, QT_TRANSLATE_NOOP("EventDetailText", "Address already in use")},
      {ECONNRESET, QT_TRANSLATE_NOOP("EventDetailText", "Connection reset by peer")},
      {ENOTCONN, QT_TRANSLATE_NOOP("EventDetailText", "Transport endpoint is not connected")},
      {ETIMEDOUT, QT_TRANSLATE_NOOP("EventDetailText", "Connection timed out")},
      {ECONNREFUSED, QT_TRANSLATE_NOOP("EventDetailText", "Connection refused")},
      {EOWNERDEAD, QT_TRANSLATE_NOOP("EventDetailText", "Owner died")},
      {ENOTRECOVERABLE, QT_TRANSLATE_NOOP("EventDetailText", "State not recoverable")},
  };
  return words;
}

// Core's "NAME description" of an errno (session_pump.cpp), or "".
QString coreErrnoText(int err) {
  const char* name = strerrorname_np(err);
  if (!name) return QString();
  return QString::fromLatin1(name) + QLatin1Char(' ') + QString::fromUtf8(std::strerror(err));
}

Said errnoSaid(int err) {
  const QString english = coreErrnoText(err);
  const auto it = errnoWords().find(err);
  if (it == errnoWords().end()) return {english, english};
  const QString description = QCoreApplication::translate(kContext, it->second);
  if (description == QString::fromUtf8(it->second)) return {english, english};
  return {english, EventDetailText::tr("%1 (%2)", "an errno's name and what it means")
                       .arg(QString::fromLatin1(strerrorname_np(err)), description)};
}

// What core says went wrong before the errno (worker_ops*.cpp), by the op
// the process was on and the errno.
Said errorWhat(const ipclab::Op& op, int err) {
  using K = ipclab::OpKind;
  const Said noEnd =
      say(QT_TRANSLATE_NOOP("EventDetailText", "this process has no end of the channel"));
  switch (op.kind) {
    case K::send:
      return err == EBADF ? noEnd : say(QT_TRANSLATE_NOOP("EventDetailText", "send failed"));
    case K::recv:
      return err == EBADF ? noEnd : say(QT_TRANSLATE_NOOP("EventDetailText", "receive failed"));
    case K::sem_wait:
    case K::sem_trywait:
      return say(QT_TRANSLATE_NOOP("EventDetailText", "semaphore not open"));
    case K::sem_post:
      return err == EBADF ? say(QT_TRANSLATE_NOOP("EventDetailText", "semaphore not open"))
                          : say(QT_TRANSLATE_NOOP("EventDetailText", "sem_post failed"));
    case K::mutex_lock:
    case K::mutex_trylock:
      return say(QT_TRANSLATE_NOOP("EventDetailText", "lock failed"));
    case K::mutex_unlock:
      return err == EPERM
                 ? say(QT_TRANSLATE_NOOP("EventDetailText",
                                         "unlock of a mutex this process does not hold"))
                 : say(QT_TRANSLATE_NOOP("EventDetailText", "pthread_mutex_unlock failed"));
    case K::shm_read:
    case K::shm_write:
    case K::shm_add:
    case K::shm_load:
    case K::shm_compute:
    case K::shm_store:
      return say(QT_TRANSLATE_NOOP("EventDetailText", "shared memory not mapped"));
    case K::rpc_call:
      return err == ENOENT || err == ECONNREFUSED
                 ? say(QT_TRANSLATE_NOOP("EventDetailText", "no server to call: connect failed"))
                 : say(QT_TRANSLATE_NOOP("EventDetailText", "no reply"));
    case K::rpc_serve:
      return say(QT_TRANSLATE_NOOP("EventDetailText", "not a server of this rpc"));
    case K::exec:
      return err == ENOENT ? say(QT_TRANSLATE_NOOP("EventDetailText",
                                                   "program not found in /usr/bin or /bin"))
                           : say(QT_TRANSLATE_NOOP(
                                 "EventDetailText",
                                 "exec needs a byte stream (pipe, fifo, unix_stream, tcp)"));
    case K::unsupported:
      return say(
          QT_TRANSLATE_NOOP("EventDetailText", "this action is not available in this version"));
    default:
      return {};
  }
}

// The details core writes as they are, without data in them.
const std::vector<const char*>& fixedSentences() {
  static const std::vector<const char*> fixed = {
      QT_TRANSLATE_NOOP("EventDetailText", "interrupted by a signal"),
      QT_TRANSLATE_NOOP("EventDetailText", "timed out"),
      QT_TRANSLATE_NOOP("EventDetailText", "shared memory: slots not read yet"),
      QT_TRANSLATE_NOOP("EventDetailText", "sem_trywait: the count is 0, not acquired"),
      QT_TRANSLATE_NOOP("EventDetailText", "the previous owner died holding it; made consistent"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "lost update: the cell changed after this process loaded it"),
      QT_TRANSLATE_NOOP("EventDetailText", "could not open the object"),
      QT_TRANSLATE_NOOP("EventDetailText", "kernel: FIONREAD bytes"),
      // A process blocked on a channel whose mechanism is being switched.
      QT_TRANSLATE_NOOP("EventDetailText", "the channel is switching mechanism"),
      // Synchronisation objects (worker_ops_sem.cpp, worker_ops_locks.cpp,
      // worker_ops_wait.cpp, worker_ops.cpp).
      QT_TRANSLATE_NOOP("EventDetailText", "semop IPC_NOWAIT: the count is 0, not acquired"),
      QT_TRANSLATE_NOOP("EventDetailText", "semop failed"),
      QT_TRANSLATE_NOOP("EventDetailText", "unlock of an rwlock this process does not hold"),
      QT_TRANSLATE_NOOP("EventDetailText", "this process already holds the rwlock for writing"),
      QT_TRANSLATE_NOOP("EventDetailText", "the rwlock could not be locked"),
      QT_TRANSLATE_NOOP("EventDetailText", "pthread_rwlock_unlock failed"),
      QT_TRANSLATE_NOOP("EventDetailText", "the file is not open"),
      QT_TRANSLATE_NOOP("EventDetailText", "the unlock failed"),
      QT_TRANSLATE_NOOP("EventDetailText", "the file lock failed"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "the kernel refused: waiting would close a lock cycle (deadlock)"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "EOWNERDEAD: the owner died holding it; call pthread_mutex_consistent"),
      QT_TRANSLATE_NOOP("EventDetailText", "pthread_mutex_consistent: the mutex is usable again"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "unlocked without pthread_mutex_consistent: now ENOTRECOVERABLE"),
      QT_TRANSLATE_NOOP("EventDetailText", "exits holding it: the next locker gets EOWNERDEAD"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "exits holding it: not robust, so never released; waiters wait for ever"),
      QT_TRANSLATE_NOOP("EventDetailText", "pthread_cond_wait releases the mutex while it waits"),
      QT_TRANSLATE_NOOP("EventDetailText", "pthread_cond_wait woke up and locked the mutex again"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "EOWNERDEAD: woke up, and the mutex's owner had died holding it"),
      QT_TRANSLATE_NOOP("EventDetailText", "pthread_cond_signal: wakes one waiter"),
      QT_TRANSLATE_NOOP("EventDetailText", "pthread_cond_broadcast: wakes every waiter"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "set: wakes one waiter, whose wait resets it (auto reset)"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "set: wakes every waiter; it stays set until reset (manual reset)"),
      QT_TRANSLATE_NOOP("EventDetailText", "the event was set: passed, and reset it (auto reset)"),
      QT_TRANSLATE_NOOP("EventDetailText", "the event is set: passed (manual reset: it stays set)"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "ENOTRECOVERABLE: unlocked after its owner died, never made consistent"),
      QT_TRANSLATE_NOOP("EventDetailText", "EDEADLK: this process already holds the mutex"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "pthread_mutex_consistent: not robust, or its owner did not die"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "pthread_cond_wait needs the mutex locked by this process first"),
      QT_TRANSLATE_NOOP("EventDetailText", "pthread_mutex_consistent failed"),
      QT_TRANSLATE_NOOP("EventDetailText", "pthread_cond_signal failed"),
      QT_TRANSLATE_NOOP("EventDetailText", "pthread_cond_broadcast failed"),
      QT_TRANSLATE_NOOP("EventDetailText", "pthread_barrier_wait failed"),
      QT_TRANSLATE_NOOP("EventDetailText", "arrived last: the barrier opens"),
      QT_TRANSLATE_NOOP("EventDetailText", "passed: every party has arrived"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "arrived last: the barrier opens (PTHREAD_BARRIER_SERIAL_THREAD)"),
      QT_TRANSLATE_NOOP("EventDetailText",
                        "passed: every party has arrived (PTHREAD_BARRIER_SERIAL_THREAD)"),
      // Private memory and measure (worker_runtime.cpp, worker_ops_measure.cpp).
      QT_TRANSLATE_NOOP("EventDetailText", "could not map its private memory"),
      QT_TRANSLATE_NOOP("EventDetailText", "values arrived changed or out of order: no measure"),
      QT_TRANSLATE_NOOP("EventDetailText", "pipe failed: no measure"),
      QT_TRANSLATE_NOOP("EventDetailText", "fork failed: no measure"),
      QT_TRANSLATE_NOOP("EventDetailText", "write failed: no measure"),
      QT_TRANSLATE_NOOP("EventDetailText", "read failed: no measure"),
      // A read of 0 bytes from a byte stream (session_pump.cpp).
      QT_TRANSLATE_NOOP("EventDetailText", "end of file"),
      // A lock made of a flag in shared memory (worker_ops_flag.cpp).
      QT_TRANSLATE_NOOP("EventDetailText", "flag set: inside the critical section"),
      QT_TRANSLATE_NOOP("EventDetailText", "flag cleared: out of the critical section"),
  };
  return fixed;
}

// Details with data in them, as core writes them (session_pump.cpp,
// worker_ops*.cpp): the pattern and the sentence its captures fill.
struct Pattern {
  QRegularExpression re;
  const char* source;
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> all = {
      {QRegularExpression(QStringLiteral("^(\\d+) actions$")),
       QT_TRANSLATE_NOOP("EventDetailText", "%1 actions")},
      // A signal the kernel merged into a pending one (worker_ops.cpp, session_pump.cpp).
      {QRegularExpression(
           QStringLiteral("^lost: (SIG\\w+|signal \\d+) to (.+) \\(pid (\\d+)\\): one was already "
                          "pending there \\(ShdPnd\\), so the kernel merged this one into it$")),
       QT_TRANSLATE_NOOP("EventDetailText",
                         "lost: %1 to %2 (pid %3): one was already pending there (ShdPnd), so the "
                         "kernel merged this one into it")},
      {QRegularExpression(QStringLiteral("^(SIG\\w+|signal \\d+) to (.+) \\(pid (\\d+)\\)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "%1 to %2 (pid %3)")},
      {QRegularExpression(QStringLiteral("^(SIG\\w+|signal \\d+) from pid (\\d+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "%1 from pid %2")},
      {QRegularExpression(QStringLiteral("^(SIG\\w+|signal \\d+) caught by the handler$")),
       QT_TRANSLATE_NOOP("EventDetailText", "%1 caught by the handler")},
      {QRegularExpression(QStringLiteral("^kernel: (.+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "kernel: %1")},
      {QRegularExpression(QStringLiteral("^shared memory: (.+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "shared memory: %1")},
      {QRegularExpression(QStringLiteral("^read cell (\\d+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "read cell %1")},
      {QRegularExpression(QStringLiteral("^write cell (\\d+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "write cell %1")},
      {QRegularExpression(QStringLiteral("^add cell (\\d+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "add cell %1")},
      {QRegularExpression(QStringLiteral("^load cell (\\d+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "load cell %1")},
      {QRegularExpression(QStringLiteral("^compute cell (\\d+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "compute cell %1")},
      {QRegularExpression(QStringLiteral("^store cell (\\d+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "store cell %1")},
      {QRegularExpression(QStringLiteral("^(\\S+) runs as pid (\\d+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "%1 runs as pid %2")},
      {QRegularExpression(QStringLiteral("^(\\S+) exited with code (-?\\d+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "%1 exited with code %2")},
      {QRegularExpression(QStringLiteral("^(\\S+) was killed by (\\S+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "%1 was killed by %2")},
      // Races (worker_ops.cpp's lost update, session_pump.cpp's toll at the end).
      {QRegularExpression(QStringLiteral("^lost update: loaded (-?\\d+), but the cell held "
                                         "(-?\\d+) when this process stored (-?\\d+) over it$")),
       QT_TRANSLATE_NOOP("EventDetailText",
                         "lost update: loaded %1, but the cell held %2 when this process "
                         "stored %3 over it")},
      {QRegularExpression(QStringLiteral("^(\\S+)\\[(\\d+)\\] ended at (-?\\d+), but the updates "
                                         "made add up to (-?\\d+): (\\d+) lost$")),
       QT_TRANSLATE_NOOP("EventDetailText",
                         "%1[%2] ended at %3, but the updates made add up to %4: %5 lost")},
      // measure (worker_ops_measure.cpp).
      {QRegularExpression(QStringLiteral("^the child that reads runs as pid (\\d+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "the child that reads runs as pid %1")},
      {QRegularExpression(QStringLiteral("^threads sharing memory: (\\d+) values in (.+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "threads sharing memory: %1 values in %2")},
      {QRegularExpression(QStringLiteral("^two processes through a pipe: (\\d+) values in (.+)$")),
       QT_TRANSLATE_NOOP("EventDetailText", "two processes through a pipe: %1 values in %2")},
      {QRegularExpression(QStringLiteral("^(\\d+) times the cost$")),
       QT_TRANSLATE_NOOP("EventDetailText", "%1 times the cost")},
      // A shm_ring without its semaphores (worker_ring.cpp).
      {QRegularExpression(QStringLiteral("^overflow: message #(\\d+) overwrote message #(\\d+) in "
                                         "slot (\\d+) before it was read$")),
       QT_TRANSLATE_NOOP(
           "EventDetailText",
           "overflow: message #%1 overwrote message #%2 in slot %3 before it was read")},
      {QRegularExpression(QStringLiteral(
           "^underflow: read slot (\\d+), where nothing was ever written \\(empty\\)$")),
       QT_TRANSLATE_NOOP("EventDetailText",
                         "underflow: read slot %1, where nothing was ever written (empty)")},
      {QRegularExpression(QStringLiteral(
           "^underflow: read slot (\\d+), where nothing new was written \\(stale data: (.*)\\)$")),
       QT_TRANSLATE_NOOP(
           "EventDetailText",
           "underflow: read slot %1, where nothing new was written (stale data: %2)")},
      // Two processes inside one critical section (state_model.cpp).
      {QRegularExpression(QStringLiteral("^mutual exclusion broken: (\\d+) processes are inside "
                                         "the critical section guarded by (\\S+)$")),
       QT_TRANSLATE_NOOP("EventDetailText",
                         "mutual exclusion broken: %1 processes are inside the critical section "
                         "guarded by %2")},
      // Starvation (session_pump.cpp).
      {QRegularExpression(QStringLiteral(
           "^starving: (\\S+) has waited on (\\S+) while others got it (\\d+) times$")),
       QT_TRANSLATE_NOOP("EventDetailText",
                         "starving: %1 has waited on %2 while others got it %3 times")},
      // A byte stream split a message (state_model.cpp, shown by session_analysis.cpp).
      {QRegularExpression(QStringLiteral("^message #(\\d+) \\((\\d+) bytes\\) was split: this "
                                         "read got (\\d+) of its bytes, the rest stays in the "
                                         "channel$")),
       QT_TRANSLATE_NOOP("EventDetailText",
                         "message #%1 (%2 bytes) was split: this read got %3 of its bytes, the "
                         "rest stays in the channel")},
      {QRegularExpression(QStringLiteral("^message #(\\d+) \\((\\d+) bytes\\) was split: this "
                                         "read got (\\d+) of its bytes, the rest of it$")),
       QT_TRANSLATE_NOOP("EventDetailText",
                         "message #%1 (%2 bytes) was split: this read got %3 of its bytes, the "
                         "rest of it")},
  };
  return all;
}

QString fromPattern(const QString& detail) {
  for (const Pattern& p : patterns()) {
    const QRegularExpressionMatch m = p.re.match(detail);
    if (!m.hasMatch()) continue;
    QString out = QCoreApplication::translate(kContext, p.source);
    // One multi-argument arg(): a capture holding "%1" is not substituted again.
    const QStringList caps = m.capturedTexts().mid(1);
    if (caps.size() == 1) return out.arg(caps[0]);
    if (caps.size() == 2) return out.arg(caps[0], caps[1]);
    if (caps.size() == 3) return out.arg(caps[0], caps[1], caps[2]);
    if (caps.size() == 4) return out.arg(caps[0], caps[1], caps[2], caps[3]);
    if (caps.size() == 5) return out.arg(caps[0], caps[1], caps[2], caps[3], caps[4]);
    return QString();
  }
  return QString();
}

}  // namespace

int EventDetailText::errnoAtEnd(const QString& detail) {
  // Every errno core may name, by its words: built once, looked up by the
  // name found at the end ("... EPIPE Broken pipe").
  static const std::map<QString, int> byText = [] {
    std::map<QString, int> m;
    for (int err = 1; err < 256; ++err)
      if (const QString text = coreErrnoText(err); !text.isEmpty()) m.emplace(text, err);
    return m;
  }();
  static const QRegularExpression name(QStringLiteral("(?:^|: )(E[A-Z0-9]+ [^:]*)$"));
  const QRegularExpressionMatch m = name.match(detail);
  if (!m.hasMatch()) return 0;
  const auto it = byText.find(m.captured(1));
  return it == byText.end() ? 0 : it->second;
}

QString EventDetailText::errnoText(int err) {
  return errnoSaid(err).shown;
}

QString EventDetailText::exitText(const QString& detail) {
  // Core's words (session_pump.cpp): "exit code N", with ", stopped by the
  // session before action K of M" when the session ended it at its gate, or
  // "killed by SIGNAME".
  static const QRegularExpression exited(QStringLiteral(
      "^exit code (-?\\d+)(?:, stopped by the session before action (\\d+) of (\\d+))?$"));
  static const QRegularExpression killed(QStringLiteral("^killed by (\\S+)$"));
  if (const QRegularExpressionMatch m = exited.match(detail); m.hasMatch()) {
    if (m.captured(2).isEmpty()) return tr("exit code %1").arg(m.captured(1));
    return tr("exit code %1, stopped by the session before action %2 of %3")
        .arg(m.captured(1), m.captured(2), m.captured(3));
  }
  if (const QRegularExpressionMatch m = killed.match(detail); m.hasMatch())
    return tr("killed by %1").arg(m.captured(1));
  return QString();
}

QString EventDetailText::cycleText(const QString& detail) {
  // wait_for.cpp's describe_cycle: "A waits for O1 held by B, which waits
  // for O2 held by C, ..., which waits for On held by A".
  static const QRegularExpression first(QStringLiteral("^(\\S+) waits for (\\S+) held by (\\S+)$"));
  static const QRegularExpression next(QStringLiteral("^(\\S+) held by (\\S+)$"));
  const QString firstSource = QStringLiteral("%1 waits for %2 held by %3");
  const QString firstShown = tr("%1 waits for %2 held by %3", "the first link of a deadlock cycle");
  // In English, core's own sentence is the one to show.
  if (firstShown == firstSource) return QString();
  const QStringList parts = detail.split(QStringLiteral(", which waits for "));
  const QRegularExpressionMatch m = first.match(parts.first());
  if (!m.hasMatch()) return QString();
  QString out = firstShown.arg(m.captured(1), m.captured(2), m.captured(3));
  QString waiter = m.captured(3);
  for (qsizetype i = 1; i < parts.size(); ++i) {
    const QRegularExpressionMatch n = next.match(parts[i]);
    if (!n.hasMatch()) return QString();
    // %1 is the holder of the link before, who waits in its turn.
    out += tr(", then %1 waits for %2 held by %3",
              "a later link of a deadlock cycle: %1 held the object before")
               .arg(waiter, n.captured(1), n.captured(2));
    waiter = n.captured(2);
  }
  return out;
}

QString EventDetailText::deadlockText(const QString& detail) {
  if (const QString cycle = cycleText(detail); !cycle.isNull()) return cycle;
  // session_pump.cpp's find_deadlock.
  static const QRegularExpression whole(
      QStringLiteral("^every process is blocked and none can release another: (.+)$"));
  static const QRegularExpression clause(
      QStringLiteral("^(.+?) waits (?:(for a signal)|on (\\S+) '([^']*)'(?: held by (.+?))?"
                     "(?: \\(count (-?\\d+)\\))?)$"));
  const QRegularExpressionMatch m = whole.match(detail);
  if (!m.hasMatch()) return QString();
  // In English, core's own sentence is the one to show.
  const QString sentence = tr("every process is blocked and none can release another: %1");
  if (sentence == QLatin1String("every process is blocked and none can release another: %1"))
    return QString();
  QStringList clauses;
  for (const QString& part : m.captured(1).split(QStringLiteral("; "))) {
    const QRegularExpressionMatch c = clause.match(part);
    if (!c.hasMatch()) return QString();
    if (!c.captured(2).isEmpty()) {
      clauses << tr("%1 waits for a signal").arg(c.captured(1));
      continue;
    }
    const auto kind = ipclab::object_kind_from(c.captured(3).toStdString());
    if (!kind) return QString();
    QString text =
        tr("%1 waits on %2 '%3'").arg(c.captured(1), KindWords::word(*kind), c.captured(4));
    if (!c.captured(5).isEmpty()) text = tr("%1, held by %2").arg(text, c.captured(5));
    if (!c.captured(6).isEmpty()) text = tr("%1 (count %2)").arg(text, c.captured(6));
    clauses << text;
  }
  return sentence.arg(clauses.join(tr("; ", "between the processes of a deadlock")));
}

QString EventDetailText::finding(const ipclab::Finding& f) {
  const QString english = q(f.text);
  if (f.kind == ipclab::FindingKind::deadlock) {
    const QString said = deadlockText(english);
    return said.isNull() ? english : said;
  }
  ipclab::Event e;
  e.ev = f.kind == ipclab::FindingKind::signal_lost ? ipclab::EventKind::signal
                                                    : ipclab::EventKind::race;
  e.detail = f.text;
  const QString said = words(e, nullptr);
  return said.isNull() ? english : said;
}

QString EventDetailText::words(const ipclab::Event& e, const ipclab::Op* op) {
  if (e.detail.empty()) return QString();
  const QString detail = q(e.detail);
  using ipclab::EventKind;
  if (e.ev == EventKind::exit) return exitText(detail);
  if (e.ev == EventKind::switch_) return SwitchText::eventDetail(e);
  if (e.ev == EventKind::deadlock) return deadlockText(detail);
  if (e.ev == EventKind::error) {
    const int err = errnoAtEnd(detail);
    if (!op || err == 0) return QString();
    Said what = errorWhat(*op, err);
    // Any other sentence core may put before the errno.
    for (const char* fixed : fixedSentences())
      if (detail == QLatin1String(fixed) + QStringLiteral(": ") + coreErrnoText(err))
        what = say(fixed);
    if (what.english.isEmpty()) return QString();
    const Said sentence =
        Said{QStringLiteral("%1: %2"), tr("%1: %2", "what failed: the errno")}.arg(what,
                                                                                   errnoSaid(err));
    return sentence.english == detail ? sentence.shown : QString();
  }
  // A return with an errno and nothing else: "EPIPE Broken pipe".
  if (const int err = errnoAtEnd(detail); err != 0 && detail == coreErrnoText(err))
    return errnoSaid(err).shown;
  for (const char* fixed : fixedSentences())
    if (detail == QLatin1String(fixed)) return QCoreApplication::translate(kContext, fixed);
  if (const QString said = fromPattern(detail); !said.isNull()) return said;
  // A finding the session reports for a process (session_analysis.cpp):
  // "reader: message #2 (10 bytes) was split: ...".
  static const QRegularExpression forProcess(QStringLiteral("^(\\S+): (.+)$"));
  if (const QRegularExpressionMatch m = forProcess.match(detail); m.hasMatch())
    if (const QString said = fromPattern(m.captured(2)); !said.isNull())
      return tr("%1: %2", "a process and what the session found about it").arg(m.captured(1), said);
  return QString();
}
