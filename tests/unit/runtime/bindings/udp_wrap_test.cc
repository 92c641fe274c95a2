// The udp_wrap binding (runtime/bindings/udp_wrap.cc) from JS: two handles
// on 127.0.0.1 exchanging datagrams (with the sender's address), an empty
// datagram, a connected send, socket options, and closed or unknown ids.
#include <gtest/gtest.h>
#include <uv.h>

#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class UdpWrapBinding : public JsTest {
 protected:
  void SetUp() override {
    JsTest::SetUp();
    Eval("var b = internalBindingForTest('udp_wrap');");
  }

  void RunLoop() { uv_run(runtime_->loop(), UV_RUN_DEFAULT); }
};

TEST_F(UdpWrapBinding, UnknownAndClosedIdsAreEbadf) {
  std::string ebadf = std::to_string(UV_EBADF);
  ExpectEval("b.recvStart(4242)", "number", ebadf);
  ExpectEval("b.send(4242, {}, [], undefined, 0, false)", "number", ebadf);
  ExpectEval(
      "var closed = 0; var o = { onclose() { closed++; } };"
      "var id = b.udpNew(o); b.close(id); b.bind(id, '127.0.0.1', 0, false, 0)",
      "number", ebadf);
  ExpectEval("b.queueCount(id)", "number", "0");
  ExpectEval("b.hasRef(id)", "boolean", "false");
  RunLoop();
  ExpectEval("closed", "number", "1");
}

TEST_F(UdpWrapBinding, DatagramsWithAddressesAndConnectedSends) {
  Eval(R"(
    var got = [];
    var rx = {
      onmessage(nread, ab, address, port, v6) {
        got.push([nread, String.fromCharCode(...new Uint8Array(ab)), address, typeof port, v6]);
        if (got.length === 3) { b.close(rxId); b.close(txId); }
      },
      onclose() {},
    };
    var tx = { onmessage() {}, onclose() {} };
    var rxId = b.udpNew(rx);
    var txId = b.udpNew(tx);
    var bindStatus = b.bind(rxId, '127.0.0.1', 0, false, 0);
    var name = {};
    b.getsockname(rxId, name);
    b.recvStart(rxId);
    var sent = [];
    var req = { oncomplete(status) { sent.push(status); } };
    sent.push(b.send(txId, req, ['ab', new Uint8Array([99])], '127.0.0.1', name.port, false));
    sent.push(b.send(txId, req, [], '127.0.0.1', name.port, false));
    sent.push(b.connect(txId, '127.0.0.1', name.port, false));
    sent.push(b.send(txId, req, ['z'], undefined, 0, false));
    var peer = {};
    b.getpeername(txId, peer);
  )");
  ExpectEval("bindStatus", "number", "0");
  ExpectEval("name.address + ' ' + name.family", "string", "127.0.0.1 IPv4");
  ExpectEval("peer.port === name.port", "boolean", "true");
  ExpectEval("b.setOption(rxId, b.OPT_TTL, 300)", "number", std::to_string(UV_EINVAL));
  ExpectEval("b.setOption(rxId, b.OPT_TTL, 9)", "number", "0");
  ExpectEval("b.bufferSize(rxId, 0, true) > 0", "boolean", "true");
  ExpectEval("b.membership(rxId, '1.2.3.4', undefined, true)", "number",
             std::to_string(UV_EINVAL));
  RunLoop();
  // Each send went out at once (1), connect answered 0.
  ExpectEval("JSON.stringify(sent)", "string", "[1,1,0,1]");
  ExpectEval("JSON.stringify(got.map((g) => g.slice(0, 2)))", "string",
             R"([[3,"abc"],[0,""],[1,"z"]])");
  ExpectEval("got.every((g) => g[2] === '127.0.0.1' && g[3] === 'number' && !g[4])",
             "boolean", "true");
}

}  // namespace
}  // namespace jspack::runtime
