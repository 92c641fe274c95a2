// The messaging and worker bindings on one thread: channels, clones with
// transferred buffers and ports, closed channels, and the thread facts.
#include <gtest/gtest.h>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class MessagingBinding : public JsTest {
 protected:
  // The binding's per-runtime setup, as stdlib/internal/worker/io.js does.
  static constexpr const char* kSetup =
      "const m = internalBindingForTest('messaging');"
      "m.setup(() => {}, {});"
      "const err = (msg, code) => Object.assign(new Error(msg), { code });";
};

TEST_F(MessagingBinding, PostedValueIsReceivedAsAClone) {
  ExpectEval(std::string(kSetup) +
                 "const [a, b] = m.createChannel();"
                 "const v = { x: [1, 2], d: new Map([[1, 'one']]) };"
                 "const sent = m.postMessage(a, v, [], [], err);"
                 "const got = m.receive(b)[0];"
                 "[sent, got !== v, got.x[1], got.d.get(1),"
                 " m.receive(b) === undefined].join()",
             "string", "true,true,2,one,true");
}

TEST_F(MessagingBinding, TransferMovesBuffersAndPorts) {
  ExpectEval(std::string(kSetup) +
                 "const [a, b] = m.createChannel();"
                 "const [c, d] = m.createChannel();"
                 "const buf = new Uint8Array([7]).buffer;"
                 "m.postMessage(a, { buf, port: c }, [buf], [c], err);"
                 "const got = m.receive(b)[0];"
                 "m.postMessage(got.port, 'via moved port', [], [], err);"
                 "[buf.byteLength, new Uint8Array(got.buf)[0], m.isPort(c),"
                 " m.isPort(got.port), m.receive(d)[0]].join()",
             "string", "0,7,false,true,via moved port");
}

TEST_F(MessagingBinding, PortOutsideTheTransferListThrowsItsCode) {
  ExpectThrows(std::string(kSetup) +
                   "const [a, b] = m.createChannel();"
                   "m.postMessage(a, { b }, [], [], err);",
               "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST");
}

TEST_F(MessagingBinding, ClosedChannelDropsMessages) {
  ExpectEval(std::string(kSetup) +
                 "const [a, b] = m.createChannel();"
                 "m.close(a);"
                 "[m.isPort(a), m.postMessage(b, 1, [], [], err),"
                 " m.receive(b) === undefined].join()",
             "string", "false,false,true");
}

TEST_F(MessagingBinding, RefFollowsSetRef) {
  ExpectEval(std::string(kSetup) +
                 "const [a] = m.createChannel();"
                 "const states = [m.hasRef(a)];"
                 "m.setRef(a, true); states.push(m.hasRef(a));"
                 "m.setRef(a, false); states.push(m.hasRef(a));"
                 "states.join()",
             "string", "false,true,false");
}

TEST_F(MessagingBinding, MainThreadFacts) {
  ExpectEval(
      "const w = internalBindingForTest('worker');"
      "[w.getThreadInfo().join(), w.takeBootInfo() === undefined].join()",
      "string", "true,0,true");
}

}  // namespace
}  // namespace jspack::runtime
