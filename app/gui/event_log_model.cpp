#include "event_log_model.h"

#include <QBrush>
#include <QFont>
#include <QRegularExpression>
#include <algorithm>

#include "event_detail_text.h"
#include "state_style.h"

namespace {

// A word made only of these can be found in a number column (time, pid,
// message number, bytes, "= value"); other words need not format numbers.
bool mayBeInNumber(const QString& word) {
  static const QString chars = QStringLiteral("0123456789.#=-");
  return std::all_of(word.begin(), word.end(), [](QChar c) { return chars.contains(c); });
}

constexpr int kMaxWords = 31;

}  // namespace

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void EventLogModel::append(const std::vector<ipclab::Event>& events) {
  if (events.empty()) return;
  total_ += events.size();
  const size_t incoming = std::min(events.size(), kMaxEvents);
  const size_t kept = nextSeq_ - firstSeq_;
  // The ring keeps exactly the newest kMaxEvents: the oldest go as new ones come.
  firstSeq_ += kept + incoming > kMaxEvents ? kept + incoming - kMaxEvents : 0;
  if (ring_.capacity() < kMaxEvents) ring_.reserve(kMaxEvents);
  const bool filtering = live_ && isFiltered();
  std::vector<uint64_t> passed;
  for (size_t i = events.size() - incoming; i < events.size(); ++i) {
    const uint64_t seq = nextSeq_++;
    Row row = makeRow(events[i]);
    if (filtering && matches(row)) passed.push_back(seq);
    if (ring_.size() < kMaxEvents)
      ring_.push_back(row);
    else
      slot(seq) = row;
  }
  if (procs_.size() > kMaxTexts || objects_.size() > kMaxTexts || datas_.size() > kMaxTexts ||
      details_.size() > kMaxTexts)
    compactPools();
  if (!live_) return;  // the rows shown stay as they are until setLive(true)
  if (!isFiltered()) {
    showChange(static_cast<int>(firstSeq_ - shownFirst_), static_cast<int>(incoming), {});
  } else {
    const auto gone = static_cast<int>(std::lower_bound(shown_.begin(), shown_.end(), firstSeq_) -
                                       shown_.begin());
    showChange(gone, static_cast<int>(passed.size()), passed);
  }
}

void EventLogModel::showChange(int gone, int added, const std::vector<uint64_t>& passed) {
  // `gone` rows leave the top, `added` come at the bottom. As many of them
  // as both have are one shift of the rows (what a row shows moves up by
  // that much; rowsShifted), not a remove and an insert: a view keeps per-
  // row books (QHeaderView walks every row when rows are removed) and would
  // redo them for 200,000 rows on every frame once the ring is full.
  size_t taken = 0;
  auto dropFront = [this](int n) {
    if (isFiltered()) {
      shown_.erase(shown_.begin(), shown_.begin() + n);
    } else {
      shownFirst_ += static_cast<uint64_t>(n);
      shownCount_ -= n;
    }
  };
  auto pushBack = [this, &taken, &passed](int n) {
    if (isFiltered()) {
      shown_.insert(shown_.end(), passed.begin() + static_cast<std::ptrdiff_t>(taken),
                    passed.begin() + static_cast<std::ptrdiff_t>(taken) + n);
    } else {
      shownCount_ += n;
    }
    taken += static_cast<size_t>(n);
  };
  if (gone > added) {
    beginRemoveRows(QModelIndex(), 0, gone - added - 1);
    dropFront(gone - added);
    endRemoveRows();
  }
  const int shift = std::min(gone, added);
  if (shift > 0) {
    dropFront(shift);
    pushBack(shift);
    // Whoever holds a row (the selection, the current row) keeps its event.
    const QModelIndexList from = persistentIndexList();
    if (!from.isEmpty()) {
      QModelIndexList to;
      to.reserve(from.size());
      for (const QModelIndex& i : from)
        to.append(i.row() >= shift ? index(i.row() - shift, i.column()) : QModelIndex());
      changePersistentIndexList(from, to);
    }
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit rowsShifted(shift);
  }
  if (added > gone) {
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + added - gone - 1);
    pushBack(added - gone);
    endInsertRows();
  }
}

EventLogModel::Row EventLogModel::makeRow(const ipclab::Event& e) {
  Row row;
  row.t_ns = e.t_ns;
  row.msg = e.msg;
  row.bytes = e.bytes;
  row.hasValue = e.value.has_value();
  row.value = e.value.value_or(0);
  row.pid = e.pid;
  row.worker = e.worker;
  row.ev = e.ev;
  row.proc = procs_.intern(e.proc);
  row.obj = objects_.intern(e.obj_name);
  if (!e.data.empty()) row.data = datas_.intern(e.data);
  row.detail = internDetail(e);
  return row;
}

