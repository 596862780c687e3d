#include "kernel_panel.h"

#include <QApplication>
#include <QBrush>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "on_screen.h"
#include "socket_text.h"
#include "state_style.h"

namespace {

const QColor kDiffers(0xff, 0xe2, 0xb8);
const QString kNone = QStringLiteral("–");

QTreeWidget* makeTree(int columns, const QString& name, QWidget* parent) {
  auto* tree = new QTreeWidget(parent);
  tree->setObjectName(name);
  tree->setColumnCount(columns);
  tree->setRootIsDecorated(false);
  tree->setUniformRowHeights(true);
  tree->setAlternatingRowColors(true);
  tree->setSelectionMode(QAbstractItemView::NoSelection);
  tree->setFocusPolicy(Qt::NoFocus);
  tree->setWordWrap(false);
  tree->header()->setStretchLastSection(true);
  tree->header()->setStyleSheet(StateStyle::headerStyleSheet());
  return tree;
}

QWidget* titled(QLabel* title, QWidget* body, QWidget* parent) {
  auto* box = new QWidget(parent);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(title);
  layout->addWidget(body, 1);
  return box;
}

void setText(QTreeWidgetItem* item, int column, const QString& text) {
  if (item->text(column) != text) item->setText(column, text);
}

}  // namespace

KernelPanel::KernelPanel(QWidget* parent)
    : QWidget(parent),
      processTitle_(new QLabel(this)),
      objectTitle_(new QLabel(this)),
      processes_(makeTree(PCount, QStringLiteral("kernelProcesses"), this)),
      objects_(makeTree(OCount, QStringLiteral("kernelObjects"), this)) {
  setObjectName(QStringLiteral("kernelPanel"));
  for (QLabel* title : {processTitle_, objectTitle_}) {
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
  }
  auto* split = new QSplitter(Qt::Vertical, this);
  split->setChildrenCollapsible(false);
  split->addWidget(titled(processTitle_, processes_, split));
  split->addWidget(titled(objectTitle_, objects_, split));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(split);
  retranslate();
}

void KernelPanel::clear() {
  processes_->clear();
  objects_->clear();
  workerNames_.clear();
  workerPids_.clear();
  objectNames_.clear();
  objectKinds_.clear();
  haveSnapshot_ = false;
}

void KernelPanel::setSession(const ipclab::Session& session) {
  clear();
  for (const ipclab::WorkerIdentity& w : session.workers()) {
    workerNames_.push_back(QString::fromStdString(w.name));
    workerPids_.push_back(0);
    auto* item = new QTreeWidgetItem(processes_);
    item->setText(PName, workerNames_.back());
    item->setForeground(PName, StateStyle::processColor(w.index));
    QFont bold = item->font(PName);
    bold.setBold(true);
    item->setFont(PName, bold);
  }
  for (const ipclab::ObjectSpec& spec : session.scenario().objects) {
    objectNames_.push_back(QString::fromStdString(spec.name));
    objectKinds_.push_back(spec.mechanism);
    auto* item = new QTreeWidgetItem(objects_);
    item->setText(OName, objectNames_.back());
    QFont bold = item->font(OName);
    bold.setBold(true);
    item->setFont(OName, bold);
  }
  fit();
}

QString KernelPanel::workerName(int index) const {
  if (index < 0 || static_cast<size_t>(index) >= workerNames_.size()) return QString();
  return workerNames_[static_cast<size_t>(index)];
}

QString KernelPanel::workerOfPid(pid_t pid) const {
  for (size_t i = 0; i < workerPids_.size(); ++i)
    if (workerPids_[i] == pid) return workerNames_[i];
  return QString();
}

QString KernelPanel::modelState(const ipclab::WorkerStatus& w) const {
  QString word = StateStyle::stateWord(w.state);
  if (w.state == ipclab::WorkerState::blocked && w.blocked_obj >= 0 &&
      static_cast<size_t>(w.blocked_obj) < objectNames_.size())
    word = tr("%1 on %2").arg(word, objectNames_[static_cast<size_t>(w.blocked_obj)]);
  return word;
}

QString KernelPanel::kernelState(const ipclab::WorkerStatus& w) const {
  if (!w.pid) return QString();
  if (!w.kernel.alive) return tr("no such process");
  const QString word = StateStyle::kernelStateWord(w.kernel.state);
  return QStringLiteral("%1  %2").arg(QString(QLatin1Char(w.kernel.state)), word);
}

QString KernelPanel::processMismatch(const ipclab::WorkerStatus& w) const {
  using S = ipclab::WorkerState;
  if (!w.pid || w.state == S::starting) return QString();
  const bool gone = w.state == S::exited || w.state == S::killed;
  const char k = w.kernel.state;
  if (!w.kernel.alive || k == 'Z' || k == 'X')
    return gone ? QString() : tr("The events say the process lives, the kernel says it is gone.");
  if (gone) return tr("The events say it ended, but the kernel still runs it.");
  if (w.state == S::blocked && k != 'S' && k != 'D')
    return tr(
        "The events say blocked, but the kernel has it runnable: it is on its way into "
        "the call, or was just woken.");
  if (w.state == S::at_gate && k != 'S')
    return tr(
        "The events say it waits at its gate, but the kernel has it runnable: it is on "
        "its way there.");
  return QString();
}

