#include "api/indicator_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

const Shape<domain::Indicator>& IndicatorShape() {
  using I = domain::Indicator;
  using F = domain::IndicatorFilter;
  static const auto filter = Shape<F>("").Field("field", &F::field).Field("values", &F::values);
  static const auto shape =
      Shape<I>("Indicator")
          .Field("code", &I::code)
          .Field("name", &I::name)
          .Field("names", &I::names)
          .Field("description", &I::description)
          .Field("record", &I::record)
          .Field("measure", &I::measure)
          .Field("field", &I::field)
          .Field("numerator", &I::numerator)
          .Field("denominator", &I::denominator)
          .Field("scale", &I::scale)
          .Nested("filters", filter, [](const I& i) { return i.filters; })
          .Field("dims", &I::dims)
          .Field("builtin", &I::builtin)
          .Computed("unit", [](const I& i) { return domain::IndicatorUnit(i); })
          .Field("version", &I::version);
  return shape;
}

const Shape<domain::ValueRow>& ValueRowShape() {
  using R = domain::ValueRow;
  static const auto shape = Shape<R>("ValueRow")
                                .Field("keys", &R::keys)
                                .Field("labels", &R::labels)
                                .Field("period", &R::period)
                                .Field("cumulative", &R::cumulative)
                                .Field("previous", &R::previous)
                                .Field("target", &R::target)
                                .Field("achieved", &R::achieved)
                                .Field("light", &R::light);
  return shape;
}

const Shape<domain::Period>& PeriodShape() {
  using P = domain::Period;
  static const auto shape =
      Shape<P>("Period").Field("text", &P::text).Field("start", &P::start).Field("end", &P::end);
  return shape;
}

const Shape<ValuesView>& ValuesShape() {
  using V = ValuesView;
  static const auto indicator =
      Shape<V>("")
          .Computed("code", [](const V& v) { return v.values.indicator.code; })
          .Computed(
              "name",
              [](const V& v) { return domain::IndicatorName(v.values.indicator, v.context.lang); })
          .Computed("unit", [](const V& v) { return v.values.unit; });
  static const auto area =
      Shape<domain::Area>("").Field("id", &domain::Area::id).Field("name", &domain::Area::name);
  static const auto shape =
      Shape<V>("IndicatorValues")
          .Nested("indicator", indicator, [](const V& v) -> const V& { return v; })
          .Computed("stock", [](const V& v) { return v.values.stock; })
          .Nested("area", area, [](const V& v) -> const domain::Area& { return v.context.area; })
          .Nested("period", PeriodShape(),
                  [](const V& v) -> const domain::Period& { return v.context.period; })
          .Nested("previous", PeriodShape(), [](const V& v) { return v.context.previous; })
          .Computed("include_unverified", [](const V& v) { return v.context.include_unverified; })
          .Computed("by", [](const V& v) { return v.values.by; })
          .Nested("total", ValueRowShape(),
                  [](const V& v) -> const domain::ValueRow& { return v.values.total; })
          .Nested("rows", ValueRowShape(), [](const V& v) { return v.values.rows; });
  return shape;
}

const Shape<domain::RecordRef>& IndicatorRecordShape() {
  using R = domain::RecordRef;
  static const auto shape = Shape<R>("IndicatorRecord")
                                .Field("record", &R::record)
                                .Field("id", &R::id)
                                .Field("label", &R::label)
                                .Field("date", &R::date)
                                .Field("area_path", &R::area_path);
  return shape;
}

const Shape<domain::RecordKind>& RecordKindShape() {
  using K = domain::RecordKind;
  using F = domain::FilterField;
  static const auto filter = Shape<F>("").Field("name", &F::name).Field("boolean", &F::boolean);
  static const auto shape = Shape<K>("RecordKind")
                                .Field("code", &K::code)
                                .Field("stock", &K::stock)
                                .Field("measures", &K::measures)
                                .Field("sum_fields", &K::sum_fields)
                                .Field("average_fields", &K::average_fields)
                                .Nested("filters", filter, [](const K& k) { return k.filters; })
                                // Every kind also offers the child area and the month.
                                .Computed("dims", [](const K& k) {
                                  auto dims = k.dims;
                                  dims.emplace_back(domain::kChildAreaDim);
                                  dims.emplace_back(domain::kMonthDim);
                                  return dims;
                                });
  return shape;
}