uint32_t EventLogModel::internDetail(const ipclab::Event& e) {
  const std::string* detail = &e.detail;
  std::string words;  // the detail in the GUI's language, where it has one
  if (e.ev == ipclab::EventKind::step && e.op >= 0) {
    words = labels_.label(e.worker, e.op).toStdString();
    if (!words.empty()) detail = &words;
  } else if (e.ev == ipclab::EventKind::recv && e.bytes == 0 && e.msg < 0) {
    // 0 bytes and no message: read()/recv() saw end of file, the way a
    // process learns the other end is closed (an empty message would still
    // carry its sequence number).
    words = tr("end of file (0 bytes: the other end is closed)").toStdString();
    // Core says "end of file" itself on a stream; anything else it adds stays.
    if (!e.detail.empty() && e.detail != "end of file") words += "; " + e.detail;
    detail = &words;
  } else {
    // Core's English, said again from the event's data where we can.
    const QString translated = EventDetailText::words(e, labels_.op(e.worker, e.op));
    if (!translated.isEmpty()) {
      words = translated.toStdString();
      detail = &words;
    }
  }
  if (e.syscall_name.empty() && e.wchan.empty()) return details_.intern(*detail);
  // The column shows "detail  [syscall]  wchan X": one text, one id.
  scratch_ = *detail;
  if (!e.syscall_name.empty()) {
    if (!scratch_.empty()) scratch_ += "  ";
    scratch_ += '[';
    scratch_ += e.syscall_name;
    scratch_ += ']';
  }
  if (!e.wchan.empty()) {
    scratch_ += "  wchan ";
    scratch_ += e.wchan;
  }
  return details_.intern(scratch_);
}

void EventLogModel::compactPools() {
  // Only the kept rows' texts survive; their ids change, the rows do not.
  auto rebuild = [this](EventTextPool& pool, uint32_t Row::*field, std::vector<WordMask>& masks) {
    if (pool.size() <= kMaxTexts) return;
    EventTextPool fresh;
    for (uint64_t seq = firstSeq_; seq < nextSeq_; ++seq) {
      uint32_t& id = slot(seq).*field;
      if (id != EventTextPool::kNone) id = fresh.intern(pool.key(id));
    }
    pool = std::move(fresh);
    masks.clear();
  };
  rebuild(procs_, &Row::proc, procMasks_);
  rebuild(objects_, &Row::obj, objectMasks_);
  rebuild(datas_, &Row::data, dataMasks_);
  rebuild(details_, &Row::detail, detailMasks_);
  announcedProcs_ = std::min(announcedProcs_, procs_.size());
  announcedObjects_ = std::min(announcedObjects_, objects_.size());
  announcedData_ = std::min(announcedData_, datas_.size());
}

void EventLogModel::clear() {
  beginResetModel();
  ring_.clear();
  firstSeq_ = nextSeq_ = total_ = 0;
  for (EventTextPool* pool : {&procs_, &objects_, &datas_, &details_}) pool->clear();
  announcedProcs_ = announcedObjects_ = announcedData_ = 0;
  longestData_ = 0;
  shownFirst_ = 0;
  shownCount_ = 0;
  shown_.clear();
  for (auto* masks : {&procMasks_, &objectMasks_, &dataMasks_, &detailMasks_}) masks->clear();
  endResetModel();
}

void EventLogModel::setLive(bool live) {
  if (live == live_) return;
  if (!live) {
    live_ = false;
    return;
  }
  beginResetModel();
  live_ = true;
  refilter();
  endResetModel();
}

void EventLogModel::setHiddenObjects(const QStringList& names) {
  if (names == hidden_) return;
  hidden_ = names;
  if (isFiltered() && live_) {
    // A word may now be found, or no longer, in a row's hidden texts.
    beginResetModel();
    refilter();
    endResetModel();
  } else if (rowCount() > 0) {
    emit dataChanged(index(0, Bytes), index(rowCount() - 1, Detail));
  }
}

bool EventLogModel::isHidden(const Row& row) const {
  // A step or a call says what the process does (as its code does), not
  // what the object holds.
  return !hidden_.isEmpty() && row.obj != EventTextPool::kNone &&
         row.ev != ipclab::EventKind::step && row.ev != ipclab::EventKind::call &&
         hidden_.contains(objects_.text(row.obj));
}

void EventLogModel::retranslate() {
  emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
  sessionMask_ = 0;  // "session" reads differently now
  if (isFiltered()) {
    beginResetModel();
    refilter();
    endResetModel();
  } else if (rowCount() > 0) {
    emit dataChanged(index(0, Process), index(rowCount() - 1, Process));
  }
}

