// SIGINT and SIGTERM (Ctrl+C in the terminal, a plain `kill`) end the event
// loop instead of the process, so the window closes normally and the session
// stops its processes and removes its objects on the way out.
#pragma once

class QObject;

// Installs the handlers; the notifier lives as a child of `parent`.
void quitOnTerminationSignals(QObject* parent);
