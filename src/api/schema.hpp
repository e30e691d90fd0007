// JSON shapes that both write a record as JSON and describe it as a JSON Schema (the OpenAPI 3.0
// dialect), so the document at /api/v1/openapi.json cannot drift from what the server sends.
//
// A Shape<T> is a list of fields, each a key plus a function of the record. A field's JSON type
// follows the C++ type that function returns (std::string -> string, integers -> integer,
// double -> number, bool -> boolean, std::optional<X> -> X or null, std::vector<X> -> array,
// string maps -> object of strings), so changing a member's type changes the schema with it.
// Shapes are built once (function-local statics) and are then read-only and thread-safe.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/enum_text.hpp"
namespace mobilise::api {

// Schema nodes.
boost::json::object TypeSchema(std::string_view type);
boost::json::object ArraySchema(boost::json::object items);
// `node` that may also be null.
boost::json::object NullableSchema(boost::json::object node);
// A closed object: exactly these properties, the `required` ones always present.
boost::json::object ObjectSchema(boost::json::object properties,
                                 const std::vector<std::string>& required);
// A string among `values`.
boost::json::object EnumSchema(std::span<const std::string_view> values);

// The schema and the JSON writer of a C++ value type.
template <typename V>
struct JsonOf;

template <>
struct JsonOf<std::string> {
  static boost::json::object Schema() { return TypeSchema("string"); }
  static boost::json::value Write(const std::string& v) { return boost::json::value(v); }
};
template <>
struct JsonOf<std::string_view> {
  static boost::json::object Schema() { return TypeSchema("string"); }
  static boost::json::value Write(std::string_view v) { return boost::json::value(v); }
};
template <>
struct JsonOf<bool> {
  static boost::json::object Schema() { return TypeSchema("boolean"); }
  static boost::json::value Write(bool v) { return boost::json::value(v); }
};
template <typename V>
requires(std::is_integral_v<V> && !std::is_same_v<V, bool>) struct JsonOf<V> {
  static boost::json::object Schema() { return TypeSchema("integer"); }
  static boost::json::value Write(V v) { return boost::json::value(v); }
};
template <typename V>
requires std::is_floating_point_v<V>
struct JsonOf<V> {
  static boost::json::object Schema() { return TypeSchema("number"); }
  static boost::json::value Write(V v) { return boost::json::value(v); }
};
// Any JSON (e.g. an audit snapshot).
template <>
struct JsonOf<boost::json::value> {
  static boost::json::object Schema() { return {}; }
  static boost::json::value Write(const boost::json::value& v) { return v; }
};
template <>
struct JsonOf<boost::json::object> {
  static boost::json::object Schema() { return TypeSchema("object"); }
  static boost::json::value Write(const boost::json::object& v) { return v; }
};
template <typename V>
struct JsonOf<std::optional<V>> {
  static boost::json::object Schema() { return NullableSchema(JsonOf<V>::Schema()); }
  static boost::json::value Write(const std::optional<V>& v) {
    return v ? JsonOf<V>::Write(*v) : boost::json::value(nullptr);
  }
};
template <typename V>
struct JsonOf<std::vector<V>> {
  static boost::json::object Schema() { return ArraySchema(JsonOf<V>::Schema()); }
  static boost::json::value Write(const std::vector<V>& v) {
    boost::json::array a;
    for (const auto& x : v) a.push_back(JsonOf<V>::Write(x));
    return a;
  }
};
// Key -> value pairs as one object (translations {"ps": "...", "uk": "..."}, answers).
template <typename V>
struct JsonOf<std::vector<std::pair<std::string, V>>> {
  static boost::json::object Schema() {
    auto o = TypeSchema("object");
    o["additionalProperties"] = JsonOf<V>::Schema();
    return o;
  }
  static boost::json::value Write(const std::vector<std::pair<std::string, V>>& v) {
    boost::json::object o;
    for (const auto& [k, x] : v) o[k] = JsonOf<V>::Write(x);
    return o;
  }
};
template <typename V>
struct JsonOf<std::map<std::string, V>> {
  static boost::json::object Schema() {
    auto o = TypeSchema("object");
    o["additionalProperties"] = JsonOf<V>::Schema();
    return o;
  }
  static boost::json::value Write(const std::map<std::string, V>& v) {
    boost::json::object o;
    for (const auto& [k, x] : v) o[k] = JsonOf<V>::Write(x);
    return o;
  }
};

// What every shape says about itself, without its record type.
class ShapeBase {
 public:
  explicit ShapeBase(std::string name) : name_(std::move(name)) {}
  virtual ~ShapeBase() = default;
  // The component name (#/components/schemas/<name>); empty for a shape always written inline.
  const std::string& name() const { return name_; }
  // The closed object schema: every field, required unless written only when present.
  boost::json::object Schema() const;
  // Where another schema refers to this one: a $ref, or the schema itself when unnamed.
  boost::json::object Use() const;
  // The named shapes this one refers to (directly), for the document's components.
  const std::vector<const ShapeBase*>& Refs() const { return refs_; }