std::vector<std::pair<int, QString>> EventLogModel::takeNewTexts() {
  std::vector<std::pair<int, QString>> out;
  for (; announcedProcs_ < procs_.size(); ++announcedProcs_)
    out.emplace_back(Process, procs_.text(static_cast<uint32_t>(announcedProcs_)));
  for (; announcedObjects_ < objects_.size(); ++announcedObjects_)
    out.emplace_back(Object, objects_.text(static_cast<uint32_t>(announcedObjects_)));
  for (; announcedData_ < datas_.size(); ++announcedData_) {
    const auto id = static_cast<uint32_t>(announcedData_);
    if (datas_.key(id).size() <= longestData_) continue;  // only a longer text can widen
    longestData_ = datas_.key(id).size();
    out.emplace_back(Data, QStringLiteral("“%1”").arg(datas_.text(id)));
  }
  return out;
}

uint64_t EventLogModel::seqAt(int row) const {
  return isFiltered() ? shown_[static_cast<size_t>(row)] : shownFirst_ + static_cast<uint64_t>(row);
}

const EventLogModel::Row* EventLogModel::rowAt(int row) const {
  if (row < 0 || row >= rowCount()) return nullptr;
  const uint64_t seq = seqAt(row);
  return seq >= firstSeq_ && seq < nextSeq_ ? &slot(seq) : nullptr;
}

ipclab::EventKind EventLogModel::kind(int row) const {
  const Row* r = rowAt(row);
  return r ? r->ev : ipclab::EventKind::error;
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid()) return 0;
  return isFiltered() ? static_cast<int>(shown_.size()) : shownCount_;
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::processText(const Row& row) const {
  if (row.worker < 0 && row.proc == EventTextPool::kNone) return tr("session");
  return procs_.text(row.proc);
}

QString EventLogModel::dataText(const Row& row) const {
  if (row.data != EventTextPool::kNone) return QStringLiteral("“%1”").arg(datas_.text(row.data));
  if (row.hasValue) return QStringLiteral("= %1").arg(row.value);
  return QString();
}

