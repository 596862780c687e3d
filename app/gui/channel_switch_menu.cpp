#include "channel_switch_menu.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

#include "diagram/diagram_paint.h"
#include "switch_text.h"

ChannelSwitchMenu::ChannelSwitchMenu(QObject* parent) : QObject(parent), menu_(new QMenu()) {
  menu_->setObjectName(QStringLiteral("switchChannelMenu"));
  retranslate();
  updateEnabled();
}

ChannelSwitchMenu::~ChannelSwitchMenu() {
  clear();
  delete menu_;  // a menu has no QObject parent here: the menu bar does not own it
}

void ChannelSwitchMenu::clear() {
  for (Channel& c : channels_) delete c.menu;  // its actions and group are its children
  channels_.clear();
  menu_->clear();
  updateEnabled();
}

void ChannelSwitchMenu::setScenario(const ipclab::Scenario& scenario) {
  clear();
  for (size_t i = 0; i < scenario.objects.size(); ++i) {
    const ipclab::ObjectSpec& spec = scenario.objects[i];
    if (!ipclab::is_switchable(spec)) continue;
    Channel c;
    c.obj = static_cast<int>(i);
    c.name = QString::fromStdString(spec.name);
    c.current = spec.mechanism;
    c.menu = new QMenu();
    c.menu->setObjectName(QStringLiteral("switchMenu_%1").arg(c.name));
    c.group = new QActionGroup(c.menu);
    c.group->setExclusive(true);
    for (ipclab::ObjectKind kind : spec.runs_on) {
      auto* a = new QAction(c.menu);
      a->setObjectName(QStringLiteral("switch_%1_%2").arg(c.name, SwitchText::mechanismName(kind)));
      a->setCheckable(true);
      c.group->addAction(a);
      c.menu->addAction(a);
      c.actions.emplace_back(kind, a);
      const int obj = c.obj;
      // A click on the checked one changes nothing: only a new choice asks.
      connect(a, &QAction::triggered, this, [this, obj, kind] {
        if (kind != current(obj)) emit switchRequested(obj, kind);
      });
    }
    check(c);
    menu_->addMenu(c.menu);
    channels_.push_back(c);
  }
  retranslate();
  updateEnabled();
}

void ChannelSwitchMenu::check(Channel& c) {
  for (auto& [kind, a] : c.actions) a->setChecked(kind == c.current);
}

void ChannelSwitchMenu::applySnapshot(const ipclab::Snapshot& snapshot) {
  for (Channel& c : channels_) {
    if (c.obj < 0 || static_cast<size_t>(c.obj) >= snapshot.objects.size()) continue;
    c.current = snapshot.objects[static_cast<size_t>(c.obj)].mechanism;
    check(c);  // also undoes the check a refused choice left
  }
}

void ChannelSwitchMenu::setBusy(bool busy) {
  busy_ = busy;
  if (!busy)
    for (Channel& c : channels_) check(c);
  updateEnabled();
}

void ChannelSwitchMenu::updateEnabled() {
  menu_->menuAction()->setEnabled(!channels_.empty());
  for (Channel& c : channels_)
    for (auto& [kind, a] : c.actions) a->setEnabled(!busy_);
}

void ChannelSwitchMenu::retranslate() {
  menu_->setTitle(tr("S&witch Channel"));
  menu_->menuAction()->setStatusTip(
      tr("Move a channel to another mechanism while its processes run"));
  for (Channel& c : channels_) {
    c.menu->setTitle(c.name);
    for (auto& [kind, a] : c.actions) {
      // "posix_mq — POSIX message queue": the C name first, what it is after.
      a->setText(tr("%1 — %2", "mechanism name — what it is")
                     .arg(SwitchText::mechanismName(kind), DiagramPaint::kindWord(kind)));
      a->setStatusTip(tr("Switch %1 to %2, keeping the messages in flight")
                          .arg(c.name, SwitchText::mechanismName(kind)));
    }
  }
}

const ChannelSwitchMenu::Channel* ChannelSwitchMenu::find(int obj) const {
  for (const Channel& c : channels_)
    if (c.obj == obj) return &c;
  return nullptr;
}

QMenu* ChannelSwitchMenu::menuFor(int obj) const {
  const Channel* c = find(obj);
  return c ? c->menu : nullptr;
}

QAction* ChannelSwitchMenu::action(int obj, ipclab::ObjectKind mechanism) const {
  if (const Channel* c = find(obj))
    for (const auto& [kind, a] : c->actions)
      if (kind == mechanism) return a;
  return nullptr;
}

ipclab::ObjectKind ChannelSwitchMenu::current(int obj) const {
  const Channel* c = find(obj);
  return c ? c->current : ipclab::ObjectKind::pipe;
}
