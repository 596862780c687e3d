// Drawing helpers the diagram's nodes share: fonts that follow the
// application font (presentation mode makes them grow), chips with a word in
// them, the words for each kind of object. Colours come from StateStyle so
// the diagram agrees with every other panel.
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QRectF>
#include <QString>

#include "scenario/scenario.hpp"

class QPainter;

class DiagramPaint {
  Q_DECLARE_TR_FUNCTIONS(DiagramPaint)

 public:
  // The application font, scaled; bold when asked.
  static QFont font(qreal scale = 1.0, bool bold = false);
  // The height of one line of font(scale): the unit every node is sized in.
  static qreal lineHeight(qreal scale = 1.0);
  static qreal textWidth(const QString& text, qreal scale = 1.0, bool bold = false);

  // A rounded label filled with `fill`, the text centred in `text` colour.
  static void chip(QPainter* p, const QRectF& rect, const QColor& fill, const QColor& text,
                   const QString& word, qreal scale = 0.9, bool bold = false);
  // The width a chip needs for `word`.
  static qreal chipWidth(const QString& word, qreal scale = 0.9, bool bold = false);
  // A node's frame: white card, rounded, with a thin border.
  static void card(QPainter* p, const QRectF& rect, const QColor& border, qreal width = 1.2);
  // Text elided to fit `rect` (one line, left and vertically centred).
  static void text(QPainter* p, const QRectF& rect, const QString& text, const QColor& color,
                   qreal scale = 1.0, bool bold = false, Qt::Alignment align = Qt::AlignLeft);

  // A light version of a process colour, for backgrounds tinted by a process.
  static QColor tint(const QColor& color, int percent = 28);
  static QColor ink() { return QColor(0x22, 0x2a, 0x33); }
  static QColor muted() { return QColor(0x5f, 0x67, 0x70); }
  static QColor frame() { return QColor(0xb4, 0xbc, 0xc6); }
  static QColor blocked() { return QColor(0xc0, 0x1f, 0x30); }

  // What a student calls the object: "pipe", "message queue", "semaphore"...
  static QString kindWord(ipclab::ObjectKind kind);
};
