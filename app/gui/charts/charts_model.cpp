#include "charts_model.h"

#include <algorithm>
#include <array>

#include "runtime/session.hpp"
#include "scenario/scenario.hpp"

namespace {

using ipclab::EventKind;
using ipclab::ObjectKind;

bool isChannel(ObjectKind k) {
  switch (k) {
    case ObjectKind::pipe:
    case ObjectKind::fifo:
    case ObjectKind::posix_mq:
    case ObjectKind::sysv_mq:
    case ObjectKind::unix_stream:
    case ObjectKind::unix_dgram:
    case ObjectKind::tcp:
    case ObjectKind::udp:
    case ObjectKind::shm_ring:
      return true;
    default:
      return false;
  }
}

double ms(uint64_t t) {
  return static_cast<double>(t) / 1e6;
}

}  // namespace

void ValueHistory::set(uint64_t t, double value) {
  if (last_ && *last_ == value) return;
  last_ = value;
  peak_ = std::max(peak_, value);
  const Sample s{t, value};
  if (!first_) first_ = s;
  if (!low_ || value < low_->v) low_ = s;
  if (!high_ || value > high_->v) high_ = s;
  latest_ = s;
}

void ValueHistory::endFrame() {
  if (!latest_) return;
  // The frame's extremes in time order, then its last value.
  std::array<Sample, 4> samples{*first_, *low_, *high_, *latest_};
  std::sort(samples.begin(), samples.end(),
            [](const Sample& a, const Sample& b) { return a.t < b.t; });
  for (const Sample& s : samples)
    if (!drawn_ || *drawn_ != s.v) addStep(s);
  first_.reset();
  low_.reset();
  high_.reset();
  latest_.reset();
  if (points_.size() > kMaxPoints) thin();
}

void ValueHistory::addStep(const Sample& s) {
  if (drawn_) points_.append(QPointF(ms(s.t), *drawn_));
  points_.append(QPointF(ms(s.t), s.v));
  drawn_ = s.v;
}

void ValueHistory::thin() {
  // The older half, in groups of 8 points, keeps each group's first, lowest,
  // highest and last point: the shape and the extremes survive.
  const qsizetype old = points_.size() / 2;
  QList<QPointF> out;
  out.reserve(points_.size());
  for (qsizetype i = 0; i < old; i += 8) {
    const qsizetype end = std::min(old, i + 8);
    qsizetype lo = i, hi = i;
    for (qsizetype k = i; k < end; ++k) {
      if (points_[k].y() < points_[lo].y()) lo = k;
      if (points_[k].y() > points_[hi].y()) hi = k;
    }
    std::array<qsizetype, 4> keep{i, std::min(lo, hi), std::max(lo, hi), end - 1};
    qsizetype prev = -1;
    for (qsizetype k : keep)
      if (k != prev) out.append(points_[k]), prev = k;
  }
  for (qsizetype i = old; i < points_.size(); ++i) out.append(points_[i]);
  points_.swap(out);
}

void ChartsModel::setScenario(const ipclab::Scenario& scenario, int workers) {
  clear();
  seriesOfObject_.assign(scenario.objects.size(), -1);
  for (size_t i = 0; i < scenario.objects.size(); ++i) {
    const ipclab::ObjectSpec& o = scenario.objects[i];
    Series s;
    s.name = QString::fromStdString(o.name);
    s.obj = static_cast<int>(i);
    if (o.mechanism == ObjectKind::semaphore) {
      s.kind = Kind::semaphore;
      s.history.set(0, static_cast<double>(o.initial));
    } else if (isChannel(o.mechanism)) {
      s.kind = Kind::channel;
      s.history.set(0, 0);
    } else {
      continue;
    }
    seriesOfObject_[i] = static_cast<int>(series_.size());
    series_.push_back(std::move(s));
  }
  Series blocked;
  blocked.kind = Kind::blocked;
  blocked.history.set(0, 0);
  series_.push_back(std::move(blocked));
  blocked_.assign(static_cast<size_t>(std::max(0, workers)), false);
  endFrame();
}

void ChartsModel::clear() {
  series_.clear();
  seriesOfObject_.clear();
  blocked_.clear();
  blockedCount_ = 0;
  now_ = 0;
}

int ChartsModel::seriesOf(int obj) const {
  return obj >= 0 && static_cast<size_t>(obj) < seriesOfObject_.size()
             ? seriesOfObject_[static_cast<size_t>(obj)]
             : -1;
}

void ChartsModel::setBlocked(int worker, bool blocked, uint64_t t) {
  if (worker < 0 || series_.empty()) return;
  if (static_cast<size_t>(worker) >= blocked_.size())
    blocked_.resize(static_cast<size_t>(worker) + 1, false);
  if (blocked_[static_cast<size_t>(worker)] == blocked) return;
  blocked_[static_cast<size_t>(worker)] = blocked;
  blockedCount_ += blocked ? 1 : -1;
  series_.back().history.set(t, blockedCount_);
}

void ChartsModel::append(const std::vector<ipclab::Event>& events) {
  for (const ipclab::Event& e : events) {
    now_ = std::max(now_, e.t_ns);
    switch (e.ev) {
      case EventKind::block:
        setBlocked(e.worker, true, e.t_ns);
        break;
      case EventKind::unblock:
      case EventKind::exit:
        setBlocked(e.worker, false, e.t_ns);
        break;
      case EventKind::acquire:
      case EventKind::release:
      case EventKind::value: {
        // A semaphore's value after the operation, or the kernel's sample.
        const int s = seriesOf(e.obj);
        if (s >= 0 && e.value && series_[static_cast<size_t>(s)].kind == Kind::semaphore)
          series_[static_cast<size_t>(s)].history.set(e.t_ns, static_cast<double>(*e.value));
        break;
      }
      default:
        break;
    }
  }
}

void ChartsModel::applySnapshot(const ipclab::Snapshot& snapshot) {
  now_ = std::max(now_, snapshot.t_ns);
  for (size_t i = 0; i < snapshot.objects.size(); ++i) {
    const int s = seriesOf(static_cast<int>(i));
    if (s < 0) continue;
    Series& series = series_[static_cast<size_t>(s)];
    const ipclab::ObjectStatus& o = snapshot.objects[i];
    series.history.set(snapshot.t_ns, static_cast<double>(o.model_fill));
    if (series.kind == Kind::channel) series.unit = QString::fromStdString(o.unit);
  }
  for (size_t w = 0; w < snapshot.workers.size(); ++w)
    setBlocked(static_cast<int>(w), snapshot.workers[w].state == ipclab::WorkerState::blocked,
               snapshot.t_ns);
}

void ChartsModel::endFrame() {
  for (Series& s : series_) s.history.endFrame();
}
