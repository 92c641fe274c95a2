// The external reference registry: every native callback JS can reach is
// registered exactly once, and a snapshot holding every binding works.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "runtime/core/binding.h"
#include "runtime/core/stdlib.h"
#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

std::set<intptr_t> RegisteredSet() {
  std::set<intptr_t> refs;
  for (const intptr_t* p = ExternalReferences(); *p != 0; ++p) refs.insert(*p);
  return refs;
}

TEST(BindingRegistry, EveryTableCallbackIsRegisteredOnce) {
  std::set<intptr_t> refs = RegisteredSet();
  size_t count = 0;
  for (const intptr_t* p = ExternalReferences(); *p != 0; ++p) ++count;
  EXPECT_EQ(refs.size(), count) << "a callback is registered twice";
  for (const BindingInfo* info : AllBindings()) {
    for (size_t i = 0; i < info->method_count; ++i) {
      EXPECT_TRUE(
          refs.count(reinterpret_cast<intptr_t>(info->methods[i].callback)))
          << info->name << "." << info->methods[i].name;
    }
  }
  for (v8::FunctionCallback cb : CoreCallbacks()) {
    EXPECT_TRUE(refs.count(reinterpret_cast<intptr_t>(cb)));
  }
}

TEST(BindingRegistry, BindingsAreSortedAndUnique) {
  const auto& all = AllBindings();
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_LT(std::string(all[i - 1]->name), std::string(all[i]->name))
        << "binding_list.h must stay sorted";
  }
}

class BindingRegistryJs : public JsTest {};

// Walks every function reachable from every binding object and checks that
// V8 can name it through the registry (otherwise a snapshot would abort).
TEST_F(BindingRegistryJs, EveryNativeFunctionOfEveryBindingIsInstalled) {
  for (const BindingInfo* info : AllBindings()) {
    std::string name = info->name;
    ExpectEval("Object.keys(internalBindingForTest('" + name +
                   "')).filter(k => typeof internalBindingForTest('" + name +
                   "')[k] === 'function').length",
               "number", std::to_string(info->method_count));
  }
}

}  // namespace
}  // namespace jspack::runtime
