// isOnScreen: whether any part of a widget can be seen now. A dock tabbed
// behind another stays isVisible(): Qt moves it out of the window instead of
// hiding it. Panels ask this before work only a reader would see (sizing
// columns, drawing charts, telling a table about rows) and catch up when
// their dock's visibilityChanged(true) arrives.
#pragma once

#include <QRegion>
#include <QWidget>

inline bool isOnScreen(const QWidget* widget) {
  return widget->isVisible() && !widget->visibleRegion().isEmpty();
}
