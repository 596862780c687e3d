// EventLogModel: the session's events as the rows of the event log.
//
// It keeps the newest kMaxEvents events in a ring of compact rows (times and
// numbers as numbers, names and texts as ids into per-column pools), and
// total() still counts every event of the session. Texts are formatted only
// when a view asks data() for a row it shows.
//
// The filter lives here too, not in a proxy: rowCount() is the number of
// kept events whose row contains every word of the filter (any column, any
// case). A batch tells the view about the rows that left the top and came
// at the bottom in one go: as many of them as both have are a shift (every
// row moves up by that much: dataChanged, persistent indexes moved,
// rowsShifted), the rest one beginRemoveRows or one beginInsertRows. Once
// the ring is full and no filter is set, a batch is a shift only, and the
// view's row count, its per-row header books and its scrollbar stay as
// they are.
//
// While its view is hidden (setLive(false)) the model only keeps its books:
// rows go into the ring and count, but the rows it shows stay as they were
// (a row whose event left the ring shows nothing) and no row signals are
// sent. setLive(true) shows the current rows again with one reset.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "event_text_pool.h"
#include "op_text.h"
#include "trace/event.hpp"

class EventLogModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Time, Process, Pid, Kind, Object, Message, Bytes, Data, Detail, ColumnCount };
  // On the Kind column: the ipclab::EventKind as an int.
  static constexpr int KindRole = Qt::UserRole + 1;
  static constexpr size_t kMaxEvents = 200000;
  // A column's pool is rebuilt from the kept rows when it holds more texts.
  static constexpr size_t kMaxTexts = 50000;

  explicit EventLogModel(QObject* parent = nullptr);

  void append(const std::vector<ipclab::Event>& events);
  void clear();
  // Names a `step` event's action in the GUI's language (core's detail is
  // English); set for each session. Rows keep the language they came in.
  void setPlanLabels(PlanLabels labels) { labels_ = std::move(labels); }
  void retranslate();
  // Every word of `text` must appear somewhere in a row (any column, any case).
  void setFilterText(const QString& text);
  bool isFiltered() const { return !words_.isEmpty(); }
  void setLive(bool live);
  bool isLive() const { return live_; }
  // The objects (by name) a lesson question hides: their rows show "?" for
  // every number that could tell the value (the value, the bytes, the
  // numbers in the detail) and for message texts, until it is answered.
  void setHiddenObjects(const QStringList& names);

  // Every event appended since the last clear(), also those no longer kept.
  uint64_t total() const { return total_; }
  // The events kept now, shown or not.
  int keptCount() const { return static_cast<int>(nextSeq_ - firstSeq_); }
  // The kind of the event a row shows.
  ipclab::EventKind kind(int row) const;
  // Texts seen for the first time since the last call, with their column
  // (Process, Object or Data): the panel widens its columns for them.
  std::vector<std::pair<int, QString>> takeNewTexts();

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 signals:
  // Every row now shows the event `rows` rows below the one it showed (the
  // oldest `rows` left, as many new ones came); a reader scrolled up moves
  // up by as much to keep the events in sight.
  void rowsShifted(int rows);

 private:
  struct Row {
    uint64_t t_ns = 0;
    int64_t msg = -1;
    int64_t bytes = -1;
    int64_t value = 0;
    int32_t pid = 0;
    int32_t worker = -1;
    uint32_t proc = EventTextPool::kNone;
    uint32_t obj = EventTextPool::kNone;
    uint32_t data = EventTextPool::kNone;
    uint32_t detail = EventTextPool::kNone;  // detail, [syscall] and wchan in one text
    ipclab::EventKind ev = ipclab::EventKind::step;
    bool hasValue = false;
  };
  // Per filter word, a bit: which words a text contains (bit 31: known).
  using WordMask = uint32_t;
  static constexpr WordMask kKnown = 1u << 31;

  const Row* rowAt(int row) const;  // nullptr when its event left the ring
  uint64_t seqAt(int row) const;
  Row& slot(uint64_t seq) { return ring_[seq % kMaxEvents]; }
  const Row& slot(uint64_t seq) const { return ring_[seq % kMaxEvents]; }
  Row makeRow(const ipclab::Event& e);
  PlanLabels labels_;
  uint32_t internDetail(const ipclab::Event& e);
  void compactPools();
  // Tells the view `gone` rows left the top and `added` came at the bottom
  // (the filtered case: the new shown rows are `passed`).
  void showChange(int gone, int added, const std::vector<uint64_t>& passed);
  QVariant display(const Row& row, int column) const;
  QString processText(const Row& row) const;
  QString dataText(const Row& row) const;
  bool isHidden(const Row& row) const;

  // Filtering.
  void refilter();
  bool matches(const Row& row) const;
  WordMask maskOf(std::vector<WordMask>& cache, const EventTextPool& pool, uint32_t id) const;
  WordMask maskOfText(const QString& text) const;

  std::vector<Row> ring_;  // grows to kMaxEvents, then wraps; event `seq` at seq % kMaxEvents
  uint64_t firstSeq_ = 0;  // the oldest kept event
  uint64_t nextSeq_ = 0;   // the next event's number
  uint64_t total_ = 0;
  EventTextPool procs_, objects_, datas_, details_;
  size_t announcedProcs_ = 0, announcedObjects_ = 0, announcedData_ = 0;
  size_t longestData_ = 0;

  // What the view was told: without a filter, events [shownFirst_,
  // shownFirst_ + shownCount_); with one, the events listed in shown_.
  uint64_t shownFirst_ = 0;
  int shownCount_ = 0;
  std::deque<uint64_t> shown_;
  bool live_ = true;

  QStringList hidden_;
  QStringList words_;
  WordMask allWords_ = 0;
  WordMask numericWords_ = 0;  // words that may appear in a number column
  mutable std::vector<WordMask> procMasks_, objectMasks_, dataMasks_, detailMasks_;
  mutable std::vector<WordMask> kindMasks_;
  mutable WordMask sessionMask_ = 0;
  std::string scratch_;  // composing a detail text
};