void KernelPanel::markAgreement(QTreeWidgetItem* item, int agreeColumn, int columns,
                                const QString& why) {
  const bool differs = !why.isEmpty();
  setText(item, agreeColumn, differs ? tr("≠ differs") : tr("✓ same"));
  item->setToolTip(agreeColumn, differs ? why : tr("The events and the kernel agree."));
  item->setData(agreeColumn, Qt::UserRole, differs);
  const QBrush back = differs ? QBrush(kDiffers) : QBrush();
  for (int c = 0; c < columns; ++c)
    if (c != 0) item->setBackground(c, back);
  item->setForeground(agreeColumn, differs ? QColor(0x8a, 0x4b, 0x00) : QColor(0x1e, 0x7b, 0x34));
}

void KernelPanel::fillObject(QTreeWidgetItem* item, size_t index, const ipclab::ObjectStatus& o) {
  using K = ipclab::ObjectKind;
  QString model = kNone, kernel = kNone, asked = kNone, why;
  bool compared = false;
  const K kind = objectKinds_[index];
  if (kind == K::mutex) {
    const pid_t ownerPid = o.owner >= 0 && static_cast<size_t>(o.owner) < workerPids_.size()
                               ? workerPids_[static_cast<size_t>(o.owner)]
                               : 0;
    model = o.owner >= 0 ? tr("held by %1").arg(workerName(o.owner)) : tr("free");
    kernel = o.owner_tid_kernel ? tr("locked by tid %1").arg(o.owner_tid_kernel) : tr("free");
    if (o.owner_tid_kernel && !workerOfPid(o.owner_tid_kernel).isEmpty())
      kernel += QStringLiteral(" (%1)").arg(workerOfPid(o.owner_tid_kernel));
    asked = tr("the lock word");
    compared = true;
    if (ownerPid != o.owner_tid_kernel)
      why = tr("The owner the events name is not the thread id in the lock word.");
  } else if (!o.cells.empty()) {
    QStringList cells;
    for (size_t i = 0; i < o.cells.size() && i < 16; ++i)
      cells << QStringLiteral("[%1] %2").arg(i).arg(o.cells[i]);
    if (o.cells.size() > 16) cells << QStringLiteral("…");
    kernel = cells.join(QStringLiteral("  "));
    asked = tr("the mapping itself");
  } else if (!o.unit.empty()) {
    auto text = [&](int64_t v) {
      if (o.unit == "bytes") return v == 1 ? tr("1 byte") : tr("%1 bytes").arg(v);
      if (o.unit == "messages") return v == 1 ? tr("1 message") : tr("%1 messages").arg(v);
      return QString::number(v);
    };
    model = text(o.model_fill);
    kernel = o.kernel_fill ? text(*o.kernel_fill) : tr("unknown");
    // How core's object host asks (object_host.cpp kernel_fill).
    asked = kind == K::semaphore  ? QStringLiteral("sem_getvalue")
            : kind == K::posix_mq ? QStringLiteral("mq_getattr")
            : kind == K::sysv_mq  ? QStringLiteral("msgctl IPC_STAT")
            : kind == K::shm_ring ? tr("the ring's count in the mapping")
                                  : QStringLiteral("ioctl FIONREAD");
    compared = o.kernel_fill.has_value();
    if (compared && *o.kernel_fill != o.model_fill)
      why = tr("The kernel's number is not yet what the events say: a call is under way.");
  }
  // Sockets: what else the kernel says (the next datagram's size) and where
  // the socket lives (its address, or its file).
  for (const QString& more :
       {SocketText::note(o.kernel_note), SocketText::address(o.address, kind)}) {
    if (more.isEmpty()) continue;
    // A datagram socket's fill is unknown to the kernel; its note says more.
    const bool replace = kernel == kNone || (!o.kernel_fill && kernel == tr("unknown"));
    kernel = replace ? more : kernel + QStringLiteral("  ·  ") + more;
  }
  if (!o.waiters.empty()) {
    QStringList names;
    for (int w : o.waiters) names << workerName(w);
    model += QLatin1String("   ") + tr("(waiting: %1)").arg(names.join(QStringLiteral(", ")));
  }
  if (hidden_.contains(objectNames_[index])) {
    // A question asks for this value: neither side says it, nor whether they agree.
    setText(item, OModel, QStringLiteral("?"));
    setText(item, OKernel, QStringLiteral("?"));
    setText(item, OAskedBy, asked);
    setText(item, OAgree, kNone);
    item->setToolTip(OAgree, QString());
    item->setData(OAgree, Qt::UserRole, false);
    for (int c = 1; c < OCount; ++c) item->setBackground(c, QBrush());
    item->setForeground(OAgree, QBrush());
    return;
  }
  setText(item, OModel, model);
  setText(item, OKernel, kernel);
  setText(item, OAskedBy, asked);
  if (compared) {
    markAgreement(item, OAgree, OCount, why);
  } else {
    setText(item, OAgree, kNone);
    item->setData(OAgree, Qt::UserRole, false);
  }
}

