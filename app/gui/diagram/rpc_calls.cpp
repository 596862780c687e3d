#include "rpc_calls.h"

#include <algorithm>

QString RpcCall::callText() const {
  return QStringLiteral("%1(%2)").arg(procedure, args.join(QStringLiteral(", ")));
}

namespace {

// The text after "call ID: " or "reply ID: ", or a null string.
QString afterId(const QString& data, QLatin1String word) {
  if (!data.startsWith(word)) return QString();
  const qsizetype colon = data.indexOf(QLatin1Char(':'), word.size());
  if (colon < 0) return QString();
  return data.mid(colon + 1).trimmed();
}

// Takes the procedure and arguments from "PROC ARG ARG".
void splitRequest(const QString& text, QString* procedure, QStringList* args) {
  QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  *procedure = words.isEmpty() ? QString() : words.takeFirst();
  *args = words;
}

}  // namespace

bool RpcCalls::parseRequest(const QString& data, QString* procedure, QStringList* args) {
  const QString rest = afterId(data, QLatin1String("call "));
  if (rest.isNull()) return false;
  splitRequest(rest, procedure, args);
  return true;
}

QString RpcCalls::replyResult(const QString& data) {
  const QString rest = afterId(data, QLatin1String("reply "));
  return rest.isNull() ? data : rest;
}

RpcCall& RpcCalls::find(int64_t id) {
  // Recent calls are at the end: look there first.
  const auto it =
      std::find_if(calls_.rbegin(), calls_.rend(), [id](const RpcCall& c) { return c.id == id; });
  if (it != calls_.rend()) return *it;
  ++total_;
  RpcCall call;
  call.id = id;
  // Keep them in id order even if a server's event came before the call's.
  const auto at =
      std::find_if(calls_.begin(), calls_.end(), [id](const RpcCall& c) { return c.id > id; });
  return *calls_.insert(at, call);
}

void RpcCalls::forgetOld() {
  while (calls_.size() > kKept) {
    const auto it =
        std::find_if(calls_.begin(), calls_.end(), [](const RpcCall& c) { return !c.pending(); });
    calls_.erase(it == calls_.end() ? calls_.begin() : it);
  }
}

void RpcCalls::apply(const ipclab::Event& e, Role role, const QString& request) {
  using ipclab::EventKind;
  const auto advance = [](RpcCall& c, RpcCall::State s) {
    if (c.state != RpcCall::State::failed && static_cast<int>(s) > static_cast<int>(c.state))
      c.state = s;
  };
  if (e.ev == EventKind::error && role == Role::caller) {
    // "no reply", or no server to connect to: the caller's call failed.
    for (auto it = calls_.rbegin(); it != calls_.rend(); ++it)
      if (it->caller == e.worker && it->pending()) {
        it->state = RpcCall::State::failed;
        return;
      }
    RpcCall call;
    call.caller = e.worker;
    splitRequest(request, &call.procedure, &call.args);
    call.state = RpcCall::State::failed;
    calls_.push_back(call);
    ++total_;
    forgetOld();
    return;
  }
  if ((e.ev != EventKind::send && e.ev != EventKind::recv) || !e.value || *e.value < 0) return;
  const QString data = QString::fromStdString(e.data);
  RpcCall& call = find(*e.value);
  if (role == Role::caller && e.ev == EventKind::send) {
    // The request: who calls what.
    call.caller = e.worker;
    if (!parseRequest(data, &call.procedure, &call.args))
      splitRequest(request, &call.procedure, &call.args);
  } else if (role == Role::server && e.ev == EventKind::recv) {
    call.server = e.worker;
    if (call.procedure.isEmpty()) parseRequest(data, &call.procedure, &call.args);
    advance(call, RpcCall::State::serving);
  } else if (role == Role::server && e.ev == EventKind::send) {
    call.server = e.worker;
    call.result = replyResult(data);
    advance(call, RpcCall::State::answered);
  } else if (role == Role::caller && e.ev == EventKind::recv) {
    if (call.caller < 0) call.caller = e.worker;
    call.result = replyResult(data);
    call.returned = true;
    advance(call, RpcCall::State::answered);
  }
  forgetOld();
}

std::vector<RpcCall> RpcCalls::recent(size_t rows) const {
  // Which calls to keep: every pending one (newest first when there are more
  // than rows), then the newest answered ones.
  std::vector<size_t> keep;
  for (size_t i = calls_.size(); i-- > 0 && keep.size() < rows;)
    if (calls_[i].pending()) keep.push_back(i);
  for (size_t i = calls_.size(); i-- > 0 && keep.size() < rows;)
    if (!calls_[i].pending()) keep.push_back(i);
  std::sort(keep.begin(), keep.end());
  std::vector<RpcCall> out;
  for (size_t i : keep) out.push_back(calls_[i]);
  return out;
}
