// The stream_wrap binding (runtime/bindings/stream_wrap.cc) from JS: a TCP
// server and client on 127.0.0.1 with reads, batched writes, shutdown and
// close; a pipe opened on one end of a socketpair; closed and unknown ids;
// and a handle whose JS object was dropped while it is still reading.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#include <cstring>
#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class StreamWrapBinding : public JsTest {
 protected:
  void SetUp() override {
    JsTest::SetUp();
    Eval("var b = internalBindingForTest('stream_wrap');");
  }

  void RunLoop() { uv_run(runtime_->loop(), UV_RUN_DEFAULT); }
};

TEST_F(StreamWrapBinding, UnknownAndClosedIdsAreEbadf) {
  std::string ebadf = std::to_string(UV_EBADF);
  ExpectEval("b.readStart(12345)", "number", ebadf);
  ExpectEval("b.readStart(-1)", "number", ebadf);
  ExpectEval("b.writev(999, {}, [], false)", "number", ebadf);
  ExpectEval(
      "var closed = 0; var t = { onclose() { closed++; } };"
      "var id = b.tcpNew(t); b.close(id); b.readStart(id)",
      "number", ebadf);
  ExpectEval("b.close(id)", "number", ebadf);
  ExpectEval("b.hasRef(id)", "boolean", "false");
  RunLoop();
  ExpectEval("closed", "number", "1");
}

TEST_F(StreamWrapBinding, TcpEchoWithWritevShutdownAndClose) {
  Eval(R"(
    var log = [];
    var received = '';
    var server = {
      _onconnection(status, clientId) {
        log.push('accept ' + status);
        var peer = {
          onread(nread, ab) {
            if (nread > 0) {
              received += String.fromCharCode(...new Uint8Array(ab, 0, nread));
              return;
            }
            log.push('server eof ' + (nread === b.UV_EOF));
            b.close(clientId);
            b.close(serverId);
          },
          onclose() { log.push('peer closed'); },
        };
        b.adopt(clientId, peer);
        b.readStart(clientId);
      },
      onclose() { log.push('server closed'); },
    };
    var serverId = b.tcpNew(server);
    var bindStatus = b.tcpBind(serverId, '127.0.0.1', 0, false, false);
    var listenStatus = b.listen(serverId, 16);
    var where = {};
    b.getsockname(serverId, where);
    var client = { onclose() { log.push('client closed'); } };
    var clientId = b.tcpNew(client);
    b.tcpConnect(clientId, {
      oncomplete(status) {
        log.push('connect ' + status);
        var peer = {};
        b.getpeername(clientId, peer);
        log.push('peer ' + peer.address + ' ' + (peer.port === where.port));
        var chunks = [new Uint8Array([104, 105]), ' there', 'caf\u00e9'];
        var w = b.writev(clientId, { oncomplete() { log.push('write done'); } },
                         chunks, false);
        log.push('writev ' + (w === 0 || w === 1));
        var stats = new Float64Array(3);
        b.stats(clientId, stats);
        log.push('written ' + stats[0] + ' ' + stats[1]);
        b.shutdown(clientId, {
          oncomplete(status) {
            log.push('shutdown ' + status);
            b.close(clientId);
          },
        });
      },
    }, '127.0.0.1', where.port, false);
  )");
  ExpectEval("[bindStatus, listenStatus, where.family, where.port > 0].join()",
             "string", "0,0,IPv4,true");
  RunLoop();
  ExpectEval("received", "string", "hi therecaf\xc3\x83\xc2\xa9");
  ExpectEval("log.includes('connect 0') && log.includes('peer 127.0.0.1 true')",
             "boolean", "true");
  ExpectEval("log.includes('writev true') && log.includes('written 0 13')",
             "boolean", "true");
  ExpectEval(
      "['accept 0', 'server eof true', 'shutdown 0', 'peer closed', "
      "'server closed', 'client closed'].every((e) => log.includes(e))",
      "boolean", "true");
}

