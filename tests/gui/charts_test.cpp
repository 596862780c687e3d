// The Charts dock draws each line where its values are after every frame,
// also in the frames where the time axis moves (the lines then take their
// points quietly and the axis move lays them out; see ChartsPanel::refresh)
// and in those where it stays.
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QImage>
#include <QLineSeries>
#include <cstdlib>

#include "charts_panel.h"
#include "gui_fixture.h"
#include "scenario/scenario.hpp"

namespace guitest {
namespace {

// Whether a pixel of about `color` is within a pixel of `at`.
bool drawnNear(const QImage& image, QPoint at, QColor color) {
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx) {
      const QPoint p = at + QPoint(dx, dy);
      if (!image.rect().contains(p)) continue;
      const QColor c = image.pixelColor(p);
      if (std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) +
              std::abs(c.blue() - color.blue()) <
          40)
        return true;
    }
  return false;
}

TEST_F(GuiTest, ChartLinesAreDrawnAtTheirNewValuesWhetherTheTimeAxisMovesOrNot) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  int empty = -1;
  const auto& objects = session->scenario().objects;
  for (size_t i = 0; i < objects.size(); ++i)
    if (objects[i].name == "empty") empty = static_cast<int>(i);
  ASSERT_GE(empty, 0);
  ChartsPanel* charts = window_->charts();
  auto* dock = qobject_cast<QDockWidget*>(charts->parentWidget());
  ASSERT_NE(dock, nullptr);
  dock->raise();
  QCoreApplication::processEvents();
  const int series = charts->model().seriesOf(empty);
  QLineSeries* line = charts->line(series);
  ASSERT_NE(line, nullptr);
  QChartView* view = charts->chartView();
  QChart* chart = view->chart();

  // Where the line must be at time `ms` and value `v`, in the viewport's pixels.
  auto pixel = [&](double ms, double v) {
    return view->mapFromScene(chart->mapToScene(chart->mapToPosition(QPointF(ms, v), line)));
  };
  ipclab::Snapshot snap = session->snapshot();
  uint64_t t = snap.t_ns + 1'000'000'000;  // past whatever the session said so far
  const double values[] = {2, 5, 1, 4, 3};
  double previous = -1;
  for (int frame = 0; frame < 5; ++frame) {
    // The semaphore takes a new value, and time goes on (the axis moves),
    // except in the last frame, which changes only the value.
    const bool axisMoves = frame < 4;
    ipclab::Event e;
    e.t_ns = t;
    e.ev = ipclab::EventKind::release;
    e.worker = 0;
    e.obj = empty;
    e.obj_name = "empty";
    e.value = static_cast<int64_t>(values[frame]);
    charts->append({e});
    const uint64_t now = axisMoves ? t + 400'000'000 : t;
    snap.t_ns = now;
    snap.objects[static_cast<size_t>(empty)].model_fill = static_cast<int64_t>(values[frame]);
    charts->applySnapshot(snap);
    const QImage image = view->viewport()->grab().toImage();
    // The value holds from t until now: the middle of that stretch (or,
    // when no time passed, the step at now).
    const double at = static_cast<double>(axisMoves ? t + 200'000'000 : t) / 1e6 - 0.5;
    const double endMs = static_cast<double>(now) / 1e6;
    EXPECT_TRUE(drawnNear(image, pixel(axisMoves ? at : endMs, values[frame]), line->color()))
        << "frame " << frame << ": the line is not at " << values[frame];
    if (axisMoves && previous >= 0)
      EXPECT_FALSE(drawnNear(image, pixel(at, previous), line->color()))
          << "frame " << frame << ": the line is still at " << previous;
    EXPECT_EQ(line->at(line->count() - 1), QPointF(endMs, values[frame]));
    previous = values[frame];
    t = frame < 3 ? now + 1000 : now;  // the last frame's value comes at the same time
  }
}

}  // namespace
}  // namespace guitest