void KernelPanel::applySnapshot(const ipclab::Snapshot& snapshot) {
  if (snapshot.workers.size() != workerNames_.size() ||
      snapshot.objects.size() != objectNames_.size())
    return;
  if (&snapshot != &last_) {
    last_ = snapshot;
    for (ipclab::ObjectStatus& o : last_.objects) o.spec = nullptr;  // valid only now
  }
  haveSnapshot_ = true;
  for (size_t i = 0; i < snapshot.workers.size(); ++i) {
    const ipclab::WorkerStatus& w = snapshot.workers[i];
    workerPids_[i] = w.pid;
    QTreeWidgetItem* item = processes_->topLevelItem(static_cast<int>(i));
    const bool known = w.kernel.alive;
    setText(item, PModel, modelState(w));
    item->setForeground(PModel, StateStyle::stateForeground(w.state));
    setText(item, PKernel, kernelState(w));
    setText(item, PSyscall,
            known && !w.kernel.syscall_name.empty() ? QString::fromStdString(w.kernel.syscall_name)
            : known && w.kernel.syscall_nr >= 0     ? QString::number(w.kernel.syscall_nr)
                                                    : kNone);
    setText(item, PWchan,
            known && !w.kernel.wchan.empty() ? QString::fromStdString(w.kernel.wchan) : kNone);
    const std::string pending = ipclab::signal_mask_names(w.kernel.sig_pending);
    setText(item, PSignals, known && !pending.empty() ? QString::fromStdString(pending) : kNone);
    item->setToolTip(PKernel, tr("Read from /proc/%1/stat, /proc/%1/syscall, /proc/%1/wchan and "
                                 "/proc/%1/status")
                                  .arg(w.pid));
    markAgreement(item, PAgree, PCount, processMismatch(w));
  }
  for (size_t i = 0; i < snapshot.objects.size(); ++i) {
    const ipclab::ObjectStatus& o = snapshot.objects[i];
    objectKinds_[i] = o.mechanism;  // a live switch changes it
    fillObject(objects_->topLevelItem(static_cast<int>(i)), i, o);
  }
  columnsStale_ = true;
  if (isOnScreen(this)) growColumns();
}

void KernelPanel::setHiddenObjects(const QStringList& names) {
  if (names == hidden_) return;
  hidden_ = names;
  if (haveSnapshot_) applySnapshot(last_);
}

void KernelPanel::catchUp() {
  if (columnsStale_) growColumns();
}

void KernelPanel::growColumns() {
  // Wider when new text needs it, never narrower: the columns stay still.
  columnsStale_ = false;
  for (QTreeWidget* tree : {processes_, objects_}) {
    for (int c = 0; c + 1 < tree->columnCount(); ++c) {
      const int needed = static_cast<QAbstractItemView*>(tree)->sizeHintForColumn(c) + 10;
      if (needed > tree->columnWidth(c)) tree->setColumnWidth(c, needed);
    }
  }
}

QString KernelPanel::processText(int worker, ProcessColumn column) const {
  const QTreeWidgetItem* item = processes_->topLevelItem(worker);
  return item ? item->text(column) : QString();
}

QString KernelPanel::objectText(int object, ObjectColumn column) const {
  const QTreeWidgetItem* item = objects_->topLevelItem(object);
  return item ? item->text(column) : QString();
}

bool KernelPanel::processDiffers(int worker) const {
  const QTreeWidgetItem* item = processes_->topLevelItem(worker);
  return item && item->data(PAgree, Qt::UserRole).toBool();
}

bool KernelPanel::objectDiffers(int object) const {
  const QTreeWidgetItem* item = objects_->topLevelItem(object);
  return item && item->data(OAgree, Qt::UserRole).toBool();
}

void KernelPanel::fit() {
  for (QTreeWidget* tree : {processes_, objects_}) {
    QHeaderView* header = tree->header();
    for (int c = 0; c + 1 < header->count(); ++c) {
      tree->resizeColumnToContents(c);
      tree->setColumnWidth(c, std::max(tree->columnWidth(c), header->sectionSizeHint(c)) + 10);
    }
  }
}

void KernelPanel::restyle() {
  processes_->header()->setStyleSheet(StateStyle::headerStyleSheet());
  objects_->header()->setStyleSheet(StateStyle::headerStyleSheet());
  fit();
}

void KernelPanel::retranslate() {
  processTitle_->setText(tr("Processes: the events say / the kernel says"));
  objectTitle_->setText(tr("IPC objects: the events say / the kernel says"));
  processes_->setHeaderLabels({tr("Process"), tr("Agree?"), tr("Events say"), tr("Kernel state"),
                               tr("System call"), tr("wchan"), tr("Pending signals")});
  objects_->setHeaderLabels(
      {tr("Object"), tr("Agree?"), tr("Events say"), tr("Kernel says"), tr("Asked with")});
  if (haveSnapshot_) applySnapshot(last_);
  fit();
}

void KernelPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  if (event->type() == QEvent::FontChange) restyle();
  QWidget::changeEvent(event);
}
