// The pieces of the operation table (openapi_table*.cpp): how a row names its schemas.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "api/dto.hpp"
#include "api/openapi.hpp"

namespace mobilise::api::openapi_table {

using Schema = std::function<boost::json::object()>;

template <typename T>
Schema One(const Shape<T>& (*shape)()) {
  return [shape] { return shape().Use(); };
}
template <typename T>
Schema ArrayOf(const Shape<T>& (*shape)()) {
  return [shape] { return ArraySchema(shape().Use()); };
}
template <typename T>
Schema PageOf(const Shape<T>& (*shape)()) {
  return [shape] { return PageSchema(shape()); };
}
// An object of `shape`'s items under "items" and the integers `also` ({items, total}, ...).
template <typename T>
Schema ItemsOf(const Shape<T>& (*shape)(), std::vector<std::string> also = {"total"}) {
  return [shape, also] {
    boost::json::object properties{{"items", ArraySchema(shape().Use())}};
    std::vector<std::string> required{"items"};
    for (const auto& k : also) {
      properties[k] = TypeSchema("integer");
      required.push_back(k);
    }
    return ObjectSchema(std::move(properties), required);
  };
}
// {items} of a whole list, without a count.
template <typename T>
Schema OnlyItemsOf(const Shape<T>& (*shape)()) {
  return ItemsOf(shape, {});
}
template <typename F>
Schema Reads(F read) {
  return [read] { return RecordedRequest(read); };
}
// A PATCH body: the version read first, then the fields of `read`.
template <typename F>
Schema Versioned(F read) {
  return Reads([read](ObjectReader& r) {
    r.RequiredInt("version");
    read(r);
  });
}

// The rows and shapes of supervision visits and actions (openapi_table_supervision.cpp).
std::vector<OperationSchema> SupervisionOperations();
std::vector<const ShapeBase*> SupervisionShapes();

// The rows of the activities, feedback, trainings, indicators, reports and imports.
std::vector<OperationSchema> ProgrammeOperations();
std::vector<const ShapeBase*> ProgrammeShapes();
// The rows of ODK Collect: devices, forms and the OpenRosa endpoints (openapi_table_collect.cpp).
std::vector<OperationSchema> CollectOperations();
std::vector<const ShapeBase*> CollectShapes();
// The rows of group books (openapi_table_books.cpp).
std::vector<OperationSchema> BookOperations();
std::vector<const ShapeBase*> BookShapes();
// The rows of the team's work: the reporting line, plans, diaries (openapi_table_team.cpp).
std::vector<OperationSchema> TeamOperations();
std::vector<const ShapeBase*> TeamShapes();

}  // namespace mobilise::api::openapi_table
