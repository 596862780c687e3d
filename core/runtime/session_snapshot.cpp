// Session::snapshot: what the model, the workers' slots and the kernel say
// now, in one consistent copy for the GUI and the CLI.
#include "runtime/private_memory.hpp"
#include "runtime/session.hpp"
#include "runtime/session_impl.hpp"

namespace ipclab {

Snapshot Session::snapshot() {
  Impl& m = *impl_;
  Snapshot snap;
  std::vector<Child> kids;
  std::vector<int> overtaken;
  {
    std::lock_guard lock(m.mu);
    snap.mode = m.mode;
    snap.deadlock = m.deadlock;
    snap.deadlock_cycle = m.deadlock_cycle;
    snap.findings = m.model.findings();
    kids = m.child_view;
    for (size_t i = 0; i < m.ids.size(); ++i)
      overtaken.push_back(m.model.overtaken(static_cast<int>(i)));
    if (!m.ctl) snap.workers = m.final_workers;  // stopped: how each one ended
    for (size_t i = 0; i < m.scenario.objects.size(); ++i) {
      ObjectStatus o;
      o.spec = &m.scenario.objects[i];
      const int obj = static_cast<int>(i);
      o.model_fill = m.model.fill(obj);
      o.owner = m.model.owner(obj);
      o.waiters = m.model.waiters(obj);
      o.holders = m.model.holders(obj);
      o.cell_writers = m.model.cell_writers(obj);
      const ObjectKind k = m.mechanism(obj);
      o.mechanism = k;
      if (is_channel_mechanism(k)) o.contents = m.model.held_texts(obj);
      if (is_channel_mechanism(k)) o.unit = keeps_message_boundaries(k) ? "messages" : "bytes";
      if (k == ObjectKind::semaphore) o.unit = "count";
      snap.objects.push_back(std::move(o));
    }
  }
  if (!m.ctl) return snap;
  snap.t_ns = now_since(*m.ctl);
  for (size_t i = 0; i < snap.objects.size(); ++i) {
    ObjectStatus& o = snap.objects[i];
    const ObjectHost::FdLender lend = m.lender(kids);
    const int real = m.instance(static_cast<int>(i));  // a switchable channel's instance in use
    o.kernel_fill = m.host.kernel_fill(real, lend);
    if (!o.kernel_fill) o.kernel_fill = m.host.in_block_fill(*m.ctl, real);
    o.kernel_note = m.host.kernel_note(real, lend);
    o.address = m.host.address(real);
    o.cells = m.host.cells(static_cast<int>(i));
    o.owner_tid_kernel = m.host.mutex_owner_tid(*m.ctl, static_cast<int>(i));
  }
  // Until every worker is spawned (a start that failed) there is no one to show.
  for (size_t i = 0; i < m.ids.size() && i < kids.size(); ++i) {
    const WorkerSlot& slot = m.ctl->workers[i];
    WorkerStatus w;
    w.id = m.ids[i];
    w.pid = kids[i].pid;
    w.state = slot.state.load();
    if (kids[i].reaped && kids[i].term_signal)
      w.state = WorkerState::killed;
    else if (kids[i].reaped)
      w.state = WorkerState::exited;
    w.op = slot.op.load();
    w.op_count = static_cast<int>(m.plans[i].size());
    if (w.op >= 0 && w.op < w.op_count) w.op_label = m.plans[i][static_cast<size_t>(w.op)].label;
    if (w.state == WorkerState::blocked) {
      w.blocked_obj = slot.blocked_obj.load();
      w.blocked_timed = slot.blocked_timed.load() == 1;
    }
    w.exit_code = kids[i].exit_code;
    w.term_signal = kids[i].term_signal;
    w.steps = slot.steps_done.load();
    if (w.state == WorkerState::blocked) w.overtaken = overtaken[i];
    if (!kids[i].reaped) w.kernel = probe_process(w.pid);
    snap.workers.push_back(std::move(w));
  }
  for (ObjectStatus& o : snap.objects) add_dead_owner_note(o, snap.workers);
  fill_private_cells(m.scenario, *m.ctl, snap);
  return snap;
}

}  // namespace ipclab