const Shape<domain::Target>& TargetShape() {
  using T = domain::Target;
  static const auto shape = Shape<T>("Target")
                                .Field("id", &T::id)
                                .Field("indicator_code", &T::indicator_code)
                                .Field("area_id", &T::area_id)
                                .Field("area_name", &T::area_name)
                                .Field("period", &T::period)
                                .Field("period_start", &T::period_start)
                                .Field("period_end", &T::period_end)
                                .Field("disaggregation", &T::disaggregation)
                                .Field("value", &T::value)
                                .Field("version", &T::version);
  return shape;
}

const Shape<domain::ProgrammeSettings>& SettingsShape() {
  using S = domain::ProgrammeSettings;
  static constexpr std::string_view kLabels[] = {"start", "end"};
  static const auto shape =
      Shape<S>("ProgrammeSettings")
          .Computed("fiscal_year_start_month", [](const S& s) { return s.fiscal_year.start_month; })
          .Computed(
              "fiscal_year_label",
              [](const S& s) {
                return std::string(s.fiscal_year.named_by_start ? "start" : "end");
              },
              kLabels)
          .Computed("project_start", [](const S& s) { return s.fiscal_year.project_start; })
          .Field("light_green", &S::light_green)
          .Field("light_amber", &S::light_amber)
          .Field("dhis2_data_set", &S::dhis2_data_set)
          .Field("dhis2_attribute_option_combo", &S::dhis2_attribute_option_combo);
  return shape;
}

json::object IndicatorJson(const domain::Indicator& d) { return IndicatorShape().Write(d); }
json::object ValuesJson(const domain::ValueContext& c, const domain::IndicatorValues& v) {
  return ValuesShape().Write(ValuesView{c, v});
}
json::object TargetJson(const domain::Target& t) { return TargetShape().Write(t); }
json::object SettingsJson(const domain::ProgrammeSettings& s) { return SettingsShape().Write(s); }
json::object RecordKindJson(const domain::RecordKind& k) { return RecordKindShape().Write(k); }
json::object IndicatorRecordJson(const domain::RecordRef& r) {
  return IndicatorRecordShape().Write(r);
}

domain::IndicatorInput ReadIndicator(ObjectReader& r) {
  domain::IndicatorInput in;
  in.code = r.OptionalString("code");
  in.name = r.OptionalString("name");
  in.description = r.OptionalString("description");
  in.record = r.ClearableString("record");
  in.measure = r.OptionalString("measure");
  in.field = r.ClearableString("field");
  in.numerator = r.ClearableString("numerator");
  in.denominator = r.ClearableString("denominator");
  in.scale = r.OptionalNumber("scale");
  in.dims = r.OptionalStrings("dims");
  in.filters = ReadObjects<domain::IndicatorFilter>(
      r, "filters", r.OptionalArray("filters"), [](ObjectReader& f) {
        domain::IndicatorFilter x;
        x.field = f.RequiredString("field");
        x.values = f.OptionalStrings("values").value_or(std::vector<std::string>{});
        return x;
      });
  in.names = r.OptionalStringMap("names");
  return in;
}

domain::SettingsInput ReadSettings(ObjectReader& r) {
  domain::SettingsInput in;
  if (auto m = r.OptionalInt("fiscal_year_start_month"))
    in.fiscal_year_start_month = static_cast<int>(*m);
  in.fiscal_year_label = r.OptionalString("fiscal_year_label");
  in.project_start = r.OptionalString("project_start");
  in.light_green = r.OptionalNumber("light_green");
  in.light_amber = r.OptionalNumber("light_amber");
  in.dhis2_data_set = r.OptionalString("dhis2_data_set");
  in.dhis2_attribute_option_combo = r.OptionalString("dhis2_attribute_option_combo");
  return in;
}

domain::TargetInput ReadTarget(ObjectReader& r) {
  domain::TargetInput in;
  in.indicator_code = r.RequiredString("indicator_code");
  in.area_id = r.RequiredString("area_id");
  in.period = r.RequiredString("period");
  in.disaggregation = r.OptionalString("disaggregation").value_or("");
  in.value = r.OptionalNumber("value").value_or(-1);
  if (!r.OptionalNumber("value")) r.Invalid("value", problem::Required());
  in.id = ReadClientId(r);
  return in;
}

}  // namespace mobilise::api
