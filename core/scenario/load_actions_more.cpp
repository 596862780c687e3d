// The signal, file-lock, rpc, exec and simple control actions of a step.
#include <algorithm>
#include <climits>

#include "scenario/step_loader.hpp"

namespace ipclab::scenario_detail {
namespace {

constexpr std::string_view kExecAllowed[] = {"ps",  "grep", "sort", "wc",
                                             "cat", "head", "tail", "echo"};

}  // namespace

void StepLoader::load_signal_actions(ActionKind kind) {
  if (kind == ActionKind::signal) {
    if (!map_form({"to", "sig", "value"}, "{to: receiver, sig: SIGUSR1}")) return;
    if (std::optional<std::string> to = fields_->text("to", true)) {
      a_.target = *to;
      check_instance(r_, s_.procs, a_.target, fields_->get("to")->pos, false, true);
    }
    if (const Entry* sig = fields_->need("sig")) {
      a_.sig = signal_ref(r_, sig->value, sig->pos, "'sig'").value_or(0);
    }
    a_.has_value = fields_->get("value") != nullptr;
    a_.value = fields_->integer("value", INT_MIN, INT_MAX).value_or(0);
  } else if (kind == ActionKind::sigwait) {
    if (e_.value.IsMap()) {
      r_.error(e_.pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                             "'sigwait' takes a signal or a list of signals, "
                                             "like 'sigwait: [SIGUSR1, SIGUSR2]', not a map")));
      return;
    }
    std::vector<Item> items;
    if (e_.value.IsScalar()) {
      items.push_back({e_.value, e_.pos});
    } else if (auto list = r_.list(e_.value, e_.pos, "'sigwait'")) {
      items = *list;
    }
    if (items.empty() && e_.value.IsSequence())
      r_.error(e_.pos, say(QT_TRANSLATE_NOOP("Diagnostics", "'sigwait' needs a signal")));
    for (const Item& item : items) {
      if (std::optional<int> sig = signal_ref(r_, item.node, item.pos,
                                              say(QT_TRANSLATE_NOOP("Diagnostics", "a signal")))) {
        a_.sigs.push_back(*sig);
      }
    }
  } else if (e_.value.IsMap()) {  // on_signal
    map_form({"sig", "restart"}, "{sig: SIGUSR1, restart: false}");
    if (const Entry* sig = fields_->need("sig")) {
      a_.sig = signal_ref(r_, sig->value, sig->pos, "'sig'").value_or(0);
    }
    a_.restart = fields_->boolean("restart").value_or(false);
  } else {
    a_.sig = signal_ref(r_, e_.value, e_.pos, "'on_signal'").value_or(0);
  }
}

void StepLoader::load_other(ActionKind kind) {
  switch (kind) {
    case ActionKind::flock: {
      if (!map_form({"file", "mode", "start", "len", "style"}, "{file: log, mode: exclusive}")) {
        break;
      }
      ref("file", kFileLock, a_.object);
      a_.mode = fields_->text("mode").value_or("exclusive");
      if (a_.mode != "shared" && a_.mode != "exclusive") {
        r_.error(
            fields_->get("mode")->pos,
            say(QT_TRANSLATE_NOOP("Diagnostics", "'mode' must be shared or exclusive, not %1%2"),
                {quoted(a_.mode), suggest(a_.mode, {"shared", "exclusive"})}));
      }
      a_.style = fields_->text("style").value_or("fcntl");
      if (a_.style != "fcntl" && a_.style != "flock" && a_.style != "ofd") {
        r_.error(
            fields_->get("style")->pos,
            say(QT_TRANSLATE_NOOP("Diagnostics", "'style' must be fcntl, flock or ofd, not %1%2"),
                {quoted(a_.style), suggest(a_.style, {"fcntl", "flock", "ofd"})}));
      }
      a_.start = fields_->integer("start", 0, int64_t{1} << 40).value_or(0);
      a_.len = fields_->integer("len", 0, int64_t{1} << 40).value_or(0);
      for (std::string_view key : {"start", "len"}) {
        const Entry* e = fields_->get(key);
        if (e && a_.style == "flock") {
          r_.error(e->key_pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "flock() always locks the whole file, so %1 "
                                                     "needs style fcntl or ofd"),
                                   {quoted(key)}));
        }
      }
      break;
    }
    case ActionKind::call: {
      if (!map_form({"rpc", "proc", "args"}, "{rpc: calc, proc: add, args: [1, 2]}")) break;
      ref("rpc", kRpc, a_.object);
      a_.proc = fields_->text("proc", true).value_or("");
      if (const Entry* args = fields_->get("args")) {
        auto words = r_.texts(args->value, args->pos, "'args'")
                         .value_or(std::vector<std::pair<std::string, SourcePos>>{});
        if (words.size() > 16)
          r_.error(args->pos,
                   say(QT_TRANSLATE_NOOP("Diagnostics", "'args' has more than 16 values")));
        for (auto& [text, pos] : words) {
          process_text(text, pos);
          a_.args.push_back(text);
        }
      }
      break;
    }
    case ActionKind::exec: {
      if (!map_form({"argv", "stdin", "stdout"}, "{argv: [ps, -ef], stdout: pipe}")) break;
      if (const Entry* argv = fields_->need("argv")) {
        auto words = r_.texts(argv->value, argv->pos, "'argv'")
                         .value_or(std::vector<std::pair<std::string, SourcePos>>{});
        for (auto& [text, pos] : words) {
          process_text(text, pos);
          a_.argv.push_back(text);
        }
        bool allowed = !a_.argv.empty() &&
                       std::find(std::begin(kExecAllowed), std::end(kExecAllowed), a_.argv[0]) !=
                           std::end(kExecAllowed);
        if (!words.empty() && !allowed) {
          r_.error(words[0].second, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                          "'exec' may run only ps, grep, sort, wc, "
                                                          "cat, head, tail or echo, not %1"),
                                        {quoted(a_.argv[0])}));
        } else if (words.empty() && argv->value.IsSequence()) {
          r_.error(argv->pos, say(QT_TRANSLATE_NOOP("Diagnostics",
                                                    "'argv' is empty: give the program and its "
                                                    "arguments")));
        }
        if (a_.argv.size() > 32)
          r_.error(argv->pos,
                   say(QT_TRANSLATE_NOOP("Diagnostics", "'argv' has more than 32 words")));
      }
      if (fields_->get("stdin")) ref("stdin", kStream, a_.stdin_obj);
      if (fields_->get("stdout")) ref("stdout", kStream, a_.stdout_obj);
      break;
    }
    case ActionKind::sleep:
    case ActionKind::compute:
      a_.value = r_.integer(e_.value, e_.pos, quoted(e_.key), 0, kMaxMillis).value_or(0);
      break;
    case ActionKind::exit:
      a_.value = r_.integer(e_.value, e_.pos, "'exit'", 0, 255).value_or(0);
      break;
    case ActionKind::print:
      if (std::optional<std::string> text = r_.text(e_.value, e_.pos, "'print'")) {
        a_.text = *text;
        process_text(a_.text, e_.pos);
      }
      break;
    default:
      break;
  }
}

}  // namespace ipclab::scenario_detail