QVariant EventLogModel::display(const Row& row, int column) const {
  if ((column == Bytes || column == Data || column == Detail) && isHidden(row)) {
    // A question asks for this object's value: no number here may tell it.
    Row plain = row;
    plain.obj = EventTextPool::kNone;
    const QString shown = display(plain, column).toString();
    if (shown.isEmpty()) return QVariant();
    if (column == Data)
      return row.data != EventTextPool::kNone ? QStringLiteral("“?”") : QStringLiteral("= ?");
    // The numbers of the words, not of the system call's name or the wchan
    // ("[wait4]", "wchan pipe_read") after them.
    static const QRegularExpression number(QStringLiteral("\\d+"));
    qsizetype end = shown.startsWith(QLatin1Char('[')) ? 0 : shown.indexOf(QLatin1String("  ["));
    if (end < 0) end = shown.indexOf(QLatin1String("  wchan "));
    if (end < 0) end = shown.size();
    return QString(shown.left(end)).replace(number, QStringLiteral("?")) + shown.mid(end);
  }
  switch (column) {
    case Time:
      return QString::number(static_cast<double>(row.t_ns) / 1e6, 'f', 3);
    case Process:
      return processText(row);
    case Pid:
      return row.pid > 0 ? QVariant(row.pid) : QVariant();
    case Kind:
      return QString::fromLatin1(ipclab::to_string(row.ev));
    case Object:
      return objects_.text(row.obj);
    case Message:
      return row.msg >= 0 ? QVariant(QStringLiteral("#%1").arg(row.msg)) : QVariant();
    case Bytes:
      return row.bytes >= 0 ? QVariant(static_cast<qlonglong>(row.bytes)) : QVariant();
    case Data: {
      const QString text = dataText(row);
      return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case Detail:
      return details_.text(row.detail);
    default:
      return QVariant();
  }
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
  const Row* r = index.isValid() ? rowAt(index.row()) : nullptr;
  if (!r) return QVariant();
  const Row& row = *r;
  switch (role) {
    case Qt::DisplayRole:
      return display(row, index.column());
    case Qt::ToolTipRole:
      if (index.column() == Data || index.column() == Detail) return display(row, index.column());
      return QVariant();
    case Qt::ForegroundRole:
      if (index.column() == Process && row.worker >= 0)
        return QBrush(StateStyle::processColor(row.worker));
      if (index.column() == Kind) {
        const QColor c = StateStyle::eventColor(row.ev);
        return c.isValid() ? QVariant(QBrush(c)) : QVariant();
      }
      return QVariant();
    case Qt::FontRole:
      if (index.column() == Kind || index.column() == Process) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return QVariant();
    case Qt::TextAlignmentRole:
      if (index.column() == Time || index.column() == Pid || index.column() == Bytes ||
          index.column() == Message)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case KindRole:
      return static_cast<int>(row.ev);
    default:
      return QVariant();
  }
}

// ---- the filter -------------------------------------------------------------

void EventLogModel::setFilterText(const QString& text) {
  QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  if (words.size() > kMaxWords) words = words.mid(0, kMaxWords);
  if (words == words_) return;
  beginResetModel();
  words_ = words;
  allWords_ = numericWords_ = 0;
  for (int i = 0; i < words_.size(); ++i) {
    allWords_ |= 1u << i;
    if (mayBeInNumber(words_[i])) numericWords_ |= 1u << i;
  }
  for (auto* masks : {&procMasks_, &objectMasks_, &dataMasks_, &detailMasks_, &kindMasks_})
    masks->clear();
  sessionMask_ = 0;
  refilter();
  endResetModel();
}

void EventLogModel::refilter() {
  // Called inside a model reset: shows every kept event that passes.
  shownFirst_ = firstSeq_;
  shownCount_ = static_cast<int>(nextSeq_ - firstSeq_);
  shown_.clear();
  if (!isFiltered()) return;
  for (uint64_t seq = firstSeq_; seq < nextSeq_; ++seq)
    if (matches(slot(seq))) shown_.push_back(seq);
}

EventLogModel::WordMask EventLogModel::maskOfText(const QString& text) const {
  WordMask mask = kKnown;
  for (int i = 0; i < words_.size(); ++i)
    if (text.contains(words_[i], Qt::CaseInsensitive)) mask |= 1u << i;
  return mask;
}

EventLogModel::WordMask EventLogModel::maskOf(std::vector<WordMask>& cache,
                                              const EventTextPool& pool, uint32_t id) const {
  if (id == EventTextPool::kNone) return 0;
  if (id >= cache.size()) cache.resize(pool.size(), 0);
  WordMask& mask = cache[id];
  if (!mask) {
    // The Data column shows the text in quotes: a word may include them.
    mask = &pool == &datas_ ? maskOfText(QStringLiteral("“%1”").arg(pool.text(id)))
                            : maskOfText(pool.text(id));
  }
  return mask;
}

bool EventLogModel::matches(const Row& row) const {
  // Words contain no spaces and the columns are separate texts, so a word
  // is in the row when it is in one of its columns.
  WordMask found = 0;
  if (row.worker < 0 && row.proc == EventTextPool::kNone) {
    if (!sessionMask_) sessionMask_ = maskOfText(tr("session"));
    found |= sessionMask_;
  } else {
    found |= maskOf(procMasks_, procs_, row.proc);
  }
  found |= maskOf(objectMasks_, objects_, row.obj);
  const bool hidden = isHidden(row);
  if (hidden) {  // only what the row shows may be found
    found |= maskOfText(display(row, Data).toString());
    found |= maskOfText(display(row, Detail).toString());
  } else {
    found |= maskOf(dataMasks_, datas_, row.data);
    found |= maskOf(detailMasks_, details_, row.detail);
  }
  if (kindMasks_.empty()) kindMasks_.assign(ipclab::kEventKindCount, 0);
  const auto kind = static_cast<size_t>(row.ev);
  if (kind < kindMasks_.size()) {
    if (!kindMasks_[kind])
      kindMasks_[kind] = maskOfText(QString::fromLatin1(ipclab::to_string(row.ev)));
    found |= kindMasks_[kind];
  }
  if ((found & allWords_) == allWords_) return true;
  if (!(numericWords_ & ~found)) return false;  // the missing words are no numbers
  for (int column : {Time, Pid, Message, Bytes, Data}) {
    if (column == Data && (row.data != EventTextPool::kNone || hidden)) continue;  // done above
    const QString text = display(row, column).toString();
    if (!text.isEmpty()) found |= maskOfText(text);
  }
  return (found & allWords_) == allWords_;
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return QVariant();
  if (role == Qt::TextAlignmentRole) {
    const bool number = section == Time || section == Pid || section == Bytes || section == Message;
    return QVariant((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case Time:
        return tr("Milliseconds since the session started");
      case Kind:
        return tr(
            "What happened: spawn, step, call, return, block, unblock, send, recv, "
            "acquire, release, value, signal, deliver, exit, deadlock, ...");
      case Message:
        return tr("The message's sequence number on its channel");
      case Data:
        return tr("The message text (its first 64 bytes) or the value");
      default:
        return QVariant();
    }
  }
  if (role != Qt::DisplayRole) return QVariant();
  switch (section) {
    case Time:
      return tr("Time (ms)");
    case Process:
      return tr("Process");
    case Pid:
      return tr("PID");
    case Kind:
      return tr("Event");
    case Object:
      return tr("Object");
    case Message:
      return tr("Msg");
    case Bytes:
      return tr("Bytes");
    case Data:
      return tr("Data / value");
    case Detail:
      return tr("Detail");
    default:
      return QVariant();
  }
}
