#include "op_text.h"

namespace {

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

QString sigName(int sig) {
  return q(ipclab::signal_display_name(sig));
}

}  // namespace

QStringList OpText::objectNames(const ipclab::Scenario& scenario) {
  QStringList names;
  names.reserve(static_cast<qsizetype>(scenario.objects.size()));
  for (const ipclab::ObjectSpec& o : scenario.objects) names << q(o.name);
  return names;
}

QString OpText::label(const ipclab::Op& op, const ipclab::Scenario& scenario) {
  return label(op, objectNames(scenario));
}

QString OpText::label(const ipclab::Op& op, const QStringList& objectNames) {
  auto name = [&objectNames](int i) {
    return i >= 0 && i < objectNames.size() ? objectNames.at(i) : QString();
  };
  const QString obj = name(op.obj);
  // Every substitution goes through one multi-argument arg(): a message
  // text that itself holds "%1" is shown as it is, never substituted again.
  const QString cell = QStringLiteral("%1[%2]").arg(obj, QString::number(op.cell));
  const QString value = QString::number(op.value);
  using K = ipclab::OpKind;
  switch (op.kind) {
    case K::send:
      return tr("send \"%1\" to %2").arg(q(op.text), obj);
    case K::recv:
      return tr("receive from %1").arg(obj);
    case K::sem_wait:
      return tr("wait on %1").arg(obj);
    case K::sem_post:
      return tr("post %1").arg(obj);
    case K::sem_trywait:
      return tr("try to wait on %1").arg(obj);
    case K::mutex_lock:
      return tr("lock %1").arg(obj);
    case K::mutex_unlock:
      return tr("unlock %1").arg(obj);
    case K::mutex_trylock:
      return tr("try to lock %1").arg(obj);
    case K::shm_read:
      if (op.repeat_while == ipclab::RepeatWhile::cell_nonzero)
        return tr("spin while %1 is not 0", "a flag lock's test").arg(cell);
      return tr("read %1").arg(cell);
    case K::shm_write:
      if (op.flag_role == ipclab::FlagRole::enter)
        return tr("set %1 to 1: taken", "a flag lock's entry").arg(cell);
      if (op.flag_role == ipclab::FlagRole::leave)
        return tr("set %1 to 0: free", "a flag lock's exit").arg(cell);
      return tr("write %1 to %2").arg(value, cell);
    case K::shm_add:
      return tr("add %1 to %2").arg(value, cell);
    case K::shm_load:
      return tr("load %1").arg(cell);
    case K::shm_compute:
      return tr("compute reg + %1").arg(value);
    case K::shm_store:
      return tr("store reg to %1").arg(cell);
    case K::signal:
      return tr("send %1 to %2").arg(sigName(op.sig), q(op.text));
    case K::sigwait: {
      QStringList sigs;
      for (int sig : op.sigs) sigs << sigName(sig);
      return tr("wait for %1").arg(sigs.join(QStringLiteral(", ")));
    }
    case K::on_signal:
      return tr("install a handler for %1").arg(sigName(op.sig));
    case K::sleep:
      return tr("sleep %1 ms").arg(value);
    case K::compute:
      return tr("compute for %1 ms").arg(value);
    case K::print:
      return tr("print \"%1\"").arg(q(op.text));
    case K::exit:
      return tr("exit with code %1").arg(value);
    case K::exec: {
      QStringList words;
      for (const std::string& w : op.argv) words << q(w);
      const QString command = words.join(QLatin1Char(' '));
      const QString in = name(op.in_obj), out = name(op.out_obj);
      if (op.in_obj >= 0 && op.out_obj >= 0) return tr("run %1 < %2 > %3").arg(command, in, out);
      if (op.in_obj >= 0) return tr("run %1 < %2").arg(command, in);
      if (op.out_obj >= 0) return tr("run %1 > %2").arg(command, out);
      return tr("run %1").arg(command);
    }
    case K::rpc_call:
      return tr("call %1: %2").arg(obj, q(op.text));
    case K::rpc_serve:
      return tr("serve one call on %1").arg(obj);
    case K::mutex_consistent:
      return tr("make %1 consistent").arg(obj);
    case K::rw_rdlock:
      return tr("lock %1 for reading").arg(obj);
    case K::rw_wrlock:
      return tr("lock %1 for writing").arg(obj);
    case K::rw_unlock:
      return tr("unlock %1").arg(obj);
    case K::cond_wait:
      return tr("wait on %1 (releasing %2)").arg(obj, name(op.in_obj));
    case K::cond_signal:
      return tr("signal %1").arg(obj);
    case K::cond_broadcast:
      return tr("broadcast %1").arg(obj);
    case K::file_lock: {
      const bool shared = op.text == "shared";
      const QString start = QString::number(op.start);
      if (op.start == 0 && op.len == 0)
        return shared ? tr("lock %1 (shared)").arg(obj) : tr("lock %1 (exclusive)").arg(obj);
      if (op.len == 0)
        return shared ? tr("lock bytes %1 to the end of %2 (shared)").arg(start, obj)
                      : tr("lock bytes %1 to the end of %2 (exclusive)").arg(start, obj);
      const QString last = QString::number(op.start + op.len - 1);
      return shared ? tr("lock bytes %1-%2 of %3 (shared)").arg(start, last, obj)
                    : tr("lock bytes %1-%2 of %3 (exclusive)").arg(start, last, obj);
    }
    case K::file_unlock:
      return tr("unlock %1").arg(obj);
    case K::event_set:
      return tr("set %1").arg(obj);
    case K::event_reset:
      return tr("reset %1").arg(obj);
    case K::event_wait:
      return tr("wait for %1").arg(obj);
    case K::barrier_wait:
      return tr("wait at %1").arg(obj);
    case K::measure:
      if (op.obj >= 0)
        return tr("measure %1 values: threads, then a pipe (into %2)").arg(value, obj);
      return tr("measure %1 values: threads, then a pipe").arg(value);
    case K::unsupported:
      return tr("%1 (not available yet)").arg(q(std::string(ipclab::to_string(op.action))));
  }
  return QString();
}

PlanLabels::PlanLabels(const ipclab::Scenario& scenario, std::vector<std::vector<ipclab::Op>> plans)
    : objects_(OpText::objectNames(scenario)), plans_(std::move(plans)) {}

PlanLabels PlanLabels::of(const ipclab::Session& session) {
  std::vector<std::vector<ipclab::Op>> plans;
  for (size_t i = 0; i < session.workers().size(); ++i)
    plans.push_back(session.plan(static_cast<int>(i)));
  return PlanLabels(session.scenario(), std::move(plans));
}

const ipclab::Op* PlanLabels::op(int worker, int op) const {
  if (worker < 0 || static_cast<size_t>(worker) >= plans_.size()) return nullptr;
  const auto& plan = plans_[static_cast<size_t>(worker)];
  if (op < 0 || static_cast<size_t>(op) >= plan.size()) return nullptr;
  return &plan[static_cast<size_t>(op)];
}

QString PlanLabels::label(int worker, int op) const {
  const ipclab::Op* found = this->op(worker, op);
  return found ? OpText::label(*found, objects_) : QString();
}
