// What a student reads for each op of a plan (its label) and the C call
// behind it (plan.cpp calls describe for every op it makes).
#pragma once

#include "runtime/plan.hpp"

namespace ipclab {

inline ObjectKind mechanism_of(const Scenario& s, int obj) {
  return obj >= 0 ? s.objects[static_cast<size_t>(obj)].mechanism : ObjectKind::pipe;
}

// Fills op.label and op.c_call.
void describe(const Scenario& s, Op& op);
// The same for a `measure` op (plan_describe_measure.cpp).
void describe_measure(const Scenario& s, Op& op);

}  // namespace ipclab
