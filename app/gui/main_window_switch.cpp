// MainWindow: live switching of a channel's mechanism. The choices are in
// Session > Switch Channel and behind the control on each switchable
// channel's node in the diagram; both trigger the same actions
// (ChannelSwitchMenu), and the switch itself runs on the controller's
// lifecycle thread. A refusal's reason goes to the message bar.
#include <QAction>
#include <QMenu>

#include "channel_switch_menu.h"
#include "diagram/diagram_view.h"
#include "main_window.h"
#include "message_bar.h"
#include "session_controller.h"
#include "switch_text.h"
#include "window_actions.h"

void MainWindow::buildSwitchMenu() {
  switchMenu_ = new ChannelSwitchMenu(this);
  // Session > Switch Channel, above Reset.
  for (QObject* owner : actions_->reset->associatedObjects())
    if (auto* menu = qobject_cast<QMenu*>(owner)) {
      menu->insertMenu(actions_->reset, switchMenu_->menu());
      menu->insertSeparator(actions_->reset);
    }
  connect(switchMenu_, &ChannelSwitchMenu::switchRequested, this, &MainWindow::switchChannel);
  connect(diagram_, &DiagramView::switchControlClicked, this,
          [this](int obj, const QPoint& globalPos) {
            if (QMenu* menu = switchMenu_->menuFor(obj)) menu->popup(globalPos);
          });
  connect(controller_, &SessionController::switchStarted, this,
          [this] { switchMenu_->setBusy(true); });
  connect(controller_, &SessionController::channelSwitched, this,
          [this](int obj, ipclab::ObjectKind mechanism) {
            switchMenu_->setBusy(false);
            const ipclab::Scenario* scenario = controller_->scenario();
            if (!scenario || obj < 0 || static_cast<size_t>(obj) >= scenario->objects.size())
              return;
            const QString name =
                QString::fromStdString(scenario->objects[static_cast<size_t>(obj)].name);
            messageBar_->showInformation(
                tr("“%1” now runs on %2; the processes kept their pids and the messages in "
                   "flight were carried over.")
                    .arg(name, SwitchText::mechanismName(mechanism)));
          });
  connect(controller_, &SessionController::switchRefused, this, [this](int, const QString& text) {
    switchMenu_->setBusy(false);
    messageBar_->showMessage(MessageBar::Level::Warning, text);
  });
}

void MainWindow::switchChannel(int obj, ipclab::ObjectKind mechanism) {
  controller_->switchChannel(obj, mechanism);
}
