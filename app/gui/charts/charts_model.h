// ChartsModel: the numbers the Charts dock plots, gathered from the event
// batches and snapshots (no widgets): each semaphore's value (its acquire
// and release events, the kernel samples, the snapshot), each channel's
// fill from the session's model (bytes or messages), and how many
// processes are blocked.
//
// Each series is a step line. Within one frame (one batch) a series keeps
// at most its first, lowest, highest and last value, so a burst of events
// adds a handful of points, not one per event; endFrame() commits them.
// Older points are thinned (min/max kept) beyond kMaxPoints per series.
#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

#include "trace/event.hpp"

namespace ipclab {
struct Scenario;
struct Snapshot;
}  // namespace ipclab

class ValueHistory {
 public:
  static constexpr qsizetype kMaxPoints = 2000;

  void set(uint64_t t, double value);                       // the value from time t on
  void endFrame();                                          // commits this frame's values as points
  const QList<QPointF>& points() const { return points_; }  // x in ms
  std::optional<double> last() const { return last_; }
  double peak() const { return peak_; }

 private:
  struct Sample {
    uint64_t t = 0;
    double v = 0;
  };
  void addStep(const Sample& s);
  void thin();

  QList<QPointF> points_;
  std::optional<double> last_;   // the newest value, committed or not
  std::optional<double> drawn_;  // the newest committed value
  std::optional<Sample> first_, low_, high_, latest_;
  double peak_ = 0;
};

class ChartsModel {
 public:
  enum class Kind { semaphore, channel, blocked };
  struct Series {
    QString name;
    QString unit;  // channels: "bytes" / "messages"
    Kind kind = Kind::semaphore;
    int obj = -1;
    ValueHistory history;
  };

  void setScenario(const ipclab::Scenario& scenario, int workers);
  void clear();
  void append(const std::vector<ipclab::Event>& events);
  void applySnapshot(const ipclab::Snapshot& snapshot);
  void endFrame();

  uint64_t now() const { return now_; }
  const std::vector<Series>& series() const { return series_; }
  // The series of object `obj`, or -1.
  int seriesOf(int obj) const;
  int blockedSeries() const { return static_cast<int>(series_.size()) - 1; }
  int blockedNow() const { return blockedCount_; }

 private:
  void setBlocked(int worker, bool blocked, uint64_t t);

  std::vector<Series> series_;  // objects first, "blocked processes" last
  std::vector<int> seriesOfObject_;
  std::vector<bool> blocked_;
  int blockedCount_ = 0;
  uint64_t now_ = 0;
};