 protected:
  struct FieldSchema {
    std::string key;
    boost::json::object schema;
    bool required = true;
  };
  void Describe(std::string key, boost::json::object schema, bool required);
  void Refer(const ShapeBase& shape);
  std::vector<FieldSchema> schemas_;

 private:
  std::string name_;
  std::vector<const ShapeBase*> refs_;
};

template <typename T>
class Shape : public ShapeBase {
 public:
  explicit Shape(std::string name) : ShapeBase(std::move(name)) {}

  // A field holding `member`.
  template <typename M>
  Shape& Field(std::string key, M T::*member) {
    return Computed(std::move(key), [member](const T& t) -> const M& { return t.*member; });
  }
  // A string field whose value is one of `values` (the schema lists them).
  template <typename M>
  requires(!std::is_enum_v<M>) Shape& Field(std::string key, M T::*member,
                                            std::span<const std::string_view> values) {
    Field(key, member);
    Restrict(values);
    return *this;
  }
  // An enum field, written as its text: `texts` lists them in the enum's order (so does the
  // schema).
  template <typename E>
  requires std::is_enum_v<E> Shape& Field(std::string key, E T::*member,
                                          std::span<const std::string_view> texts) {
    return Computed(
        std::move(key),
        [member, texts](const T& t) { return std::string(EnumText(texts, t.*member)); }, texts);
  }
  // A field computed from the record by `fn` (its JSON type follows fn's return type).
  template <typename F>
  Shape& Computed(std::string key, F fn) {
    using V = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
    Describe(key, JsonOf<V>::Schema(), true);
    writers_.push_back(
        [key, fn](const T& t, boost::json::object& o) { o[key] = JsonOf<V>::Write(fn(t)); });
    return *this;
  }
  // A computed string field whose value is one of `values`.
  template <typename F>
  Shape& Computed(std::string key, F fn, std::span<const std::string_view> values) {
    Computed(std::move(key), fn);
    Restrict(values);
    return *this;
  }
  // A field written only when `fn` returns a value (std::optional); not required.
  template <typename F>
  Shape& WhenPresent(std::string key, F fn) {
    using V = typename std::remove_cvref_t<std::invoke_result_t<F, const T&>>::value_type;
    Describe(key, JsonOf<V>::Schema(), false);
    writers_.push_back([key, fn](const T& t, boost::json::object& o) {
      if (auto v = fn(t)) o[key] = JsonOf<V>::Write(*v);
    });
    return *this;
  }
  // A field holding a record of another shape: `fn` returns a U, a std::optional<U> (null when
  // absent) or a std::vector<U> (an array).
  template <typename U, typename F>
  Shape& Nested(std::string key, const Shape<U>& shape, F fn) {
    using R = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
    Refer(shape);
    if constexpr (std::is_same_v<R, std::vector<U>>) {
      Describe(key, ArraySchema(shape.Use()), true);
      writers_.push_back([key, fn, &shape](const T& t, boost::json::object& o) {
        boost::json::array a;
        for (const auto& u : fn(t)) a.push_back(shape.Write(u));
        o[key] = std::move(a);
      });
    } else if constexpr (std::is_same_v<R, std::optional<U>>) {
      Describe(key, NullableSchema(shape.Use()), true);
      writers_.push_back([key, fn, &shape](const T& t, boost::json::object& o) {
        const auto& u = fn(t);
        o[key] = u ? boost::json::value(shape.Write(*u)) : boost::json::value(nullptr);
      });
    } else {
      static_assert(std::is_same_v<R, U>, "Nested: fn must return U, optional<U> or vector<U>");
      Describe(key, shape.Use(), true);
      writers_.push_back(
          [key, fn, &shape](const T& t, boost::json::object& o) { o[key] = shape.Write(fn(t)); });
    }
    return *this;
  }
  // Every field of `base`, written from the U that `project` gives (a detail extends a record).
  template <typename U, typename F>
  Shape& Include(const Shape<U>& base, F project) {
    for (const auto& f : base.schemas_) Describe(f.key, f.schema, f.required);
    for (const auto* r : base.Refs()) Refer(*r);
    for (const auto& w : base.writers_)
      writers_.push_back([w, project](const T& t, boost::json::object& o) { w(project(t), o); });
    return *this;
  }

  // The record as JSON, fields in the order they were declared.
  boost::json::object Write(const T& record) const {
    boost::json::object o;
    o.reserve(writers_.size());
    for (const auto& w : writers_) w(record, o);
    return o;
  }

 private:
  template <typename>
  friend class Shape;
  void Restrict(std::span<const std::string_view> values) {
    auto& s = schemas_.back().schema;
    const bool nullable = s.contains("nullable");
    s = EnumSchema(values);
    if (nullable) s = NullableSchema(std::move(s));
  }
  std::vector<std::function<void(const T&, boost::json::object&)>> writers_;
};

}  // namespace mobilise::api
