// The IPC Lab icon, drawn in code so it needs no image plugin: two processes
// joined by a pipe with a message on its way. resources/icons/ipclab.svg is
// the same picture for the desktop entry.
#pragma once

#include <QIcon>

QIcon appIcon();
