// ChannelSwitchMenu: the choices of a live switch of each switchable
// channel (ObjectSpec::runs_on), as checkable actions, the one it runs on
// now checked. The same actions fill Session > Switch Channel (a submenu
// per channel) and the menu the diagram's control next to the channel pops
// up, so both are one code path: triggering an action emits
// switchRequested. It follows the snapshots (the mechanism each channel
// runs on now) and is disabled while a switch is under way.
#pragma once

#include <QObject>
#include <QString>
#include <vector>

#include "runtime/session.hpp"

class QAction;
class QActionGroup;
class QMenu;

class ChannelSwitchMenu : public QObject {
  Q_OBJECT

 public:
  explicit ChannelSwitchMenu(QObject* parent = nullptr);
  ~ChannelSwitchMenu() override;

  // Session > Switch Channel: the submenu this fills (disabled when no
  // channel of the lesson can switch).
  QMenu* menu() const { return menu_; }
  void setScenario(const ipclab::Scenario& scenario);
  void clear();
  void applySnapshot(const ipclab::Snapshot& snapshot);
  void setBusy(bool busy);  // a switch is under way: nothing to choose
  void retranslate();

  // The menu of one channel (the diagram's control pops it up), or nullptr.
  QMenu* menuFor(int obj) const;
  // The action that switches `obj` to `mechanism`, or nullptr.
  QAction* action(int obj, ipclab::ObjectKind mechanism) const;
  // What `obj` runs on now, as the last snapshot said.
  ipclab::ObjectKind current(int obj) const;

 signals:
  void switchRequested(int obj, ipclab::ObjectKind mechanism);

 private:
  struct Channel {
    int obj = -1;
    QString name;
    QMenu* menu = nullptr;
    QActionGroup* group = nullptr;
    std::vector<std::pair<ipclab::ObjectKind, QAction*>> actions;
    ipclab::ObjectKind current = ipclab::ObjectKind::pipe;
  };
  const Channel* find(int obj) const;
  void check(Channel& channel);
  void updateEnabled();

  QMenu* menu_;
  std::vector<Channel> channels_;
  bool busy_ = false;
};