TEST_F(StreamWrapBinding, PipeOpenedOnASocketpairReadsAndWrites) {
  int fds[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  Eval("var fd = " + std::to_string(fds[0]) + ";" + R"(
    var got = [];
    var pipe = {
      onread(nread, ab) {
        if (nread > 0) got.push(String.fromCharCode(...new Uint8Array(ab, 0, nread)));
        else { got.push('end ' + nread); b.close(id); }
      },
      onclose() { got.push('closed'); },
    };
    var id = b.pipeNew(pipe, false);
    var opened = b.pipeOpen(id, fd);
    var wrote = b.writev(id, {}, ['from js'], true);
    b.readStart(id);
  )");
  ExpectEval("[opened, wrote].join()", "string", "0,1");
  char buf[16] = {0};
  ASSERT_EQ(read(fds[1], buf, sizeof(buf)), 7);
  EXPECT_STREQ(buf, "from js");
  ASSERT_EQ(write(fds[1], "from c", 6), 6);
  close(fds[1]);
  RunLoop();
  ExpectEval("got.join('|')", "string",
             "from c|end " + std::to_string(UV_EOF) + "|closed");
}

TEST_F(StreamWrapBinding, AHandleWhoseObjectJsDroppedKeepsWorking) {
  int fds[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  // Nothing in JS refers to the owner after this script; the binding does.
  Eval("var reads = 0; (function () { var fd = " + std::to_string(fds[0]) +
       R"(;
      var owner = {
        onread(nread, ab, self) {
          if (nread > 0) { reads += nread; return; }
          b.close(self.id);
        },
      };
      owner.id = b.pipeNew(owner, false);
      b.pipeOpen(owner.id, fd);
      b.readStart(owner.id);
    })();
  )");
  isolate_->LowMemoryNotification();
  ASSERT_EQ(write(fds[1], "abc", 3), 3);
  close(fds[1]);
  RunLoop();
  ExpectEval("reads", "number", "3");
}

TEST_F(StreamWrapBinding, ConnectToAClosedPortReportsTheError) {
  Eval(R"(
    var probe = b.tcpNew({});
    b.tcpBind(probe, '127.0.0.1', 0, false, false);
    var at = {};
    b.getsockname(probe, at);
    b.close(probe);
    var status = null;
    var c = b.tcpNew({});
    b.tcpConnect(c, { oncomplete(s) { status = s; b.close(c); } },
                 '127.0.0.1', at.port, false);
  )");
  RunLoop();
  ExpectEval("status", "number", std::to_string(UV_ECONNREFUSED));
}

TEST_F(StreamWrapBinding, BadAddressesAreErrorsNotCrashes) {
  ExpectEval("var t = b.tcpNew({}); b.tcpBind(t, 'not an ip', 0, false, false)",
             "number", std::to_string(UV_EINVAL));
  ExpectEval("b.tcpConnect(t, {}, '::1', 80, false)", "number",
             std::to_string(UV_EINVAL));
  ExpectEval("b.pipeOpen(t, 0)", "number", std::to_string(UV_EBADF));
  Eval("b.close(t)");
  RunLoop();
}

class DnsBinding : public JsTest {
 protected:
  void SetUp() override {
    JsTest::SetUp();
    Eval("var d = internalBindingForTest('dns');");
  }
};

TEST_F(DnsBinding, GetaddrinfoAndGetnameinfoOnTheThreadPool) {
  Eval(R"(
    var answers = null, names = null, missing = null;
    d.getaddrinfo({ oncomplete(status, flat) { answers = [status, ...flat]; } },
                  'localhost', 4, 0);
    d.getnameinfo({ oncomplete(status, host, service) { names = [status, service]; } },
                  '127.0.0.1', 22);
    d.getaddrinfo({ oncomplete(status) { missing = status; } },
                  'no-such-host.invalid', 0, 0);
  )");
  uv_run(runtime_->loop(), UV_RUN_DEFAULT);
  ExpectEval("answers.slice(0, 3).join()", "string", "0,127.0.0.1,4");
  ExpectEval("names.join()", "string", "0,ssh");
  ExpectEval("missing < 0", "boolean", "true");
  ExpectEval("d.getnameinfo({}, 'nope', 1)", "number",
             std::to_string(UV_EINVAL));
}

}  // namespace
}  // namespace jspack::runtime
