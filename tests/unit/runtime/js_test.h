// JsTest: a fixture with a booted runtime (stdlib evaluated from source) for
// C++ tests that need to run JS.
#pragma once

#include <gtest/gtest.h>
#include <v8.h>

#include <memory>
#include <string>

#include "runtime/core/runtime.h"

namespace jspack::runtime {

// Initializes V8 once for the whole test binary.
void InitializeV8ForTests();

class JsTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Evaluates `source` as a script; returns the completion value's string
  // form, or "throws: <exception>" when it throws.
  std::string Eval(const std::string& source);
  // Expects `source` to evaluate to a value of `type` (typeof) printing as
  // `text`.
  void ExpectEval(const std::string& source, const std::string& type,
                  const std::string& text);
  // Expects `source` to throw an exception whose string form or `code`
  // contains `fragment`.
  void ExpectThrows(const std::string& source, const std::string& fragment);

  v8::Isolate* isolate_ = nullptr;
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
  v8::Global<v8::Context> context_;
  std::unique_ptr<Runtime> runtime_;
};

}  // namespace jspack::runtime
